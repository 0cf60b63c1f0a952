using Assignment1.Experiments.Sweeps;

namespace Assignment1.Cli;

/// <summary>The sweep command's options.</summary>
/// <param name="SweepFile">The sweep file, e.g. configs/sweep_lr.yaml.</param>
/// <param name="Force">Train every run again, even those already finished.</param>
/// <param name="Jobs">Runs trained at once; null for <see cref="SweepRunner.DefaultJobs"/>.</param>
/// <param name="Epochs">Every run's epochs instead of the configs'; null to keep them.</param>
/// <param name="OutputDirectory">Output folder; null for <c>outputs/sweeps/&lt;sweep&gt;</c>.</param>
/// <param name="MnistDirectory">MNIST's folder; null for the default.</param>
public sealed record SweepOptions(string SweepFile, bool Force, int? Jobs, int? Epochs, string? OutputDirectory, string? MnistDirectory);

/// <summary><c>sweep</c>: trains every run of a sweep file with your code and writes the figures and tables for the report.</summary>
public static class SweepCommand
{
    /// <summary>Trains (or reuses) the sweep's runs and writes its report; returns 0.</summary>
    public static int Run(SweepOptions options)
    {
        var sweep = SweepDefinition.Load(options.SweepFile);
        var runs = SweepPlan.Make(sweep, options.Epochs);
        string output = options.OutputDirectory ?? Path.Combine("outputs", "sweeps", sweep.Name);
        var results = new SweepRunner(output, options.MnistDirectory, options.Jobs ?? SweepRunner.DefaultJobs(), options.Force).Run(runs);
        string markdown = SweepReport.Write(sweep.Name, results, output);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Figures (valid_accuracy, train_accuracy, valid_loss, train_loss; .png and .svg), results.csv and results.md written to {Path.GetFullPath(output)}");
        return 0;
    }
}
