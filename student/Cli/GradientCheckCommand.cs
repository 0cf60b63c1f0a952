using Assignment1.Configuration;
using Assignment1.Experiments;
using Assignment1.Training;

namespace Assignment1.Cli;

/// <summary>
/// <c>gradcheck</c>: trains the config's model for a few epochs with your code, then runs the finite-difference study
/// (<see cref="GradientCheckStudy"/>) on the first training batch and prints its table, with a log-log figure.
/// </summary>
public static class GradientCheckCommand
{
    /// <summary>The command's help.</summary>
    public const string Usage = """
        Usage: dotnet run --project student -c Release -- gradcheck --config FILE [options]

        Compares your Forward's analytic gradient with central differences (L(w+ε) − L(w−ε)) / 2ε, ε = 1/N,
        for N = 1 … 100,000, on the first training batch, and prints the largest difference per N.

        Options:
          --config FILE    YAML config (model, batch size, learning rate, ...) (required)
          --param NAME     the parameter to check (default: W2 for the two-layer network, W1 for softmax regression)
          --count P        how many of its weights, row by row (default 10)
          --epochs K       epochs to train first (default 1; 0 checks the initial weights)
          --out DIR        where to write gradcheck.md and gradcheck.png/.svg (default: outputs/gradcheck-<config name>)
          --data-dir DIR   folder holding MNIST (default: $MNIST_DIR, else data/mnist)
        """;

    /// <summary>Runs the command; returns the exit code (0 done, 2 bad arguments or config).</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>();
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] is "--help" or "-h")
            {
                Console.WriteLine(Usage);
                return 0;
            }
            if (args[i] is not ("--config" or "--param" or "--count" or "--epochs" or "--out" or "--data-dir") || i + 1 >= args.Count)
            {
                Console.Error.WriteLine($"{(i + 1 >= args.Count && args[i].StartsWith("--", StringComparison.Ordinal) ? $"{args[i]} needs a value" : $"Unknown argument '{args[i]}'")}.\n\n{Usage}");
                return 2;
            }
            values[args[i]] = args[++i];
        }
        if (!values.TryGetValue("--config", out string? configPath))
        {
            Console.Error.WriteLine($"--config is required.\n\n{Usage}");
            return 2;
        }
        if (!TryCount(values, "--count", 10, 1, out int count) || !TryCount(values, "--epochs", 1, 0, out int epochs))
        {
            return 2;
        }

        var config = ConfigLoader.Load(configPath) with { Debug = false };
        string parameter = values.GetValueOrDefault("--param") ?? (config.Model == ModelType.TwoLayerNet ? "W2" : "W1");
        string output = values.GetValueOrDefault("--out") ?? Path.Combine("outputs", "gradcheck-" + Path.GetFileNameWithoutExtension(configPath));
        string? mnist = values.GetValueOrDefault("--data-dir");

        var model = ModelFactory.CreateModel(config);
        if (!model.Weights.ContainsKey(parameter))
        {
            Console.Error.WriteLine($"--param {parameter}: {config.Model} has no parameter '{parameter}'; it has {string.Join(", ", model.Weights.Keys)}.");
            return 2;
        }
        var (trainData, trainLabels, valData, valLabels) = Utils.LoadMnistTrainVal(mnist);
        if (epochs > 0)
        {
            Console.WriteLine($"Training {config.Model} for {epochs} epoch(s) first ...");
            var (testData, testLabels) = Data.MnistDataset.LoadTestSet(mnist);
            var session = new TrainingSession(config with { Epochs = epochs }, mnist);
            session.Run(trainData, trainLabels, valData, valLabels, testData, testLabels);
            model = session.TrainedModel!;
        }
        int batch = Math.Min(config.BatchSize, trainData.RowCount);
        var rows = GradientCheckStudy.Run(model, trainData.SubMatrix(0, batch, 0, trainData.ColumnCount), trainLabels[..batch], parameter, count);

        string table = GradientCheckStudy.ToMarkdown(rows, parameter, count);
        Console.WriteLine(table);
        double slope = GradientCheckStudy.Slope(rows, 1, 1000);
        string summary = $"Slope of log(difference) against log(N), N from 1 to 1000: {slope:F2} (the truncation error of a central difference falls as ε² = 1/N², a slope of −2; past the smallest difference, round-off, which grows as N, takes over).";
        Console.WriteLine(summary);

        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "gradcheck.md"), table + Environment.NewLine + Environment.NewLine + summary + Environment.NewLine);
        string figure = new StudyFigure($"Gradient check of {parameter}: analytic vs central difference", "N (ε = 1/N)", "largest |analytic − numeric|", logLog: true)
            .Add($"first {count} weights of {parameter}", rows.Select(r => (double)r.N).ToList(), rows.Select(r => Math.Max(r.MaxDifference, double.Epsilon)).ToList())
            .Save(Path.Combine(output, "gradcheck"));
        Console.WriteLine($"Table and figure written to {Path.GetFullPath(output)} ({Path.GetFileName(figure)}, gradcheck.svg, gradcheck.md)");
        return 0;
    }

    private static bool TryCount(Dictionary<string, string> values, string name, int fallback, int minimum, out int value)
    {
        value = fallback;
        if (!values.TryGetValue(name, out string? text))
        {
            return true;
        }
        if (int.TryParse(text, out value) && value >= minimum)
        {
            return true;
        }
        Console.Error.WriteLine($"{name} is '{text}'; expected a whole number of at least {minimum}.");
        return false;
    }
}
