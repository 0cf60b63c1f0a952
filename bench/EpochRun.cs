using System.Diagnostics;
using System.Text.Json;
using Assignment1.Configuration;
using Assignment1.Training;

namespace Assignment1.Bench;

/// <summary>What one training run measured (one child process: one provider, one config).</summary>
/// <param name="Provider">"managed" or "fast".</param>
/// <param name="Config">The config file's name.</param>
/// <param name="EpochSeconds">Wall-clock seconds of each epoch (training and validation).</param>
/// <param name="TestAccuracy">Test accuracy of the best model.</param>
/// <param name="PeakMegabytes">Peak working set of the process, MB.</param>
public sealed record EpochRun(string Provider, string Config, double[] EpochSeconds, double TestAccuracy, double PeakMegabytes)
{
    /// <summary>The median of <see cref="EpochSeconds"/>: robust to the first epoch's JIT and to a noisy neighbour.</summary>
    public double MedianSeconds => Median(EpochSeconds);

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Trains <paramref name="configPath"/> on <paramref name="provider"/> in this process and measures it (the child's side).</summary>
    public static EpochRun Measure(string provider, string configPath, int? epochs, string? mnistDirectory)
    {
        Providers.Use(provider);
        var config = ConfigLoader.Load(configPath);
        if (epochs is int n)
        {
            config = config with { Epochs = n };
        }
        var report = new TrainingSession(config, mnistDirectory).Run();
        using var self = Process.GetCurrentProcess();
        return new EpochRun(provider, Path.GetFileName(configPath), report.Epochs.Select(e => e.Seconds).ToArray(),
            report.TestAccuracy, self.PeakWorkingSet64 / 1e6);
    }

    /// <summary>Runs <see cref="Measure"/> in a fresh process, so that peak memory and JIT state belong to this run alone.</summary>
    public static EpochRun InChildProcess(string provider, string configPath, int? epochs, string? mnistDirectory)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        foreach (string argument in new[] { typeof(EpochRun).Assembly.Location, "epoch-run", provider, configPath, epochs?.ToString() ?? "-", mnistDirectory ?? "-" })
        {
            start.ArgumentList.Add(argument);
        }
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the benchmark's child process");
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the {provider} run of {configPath} failed (exit {child.ExitCode}).");
        }
        return JsonSerializer.Deserialize<EpochRun>(output.Trim().Split('\n')[^1])!;
    }
}
