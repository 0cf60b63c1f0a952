using System.Text.Json;
using Assignment1.Data;
using Assignment1.Training;
using Spectre.Console;

namespace Assignment1.Experiments.Sweeps;

/// <summary>
/// Trains a sweep's runs with the student's code, several at once, and keeps each run's outputs in
/// <c>{output}/runs/{run}/</c>: its config (<c>config.yaml</c>), metrics (<c>metrics.json</c>) and learning curves
/// (drawn by your <c>PlotCurves</c>). A run whose folder already holds metrics for the same config is reused.
/// </summary>
/// <param name="output">The sweep's output folder.</param>
/// <param name="mnistDirectory">MNIST's folder; null for the default.</param>
/// <param name="jobs">Runs trained at once.</param>
/// <param name="force">Retrain runs that are already finished.</param>
public sealed class SweepRunner(string output, string? mnistDirectory, int jobs, bool force)
{
    /// <summary>Runs at once that the machine holds: one per two cores (the matrix products use two threads), at most one per 2 GB of memory.</summary>
    public static int DefaultJobs()
    {
        long memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return Math.Max(1, Math.Min(Environment.ProcessorCount / 2, (int)(memory / (2L << 30))));
    }

    /// <summary>Trains (or reuses) every run, in parallel up to the jobs, with one progress display for the sweep.</summary>
    public IReadOnlyList<SweepResult> Run(IReadOnlyList<SweepRun> runs)
    {
        var results = new SweepResult?[runs.Count];
        var toTrain = new List<int>();
        for (int i = 0; i < runs.Count; i++)
        {
            if (!force && Finished(runs[i]) is { } report)
            {
                results[i] = new SweepResult(runs[i], report, Reused: true);
            }
            else
            {
                toTrain.Add(i);
            }
        }
        AnsiConsole.MarkupLine($"{runs.Count} runs: {runs.Count - toTrain.Count} reused, {toTrain.Count} to train, {jobs} at a time.");
        if (toTrain.Count == 0)
        {
            return results.Select(r => r!).ToList();
        }

        var (trainData, trainLabels, valData, valLabels) = Utils.LoadMnistTrainVal(mnistDirectory);
        var (testData, testLabels) = MnistDataset.LoadTestSet(mnistDirectory);
        void Train(int i, Action onEpoch)
        {
            var run = runs[i];
            var session = new TrainingSession(run.Config with { Debug = false }, mnistDirectory) { OnEpoch = _ => onEpoch() };
            var report = session.Run(trainData, trainLabels, valData, valLabels, testData, testLabels);
            Save(run, report);
            results[i] = new SweepResult(run, report, Reused: false);
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = jobs };
        if (Console.IsOutputRedirected)
        {
            // A log or CI: one line per finished run instead of a live display.
            Parallel.ForEach(toTrain, parallel, i =>
            {
                Train(i, () => { });
                Console.WriteLine($"finished {runs[i].Label}: best validation accuracy {results[i]!.BestValidAccuracy:F4}");
            });
            return results.Select(r => r!).ToList();
        }
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var overall = context.AddTask("all runs (epochs)", maxValue: toTrain.Sum(i => runs[i].Config.Epochs));
                Parallel.ForEach(toTrain, parallel, i =>
                {
                    var task = context.AddTask(Markup.Escape(runs[i].Label), maxValue: runs[i].Config.Epochs);
                    Train(i, () =>
                    {
                        task.Increment(1);
                        overall.Increment(1);
                    });
                    task.Value = task.MaxValue; // early stopping ends a run before its last epoch
                });
                overall.Value = overall.MaxValue;
            });
        return results.Select(r => r!).ToList();
    }

    private string Folder(SweepRun run) => Path.Combine(output, "runs", run.FolderName);

    private TrainingReport? Finished(SweepRun run)
    {
        string folder = Folder(run);
        string metrics = Path.Combine(folder, "metrics.json"), config = Path.Combine(folder, "config.yaml");
        if (!File.Exists(metrics) || !File.Exists(config) || File.ReadAllText(config) != run.ConfigYaml)
        {
            return null;
        }
        try
        {
            return MetricsFile.Read(metrics);
        }
        catch (JsonException)
        {
            return null; // an interrupted write: train again
        }
    }

    private void Save(SweepRun run, TrainingReport report)
    {
        string folder = Folder(run);
        Directory.CreateDirectory(folder);
        MetricsFile.Write(Path.Combine(folder, "metrics.json"), run.Config, report);
        Utils.PlotCurves(
            report.Epochs.Select(e => e.TrainLoss).ToList(), report.Epochs.Select(e => e.TrainAccuracy).ToList(),
            report.Epochs.Select(e => e.ValidLoss).ToList(), report.Epochs.Select(e => e.ValidAccuracy).ToList(),
            folder);
        // Written last: a run counts as finished only once everything else is in place.
        File.WriteAllText(Path.Combine(folder, "config.yaml"), run.ConfigYaml);
    }
}
