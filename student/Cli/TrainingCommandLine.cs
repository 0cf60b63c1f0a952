using System.CommandLine;
using System.CommandLine.Parsing;

namespace Assignment1.Cli;

/// <summary>
/// The training CLI's commands, options and help, on System.CommandLine: training (the root command), and the
/// studies <c>gradcheck</c> and <c>sweep</c>. Exit codes: 0 done; 1 your code threw or is not implemented yet;
/// 2 wrong arguments, config or data.
/// </summary>
public static class TrainingCommandLine
{
    private const string Run = "dotnet run --project student -c Release --";

    /// <summary>Parses <paramref name="args"/> and runs the command; a parse error prints what is wrong and exits with 2.</summary>
    public static int Invoke(string[] args)
    {
        var root = Build();
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine(error.Message);
            }
            string command = result.CommandResult.Command is RootCommand ? "" : result.CommandResult.Command.Name + " ";
            Console.Error.WriteLine($"Usage: {Run} {command}--help shows the options{(command.Length == 0 ? " and the commands (gradcheck, sweep)" : "")}.");
            return 2;
        }
        return result.Invoke();
    }

    /// <summary>The root command (training) with its subcommands.</summary>
    public static RootCommand Build()
    {
        var config = new Option<string>("--config") { Description = "YAML config, e.g. configs/config_twolayer.yaml", HelpName = "FILE", Required = true };
        var metricsOut = new Option<string?>("--metrics-out") { Description = "also write every epoch's loss, accuracy and seconds, and the test accuracy, as JSON", HelpName = "FILE" };
        var plotsDir = new Option<string?>("--plots-dir") { Description = "where PlotCurves writes loss.png and accuracy.png, with .svg copies (default: outputs/<config name>)", HelpName = "DIR" };
        var dataDir = DataDirectory();
        var root = new RootCommand($"Trains the model a config describes, as the original main.py does: {Run} --config configs/config_twolayer.yaml")
        {
            config, metricsOut, plotsDir, dataDir, GradientCheck(), Sweep(),
        };
        root.SetAction(parsed =>
        {
            string configPath = parsed.GetValue(config)!;
            return CommandErrors.Guarded(() => TrainCommand.Run(new TrainOptions(configPath, parsed.GetValue(metricsOut),
                parsed.GetValue(plotsDir) ?? Path.Combine("outputs", Path.GetFileNameWithoutExtension(configPath)), parsed.GetValue(dataDir))));
        });
        return root;
    }

    private static Command GradientCheck()
    {
        var config = new Option<string>("--config") { Description = "YAML config (model, batch size, learning rate, ...)", HelpName = "FILE", Required = true };
        var parameter = new Option<string?>("--param") { Description = "the parameter to check (default: W2 for the two-layer network, W1 for softmax regression)", HelpName = "NAME" };
        var count = WholeNumber("--count", "how many of its weights, row by row (default 10)", "P", minimum: 1);
        var epochs = WholeNumber("--epochs", "epochs to train first (default 1; 0 checks the initial weights)", "K", minimum: 0);
        var output = new Option<string?>("--out") { Description = "where to write gradcheck.md and gradcheck.png/.svg (default: outputs/gradcheck-<config name>)", HelpName = "DIR" };
        var dataDir = DataDirectory();
        var command = new Command("gradcheck", "Compares your Forward's analytic gradient with central differences (L(w+ε) − L(w−ε)) / 2ε, ε = 1/N, "
            + "for N = 1 … 100,000, on the first training batch: a table of the largest difference per N, and a log-log figure.")
        {
            config, parameter, count, epochs, output, dataDir,
        };
        command.SetAction(parsed => CommandErrors.Guarded(() => GradientCheckCommand.Run(new GradientCheckOptions(
            parsed.GetValue(config)!, parsed.GetValue(parameter), parsed.GetValue(count) ?? 10, parsed.GetValue(epochs) ?? 1, parsed.GetValue(output), parsed.GetValue(dataDir)))));
        return command;
    }

    private static Command Sweep()
    {
        var file = new Argument<string>("FILE") { Description = "the sweep file: a base config and the values to vary, e.g. configs/sweep_lr.yaml" };
        var force = new Option<bool>("--force") { Description = "train every run again, even those already finished" };
        var jobs = WholeNumber("--jobs", "runs trained at once (default: one per two cores, within memory)", "N", minimum: 1);
        var epochs = WholeNumber("--epochs", "train every run for N epochs instead of the configs' (quick trials)", "N", minimum: 1);
        var output = new Option<string?>("--out") { Description = "output folder (default: outputs/sweeps/<sweep name>)", HelpName = "DIR" };
        var dataDir = DataDirectory();
        var command = new Command("sweep", "Trains every run of a sweep with your code, several at once, then writes per metric a figure comparing "
            + "the runs (PNG and SVG), results.csv and results.md (a table for your report that names the best run). Finished runs are reused.")
        {
            file, force, jobs, epochs, output, dataDir,
        };
        command.SetAction(parsed => CommandErrors.Guarded(() => SweepCommand.Run(new SweepOptions(
            parsed.GetValue(file)!, parsed.GetValue(force), parsed.GetValue(jobs), parsed.GetValue(epochs), parsed.GetValue(output), parsed.GetValue(dataDir)))));
        return command;
    }

    private static Option<string?> DataDirectory() =>
        new("--data-dir") { Description = "folder holding MNIST (default: $MNIST_DIR, else data/mnist)", HelpName = "DIR" };

    /// <summary>An optional whole-number option of at least <paramref name="minimum"/>; anything else is a parse error that says so.</summary>
    private static Option<int?> WholeNumber(string name, string description, string helpName, int minimum) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (int.TryParse(token, out int value) && value >= minimum)
            {
                return value;
            }
            result.AddError($"{name} is '{token}'; expected a whole number of at least {minimum}.");
            return null;
        },
    };
}
