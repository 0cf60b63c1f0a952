using System.Text.Json;
using System.Text.Json.Serialization;
using Assignment1.Configuration;

namespace Assignment1.Training;

/// <summary>Writes a run's metrics as JSON for scripts that compare runs (<c>--metrics-out</c>).</summary>
public static class MetricsFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// Writes <c>{ "config": {...}, "epochs": [{ "epoch", "train_loss", "train_accuracy", "valid_loss",
    /// "valid_accuracy", "seconds" }, ...], "best_epoch", "test_accuracy" }</c> to <paramref name="path"/>.
    /// </summary>
    public static void Write(string path, TrainingConfig config, TrainingReport report)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        var document = new { Config = config, report.Epochs, report.BestEpoch, report.TestAccuracy };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Options));
    }

    /// <summary>Reads back the report of a file <see cref="Write"/> wrote.</summary>
    /// <exception cref="JsonException">The file is not such a document.</exception>
    public static TrainingReport Read(string path)
    {
        var document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Options) ?? throw new JsonException($"{path} is empty.");
        return document.Epochs is { Count: > 0 } epochs ? new TrainingReport(epochs, document.BestEpoch, document.TestAccuracy) : throw new JsonException($"{path} has no epochs.");
    }

    private sealed record Document(List<EpochMetrics>? Epochs, int BestEpoch, double TestAccuracy);
}
