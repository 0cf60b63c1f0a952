using Assignment1.Configuration;
using Assignment1.Training;
using Spectre.Console;

namespace Assignment1.Cli;

/// <summary>What to train and where to write it: the training command's options.</summary>
/// <param name="ConfigPath">The YAML config.</param>
/// <param name="MetricsOut">Where to write every epoch's metrics as JSON; null for nowhere.</param>
/// <param name="PlotsDirectory">Where <c>PlotCurves</c> writes the learning curves.</param>
/// <param name="MnistDirectory">MNIST's folder; null for <c>$MNIST_DIR</c>, else <c>data/mnist</c>.</param>
public sealed record TrainOptions(string ConfigPath, string? MetricsOut, string PlotsDirectory, string? MnistDirectory);

/// <summary>The training command: trains the model a config describes, as the original <c>main.py</c> does.</summary>
public static class TrainCommand
{
    /// <summary>Trains, prints the epochs and the test accuracy, draws the curves with your <c>PlotCurves</c>; returns 0.</summary>
    public static int Run(TrainOptions options)
    {
        var config = ConfigLoader.Load(options.ConfigPath);
        Console.WriteLine($"Training {config.Model} from {options.ConfigPath}: batch {config.BatchSize}, lr {config.LearningRate}, reg {config.Reg}, {config.Epochs} epochs" +
                          (config.HiddenSize is int h && config.Model == ModelType.TwoLayerNet ? $", hidden {h}" : ""));

        foreach (string note in ConfigLoader.UnusedSettings(config))
        {
            Console.WriteLine($"note: {options.ConfigPath}: {note}");
        }

        var report = TrainWithProgress(config, options.MnistDirectory);

        Console.WriteLine($"Best validation accuracy at epoch {report.BestEpoch}.");
        Console.WriteLine($"Final Accuracy on Test Data: {report.TestAccuracy:F4}");

        Utils.PlotCurves(
            report.Epochs.Select(e => e.TrainLoss).ToList(), report.Epochs.Select(e => e.TrainAccuracy).ToList(),
            report.Epochs.Select(e => e.ValidLoss).ToList(), report.Epochs.Select(e => e.ValidAccuracy).ToList(),
            options.PlotsDirectory);
        Console.WriteLine($"Learning curves written to {Path.GetFullPath(options.PlotsDirectory)}");

        if (options.MetricsOut is not null)
        {
            MetricsFile.Write(options.MetricsOut, config, report);
            Console.WriteLine($"Metrics written to {Path.GetFullPath(options.MetricsOut)}");
        }
        return 0;
    }

    /// <summary>
    /// Trains with a live progress bar per epoch (Spectre.Console) when the output is a terminal, and plainly when it is
    /// redirected (a log, CI); with <c>debug: True</c> each epoch's summary is printed as it ends.
    /// </summary>
    private static TrainingReport TrainWithProgress(TrainingConfig config, string? mnistDirectory)
    {
        void PrintEpoch(EpochMetrics epoch, Action<string> print)
        {
            if (config.Debug)
            {
                print($"Epoch {epoch.Epoch,3}/{config.Epochs}  train loss {epoch.TrainLoss:F4} acc {epoch.TrainAccuracy:F4}  " +
                      $"valid loss {epoch.ValidLoss:F4} acc {epoch.ValidAccuracy:F4}  ({epoch.Seconds:F1} s)");
            }
        }
        if (Console.IsOutputRedirected)
        {
            return new TrainingSession(config, mnistDirectory) { OnEpoch = e => PrintEpoch(e, Console.WriteLine) }.Run();
        }
        return AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask? task = null;
                var session = new TrainingSession(config, mnistDirectory)
                {
                    OnBatch = (epoch, progress) =>
                    {
                        task ??= context.AddTask($"Epoch {epoch}/{config.Epochs}", maxValue: progress.BatchCount);
                        task.Value = progress.Batch;
                        if (progress.Batch % 50 == 0 || progress.Batch == progress.BatchCount)
                        {
                            task.Description = $"Epoch {epoch,3}/{config.Epochs}  loss {progress.MeanLoss:F4} acc {progress.Accuracy:F4}";
                        }
                    },
                    OnEpoch = epoch =>
                    {
                        task?.StopTask();
                        task = null;
                        PrintEpoch(epoch, line => AnsiConsole.WriteLine(line));
                    },
                };
                return session.Run();
            });
    }
}
