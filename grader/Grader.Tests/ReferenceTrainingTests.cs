using System.Text.Json;
using System.Xml.Linq;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests;

/// <summary>
/// The training CLI, built with the reference solution, trains both default configs for their full 10
/// epochs to the original's accuracy and writes the learning curves and the metrics JSON.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)] // each training is a CLI process writing files of its own
public class ReferenceTrainingTests
{
    private static readonly string Cli = Repository.TestFile("Assignment1.dll");
    private string _output = null!;

    [OneTimeSetUp]
    public void CreateOutputFolder() => _output = Directory.CreateTempSubdirectory("training-run").FullName;

    [OneTimeTearDown]
    public void DeleteOutputFolder() => Directory.Delete(_output, recursive: true);

    // Two-layer: the original's published run reached test 0.9256 (train 0.9214, valid 0.9273).
    // Softmax-ReLU: the original lands between 0.65 and 0.80, depending on the random stream.
    [TestCase("config_twolayer.yaml", 0.920, 0.930)]
    [TestCase("config_softmax.yaml", 0.65, 0.80)]
    public void DefaultConfig_ReachesTheOriginalsAccuracy_AndWritesFiguresAndMetrics(string config, double low, double high)
    {
        string metricsPath = Path.Combine(_output, config + ".json");
        string plots = Path.Combine(_output, config + "-plots");

        var run = ExternalProcess.Run("dotnet",
            [Cli, "--config", Repository.PathOf("configs", config), "--metrics-out", metricsPath, "--plots-dir", plots],
            Repository.Root, TimeSpan.FromMinutes(8));

        run.ExitCode.Should().Be(0, run.Output);
        run.StandardOutput.Should().Contain("Epoch  10/10").And.Contain("Final Accuracy on Test Data:")
            .And.Contain($"note: {Repository.PathOf("configs", config)}: Train.momentum (0.9) is not used", "a setting that changes nothing is named");

        var metrics = JsonDocument.Parse(File.ReadAllText(metricsPath)).RootElement;
        var epochs = metrics.GetProperty("epochs").EnumerateArray().ToList();
        epochs.Should().HaveCount(10);
        epochs.Select(e => e.GetProperty("seconds").GetDouble()).Should().OnlyContain(s => s > 0);
        epochs.Select(e => e.GetProperty("epoch").GetInt32()).Should().Equal(Enumerable.Range(1, 10));
        foreach (string key in new[] { "train_loss", "train_accuracy", "valid_loss", "valid_accuracy" })
        {
            epochs.Select(e => e.GetProperty(key).GetDouble()).Should().OnlyContain(v => double.IsFinite(v) && v >= 0, key);
        }
        var valid = epochs.Select(e => e.GetProperty("valid_accuracy").GetDouble()).ToList();
        metrics.GetProperty("best_epoch").GetInt32().Should().Be(valid.IndexOf(valid.Max()) + 1,
            "the best model is the first epoch with the highest validation accuracy (strict >)");
        double testAccuracy = metrics.GetProperty("test_accuracy").GetDouble();
        testAccuracy.Should().BeInRange(low, high, $"the reference on {config} should match the original's accuracy");
        TestContext.Out.WriteLine($"{config}: test accuracy {testAccuracy:F4}, best epoch {metrics.GetProperty("best_epoch").GetInt32()}");

        foreach (var (figure, title) in new[] { ("loss", "Loss per epoch"), ("accuracy", "Accuracy per epoch") })
        {
            // The PNG for the report, drawn (not blank); the SVG names what it shows: its title and both curves.
            using var png = SkiaSharp.SKBitmap.Decode(Path.Combine(plots, figure + ".png"));
            png.Should().NotBeNull($"{figure}.png is an image");
            png.Pixels.Distinct().Count().Should().BeGreaterThan(20, $"{figure}.png is a drawn chart, not a blank image");
            var svg = XDocument.Load(Path.Combine(plots, figure + ".svg"));
            svg.Root!.Name.LocalName.Should().Be("svg");
            var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
            texts.Should().Contain([title, "epoch", "train", "valid"], $"{figure}.svg shows train and valid per epoch");
        }
    }
}
