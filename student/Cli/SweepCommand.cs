using Assignment1.Experiments.Sweeps;

namespace Assignment1.Cli;

/// <summary><c>sweep</c>: trains every run of a sweep file with your code and writes the figures and tables for the report.</summary>
public static class SweepCommand
{
    /// <summary>The command's help.</summary>
    public const string Usage = """
        Usage: dotnet run --project student -c Release -- sweep FILE [options]

        Trains every run of a sweep (a base config and the values to vary, e.g. configs/sweep_lr.yaml) with your
        code, several at once, then writes per metric a figure comparing the runs (PNG and SVG), results.csv and
        results.md (a table for your report that names the best run). Finished runs are reused when run again.

        Options:
          --force          train every run again, even those already finished
          --jobs N         runs trained at once (default: one per two cores, within memory)
          --epochs N       train every run for N epochs instead of the configs' (quick trials)
          --out DIR        output folder (default: outputs/sweeps/<sweep name>)
          --data-dir DIR   folder holding MNIST (default: $MNIST_DIR, else data/mnist)
        """;

    /// <summary>Runs the command; returns the exit code (0 done, 2 bad arguments or sweep file).</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        string? file = null;
        var values = new Dictionary<string, string>();
        bool force = false;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    Console.WriteLine(Usage);
                    return 0;
                case "--force":
                    force = true;
                    break;
                case "--jobs" or "--epochs" or "--out" or "--data-dir" when i + 1 < args.Count:
                    values[args[i]] = args[++i];
                    break;
                case var argument when !argument.StartsWith("--", StringComparison.Ordinal) && file is null:
                    file = argument;
                    break;
                default:
                    Console.Error.WriteLine($"{(args[i] is "--jobs" or "--epochs" or "--out" or "--data-dir" ? $"{args[i]} needs a value" : $"Unknown argument '{args[i]}'")}.\n\n{Usage}");
                    return 2;
            }
        }
        if (file is null)
        {
            Console.Error.WriteLine($"Name the sweep file, e.g. configs/sweep_lr.yaml.\n\n{Usage}");
            return 2;
        }
        int? jobs = null, epochs = null;
        foreach (var (name, set) in new (string, Action<int>)[] { ("--jobs", n => jobs = n), ("--epochs", n => epochs = n) })
        {
            if (values.TryGetValue(name, out string? text))
            {
                if (!int.TryParse(text, out int n) || n < 1)
                {
                    Console.Error.WriteLine($"{name} is '{text}'; expected a whole number of at least 1.");
                    return 2;
                }
                set(n);
            }
        }

        var sweep = SweepDefinition.Load(file);
        var runs = SweepPlan.Make(sweep, epochs);
        string output = values.GetValueOrDefault("--out") ?? Path.Combine("outputs", "sweeps", sweep.Name);
        var results = new SweepRunner(output, values.GetValueOrDefault("--data-dir"), jobs ?? SweepRunner.DefaultJobs(), force).Run(runs);
        string markdown = SweepReport.Write(sweep.Name, results, output);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Figures (valid_accuracy, train_accuracy, valid_loss, train_loss; .png and .svg), results.csv and results.md written to {Path.GetFullPath(output)}");
        return 0;
    }
}
