using System.Runtime.InteropServices;
using System.Text;

namespace Assignment1.Bench;

/// <summary>The table of <c>bench compare</c>: both sides' figures, then the ratios the performance targets are stated in.</summary>
public static class ComparisonTable
{
    /// <summary>Renders <paramref name="runs"/> (this project's runs have provider "fast"; NumPy's start with "numpy") as Markdown.</summary>
    public static string Render(IReadOnlyList<EpochRun> runs, int epochs, int rounds, string note)
    {
        var text = new StringBuilder();
        text.AppendLine($"bench compare, {DateTime.UtcNow:yyyy-MM-dd}, {Machine()}, {epochs} epochs, {rounds} round(s) alternating; {note}");
        text.AppendLine();
        text.AppendLine("| config | side | median s/epoch | first epoch / median | peak MB | test accuracy |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var group in runs.GroupBy(r => (r.Config, r.Provider)))
        {
            var side = Summarize(group.ToList());
            text.AppendLine($"| {group.Key.Config} | {(group.Key.Provider == "fast" ? "this project" : group.Key.Provider)} | {side.Median:F2} | {side.FirstRatio:F2} | {side.PeakMb:F0} | {side.Accuracy:F4} |");
        }
        text.AppendLine();
        text.AppendLine("| config | s/epoch, ours / NumPy (target ≤ 1.0) | first / median epoch, ours (target ≤ 1.3) | peak memory, ours / NumPy (target ≤ 1.0) | test accuracy difference |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var config in runs.GroupBy(r => r.Config))
        {
            var ours = Summarize(config.Where(r => r.Provider == "fast").ToList());
            var numpyRuns = config.Where(r => r.Provider.StartsWith("numpy", StringComparison.Ordinal)).ToList();
            if (numpyRuns.Count == 0)
            {
                text.AppendLine($"| {config.Key} | (no NumPy) | {ours.FirstRatio:F2} | (no NumPy) | |");
                continue;
            }
            var numpy = Summarize(numpyRuns);
            text.AppendLine($"| {config.Key} | {ours.Median / numpy.Median:F2} | {ours.FirstRatio:F2} | {ours.PeakMb / numpy.PeakMb:F2} | {Math.Abs(ours.Accuracy - numpy.Accuracy):F4} |");
        }
        return text.ToString();
    }

    private sealed record Side(double Median, double FirstRatio, double PeakMb, double Accuracy);

    /// <summary>Medians over rounds: of the per-run median epoch, of first/median, and of the peaks.</summary>
    private static Side Summarize(IReadOnlyList<EpochRun> runs) => new(
        EpochRun.Median(runs.Select(r => r.MedianSeconds)),
        EpochRun.Median(runs.Select(r => r.EpochSeconds[0] / r.MedianSeconds)),
        EpochRun.Median(runs.Select(r => r.PeakMegabytes)),
        runs[0].TestAccuracy);

    private static string Machine()
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : RuntimeInformation.ProcessArchitecture.ToString();
        return $"{cpu}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}";
    }
}
