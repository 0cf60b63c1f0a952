namespace Assignment1.Cli;

/// <summary>The training CLI's options.</summary>
/// <param name="ConfigPath">The YAML config to train with (<c>--config</c>).</param>
/// <param name="MetricsOut">Where to write the metrics JSON (<c>--metrics-out</c>), or null.</param>
/// <param name="PlotsDirectory">Where to write the learning-curve figures (<c>--plots-dir</c>).</param>
/// <param name="MnistDirectory">Where MNIST is (<c>--data-dir</c>), or null to search for it.</param>
public sealed record CommandLineOptions(string ConfigPath, string? MetricsOut, string PlotsDirectory, string? MnistDirectory)
{
    /// <summary>The usage text printed by <c>--help</c> and after a wrong argument.</summary>
    public const string Usage = """
        Usage: dotnet run --project student -c Release -- --config FILE [options]

        Trains the model the config describes, as the original main.py does.

        Options:
          --config FILE        YAML config, e.g. configs/config_twolayer.yaml (required)
          --metrics-out FILE   also write every epoch's loss, accuracy and seconds, and the test accuracy, as JSON
          --plots-dir DIR      where to write loss.svg and accuracy.svg (default: outputs/<config name>)
          --data-dir DIR       folder holding MNIST (default: $MNIST_DIR, else data/mnist)
          --help               show this text
        """;

    /// <summary>Parses the arguments; returns null and an error (or null error for --help) when it cannot run.</summary>
    public static (CommandLineOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? config = null, metrics = null, plots = null, data = null;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name is "--help" or "-h")
            {
                return (null, null);
            }
            if (name is not ("--config" or "--metrics-out" or "--plots-dir" or "--data-dir"))
            {
                return (null, $"Unknown argument '{name}'.");
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return (null, $"{name} needs a value.");
            }
            string value = args[++i];
            switch (name)
            {
                case "--config": config = value; break;
                case "--metrics-out": metrics = value; break;
                case "--plots-dir": plots = value; break;
                default: data = value; break;
            }
        }
        if (config is null)
        {
            return (null, "--config is required.");
        }
        plots ??= Path.Combine("outputs", Path.GetFileNameWithoutExtension(config));
        return (new CommandLineOptions(config, metrics, plots, data), null);
    }
}
