using Assignment1.Configuration;
using Assignment1.Experiments;
using Assignment1.Training;

namespace Assignment1.Cli;

/// <summary>The gradient-check command's options.</summary>
/// <param name="ConfigPath">The YAML config (model, batch size, learning rate, …).</param>
/// <param name="Parameter">The parameter to check; null for W2 (two-layer) or W1 (softmax regression).</param>
/// <param name="Count">How many of its weights, row by row.</param>
/// <param name="Epochs">Epochs to train first (0 checks the initial weights).</param>
/// <param name="OutputDirectory">Where to write the table and figure; null for <c>outputs/gradcheck-&lt;config&gt;</c>.</param>
/// <param name="MnistDirectory">MNIST's folder; null for the default.</param>
public sealed record GradientCheckOptions(string ConfigPath, string? Parameter, int Count, int Epochs, string? OutputDirectory, string? MnistDirectory);

/// <summary>
/// <c>gradcheck</c>: trains the config's model for a few epochs with your code, then runs the finite-difference study
/// (<see cref="GradientCheckStudy"/>) on the first training batch and prints its table, with a log-log figure.
/// </summary>
public static class GradientCheckCommand
{
    /// <summary>Runs the study; returns the exit code (0 done, 2 a parameter the model lacks).</summary>
    public static int Run(GradientCheckOptions options)
    {
        var config = ConfigLoader.Load(options.ConfigPath) with { Debug = false };
        string parameter = options.Parameter ?? (config.Model == ModelType.TwoLayerNet ? "W2" : "W1");
        string output = options.OutputDirectory ?? Path.Combine("outputs", "gradcheck-" + Path.GetFileNameWithoutExtension(options.ConfigPath));
        string? mnist = options.MnistDirectory;

        var model = ModelFactory.CreateModel(config);
        if (!model.Weights.ContainsKey(parameter))
        {
            Console.Error.WriteLine($"--param {parameter}: {config.Model} has no parameter '{parameter}'; it has {string.Join(", ", model.Weights.Keys)}.");
            return 2;
        }
        var (trainData, trainLabels, valData, valLabels) = Utils.LoadMnistTrainVal(mnist);
        if (options.Epochs > 0)
        {
            Console.WriteLine($"Training {config.Model} for {options.Epochs} epoch(s) first ...");
            var (testData, testLabels) = Data.MnistDataset.LoadTestSet(mnist);
            var session = new TrainingSession(config with { Epochs = options.Epochs }, mnist);
            session.Run(trainData, trainLabels, valData, valLabels, testData, testLabels);
            model = session.TrainedModel!;
        }
        int batch = Math.Min(config.BatchSize, trainData.RowCount);
        var rows = GradientCheckStudy.Run(model, trainData.SubMatrix(0, batch, 0, trainData.ColumnCount), trainLabels[..batch], parameter, options.Count);

        string table = GradientCheckStudy.ToMarkdown(rows, parameter, options.Count);
        Console.WriteLine(table);
        double slope = GradientCheckStudy.Slope(rows, 1, 1000);
        string summary = $"Slope of log(difference) against log(N), N from 1 to 1000: {slope:F2} (the truncation error of a central difference falls as ε² = 1/N², a slope of −2; past the smallest difference, round-off, which grows as N, takes over).";
        Console.WriteLine(summary);

        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "gradcheck.md"), table + Environment.NewLine + Environment.NewLine + summary + Environment.NewLine);
        string figure = new StudyFigure($"Gradient check of {parameter}: analytic vs central difference", "N (ε = 1/N)", "largest |analytic − numeric|", logLog: true)
            .Add($"first {options.Count} weights of {parameter}", rows.Select(r => (double)r.N).ToList(), rows.Select(r => Math.Max(r.MaxDifference, double.Epsilon)).ToList())
            .Save(Path.Combine(output, "gradcheck"));
        Console.WriteLine($"Table and figure written to {Path.GetFullPath(output)} ({Path.GetFileName(figure)}, gradcheck.svg, gradcheck.md)");
        return 0;
    }
}
