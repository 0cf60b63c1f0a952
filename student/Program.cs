using System.Globalization;
using Assignment1;
using Assignment1.Cli;
using Assignment1.Configuration;
using Assignment1.Data;
using Assignment1.Numerics.Gemm;
using Assignment1.Training;

// The training CLI: dotnet run --project student -c Release -- --config configs/config_twolayer.yaml
// Exit codes: 0 trained; 1 your code threw or is not implemented yet; 2 bad arguments, config or data.

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
// Matrix products (x * w and friends) on our vectorized, multi-threaded kernel instead of MathNet's managed one.
FastLinearAlgebraProvider.Register();

if (args is ["gradcheck", .. var gradcheckArguments])
{
    return Guarded(() => GradientCheckCommand.Run(gradcheckArguments));
}
if (args is ["sweep", .. var sweepArguments])
{
    return Guarded(() => SweepCommand.Run(sweepArguments));
}

var (options, argumentError) = CommandLineOptions.Parse(args);
if (options is null)
{
    (argumentError is null ? Console.Out : Console.Error).WriteLine(
        argumentError is null ? CommandLineOptions.Usage : $"{argumentError}\n\n{CommandLineOptions.Usage}");
    return argumentError is null ? 0 : 2;
}

return Guarded(() =>
{
    var config = ConfigLoader.Load(options.ConfigPath);
    Console.WriteLine($"Training {config.Model} from {options.ConfigPath}: batch {config.BatchSize}, lr {config.LearningRate}, reg {config.Reg}, {config.Epochs} epochs" +
                      (config.HiddenSize is int h && config.Model == ModelType.TwoLayerNet ? $", hidden {h}" : ""));

    foreach (string note in ConfigLoader.UnusedSettings(config))
    {
        Console.WriteLine($"note: {options.ConfigPath}: {note}");
    }

    var bar = ConsoleProgressBar.ForConsole();
    var session = new TrainingSession(config, options.MnistDirectory)
    {
        OnBatch = (epoch, progress) => bar.Report(epoch, config.Epochs, progress),
        OnEpoch = epoch =>
        {
            bar.Finish();
            if (config.Debug)
            {
                Console.WriteLine($"Epoch {epoch.Epoch,3}/{config.Epochs}  train loss {epoch.TrainLoss:F4} acc {epoch.TrainAccuracy:F4}  " +
                                  $"valid loss {epoch.ValidLoss:F4} acc {epoch.ValidAccuracy:F4}  ({epoch.Seconds:F1} s)");
            }
        },
    };
    var report = session.Run();

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
});

// Exit 2 for what the user passes (arguments, config, data), 1 for what the student's code throws.
static int Guarded(Func<int> command)
{
    try
    {
        return command();
    }
    catch (Exception e) when (e is ConfigException or MnistNotFoundException or InvalidDataException)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
    catch (Exception e)
    {
        Console.Error.WriteLine();
        Console.Error.WriteLine(StudentCodeErrors.Describe(e));
        return 1;
    }
}
