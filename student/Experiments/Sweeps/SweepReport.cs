using System.Globalization;
using System.Text;
using Assignment1.Training;

namespace Assignment1.Experiments.Sweeps;

/// <summary>
/// What a sweep writes for the report, in its output folder: one comparison figure per metric (every run on the same
/// axes, labelled by its values; PNG and SVG), <c>results.csv</c>, and <c>results.md</c>, a Markdown table that names
/// the best run (highest validation accuracy).
/// </summary>
public static class SweepReport
{
    /// <summary>The per-epoch metrics compared, with their figure's file name and axis label.</summary>
    public static readonly IReadOnlyList<(string File, string Label, Func<EpochMetrics, double> Value)> Metrics =
    [
        ("valid_accuracy", "validation accuracy", e => e.ValidAccuracy),
        ("train_accuracy", "training accuracy", e => e.TrainAccuracy),
        ("valid_loss", "validation loss", e => e.ValidLoss),
        ("train_loss", "training loss", e => e.TrainLoss),
    ];

    /// <summary>The best result: the highest best validation accuracy, the first such run on a tie.</summary>
    public static SweepResult Best(IReadOnlyList<SweepResult> results) =>
        results.Aggregate((best, next) => next.BestValidAccuracy > best.BestValidAccuracy ? next : best);

    /// <summary>Writes the figures, the CSV and the Markdown table; returns the Markdown.</summary>
    public static string Write(string sweepName, IReadOnlyList<SweepResult> results, string output)
    {
        Directory.CreateDirectory(output);
        foreach (var (file, label, value) in Metrics)
        {
            var figure = new StudyFigure($"{sweepName}: {label} per epoch", "epoch", label);
            foreach (var result in results)
            {
                figure.Add(result.Run.Label, result.Report.Epochs.Select(e => (double)e.Epoch).ToList(), result.Report.Epochs.Select(value).ToList());
            }
            figure.Save(Path.Combine(output, file));
        }
        File.WriteAllText(Path.Combine(output, "results.csv"), Csv(results));
        string markdown = Markdown(sweepName, results);
        File.WriteAllText(Path.Combine(output, "results.md"), markdown);
        return markdown;
    }

    private static string Csv(IReadOnlyList<SweepResult> results)
    {
        var keys = results.SelectMany(r => r.Run.Settings.Keys).Distinct().ToList();
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", keys.Append("epochs_run").Append("final_valid_accuracy").Append("best_valid_accuracy").Append("best_epoch").Append("test_accuracy").Append("seconds")));
        foreach (var r in results)
        {
            var cells = keys.Select(k => r.Run.Settings.GetValueOrDefault(k, ""))
                .Append(r.Report.Epochs.Count.ToString(CultureInfo.InvariantCulture))
                .Append(F(r.FinalValidAccuracy)).Append(F(r.BestValidAccuracy)).Append(r.Report.BestEpoch.ToString(CultureInfo.InvariantCulture))
                .Append(F(r.Report.TestAccuracy)).Append(r.Seconds.ToString("F1", CultureInfo.InvariantCulture));
            text.AppendLine(string.Join(",", cells));
        }
        return text.ToString();
    }

    private static string Markdown(string sweepName, IReadOnlyList<SweepResult> results)
    {
        var best = Best(results);
        var text = new StringBuilder();
        text.AppendLine($"| run | final validation accuracy | best validation accuracy (epoch) | test accuracy of the best model | seconds |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            string name = r == best ? $"**{r.Run.Label}** (best)" : r.Run.Label;
            text.AppendLine($"| {name} | {F(r.FinalValidAccuracy)} | {F(r.BestValidAccuracy)} ({r.Report.BestEpoch}) | {F(r.Report.TestAccuracy)} | {r.Seconds:F1} |");
        }
        text.AppendLine();
        text.AppendLine($"Best run of {sweepName}: {best.Run.Label}, validation accuracy {F(best.BestValidAccuracy)} at epoch {best.Report.BestEpoch}, test accuracy {F(best.Report.TestAccuracy)}.");
        return text.ToString();
    }

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
