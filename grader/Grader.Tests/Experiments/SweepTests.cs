using Assignment1.Configuration;
using Assignment1.Experiments;
using Assignment1.Experiments.Sweeps;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;
using SkiaSharp;

namespace Assignment1.Grader.Tests.Experiments;

/// <summary>Sweeps: the shipped ones load, runs combine as their mode says, and a sweep run as students run it writes the report's figures and tables, and reuses finished runs.</summary>
[TestFixture]
public class SweepTests
{
    private static readonly string Cli = Repository.TestFile("Assignment1.dll");

    [Test]
    public void ShippedLearningRateSweep_WithTheReference_WritesFiguresCsvAndTable_AndARerunReusesEveryRun()
    {
        string output = Directory.CreateTempSubdirectory("sweep").FullName;
        try
        {
            // CI-sized: one epoch per run instead of ten.
            string[] sweep = [Cli, "sweep", "configs/sweep_lr.yaml", "--epochs", "1", "--out", output];
            var first = ExternalProcess.Run("dotnet", sweep, Repository.Root, TimeSpan.FromMinutes(5));
            first.ExitCode.Should().Be(0, first.Output);
            first.StandardOutput.Should().Contain("5 runs: 0 reused, 5 to train");
            string[] labels = ["learning_rate=0.01", "learning_rate=0.05", "learning_rate=0.1", "learning_rate=0.5", "learning_rate=1.0"];

            foreach (var (file, label, _) in SweepReport.Metrics)
            {
                using var png = SKBitmap.Decode(Path.Combine(output, file + ".png"));
                png.Should().NotBeNull($"{file}.png is a PNG");
                (png.Width, png.Height).Should().Be((StudyFigure.Width, StudyFigure.Height));
                png.Pixels.Distinct().Count().Should().BeGreaterThan(20, $"{file}.png is a drawn chart, not a blank image");
                string svg = File.ReadAllText(Path.Combine(output, file + ".svg"));
                svg.Should().Contain($"sweep_lr: {label} per epoch", "the figure has its title").And.Contain("epoch");
                foreach (string run in labels)
                {
                    svg.Should().Contain(run, $"the legend of {file} names every run");
                }
            }
            File.ReadAllLines(Path.Combine(output, "results.csv")).Should().HaveCount(6).And.Subject.First().Should().StartWith("Train.learning_rate,");
            string markdown = File.ReadAllText(Path.Combine(output, "results.md"));
            markdown.Should().Contain("(best)").And.Contain("Best run of sweep_lr: learning_rate=");
            labels.Should().OnlyContain(l => File.Exists(Path.Combine(output, "runs", l, "metrics.json")) && File.Exists(Path.Combine(output, "runs", l, "loss.svg")));

            var second = ExternalProcess.Run("dotnet", sweep, Repository.Root, TimeSpan.FromMinutes(2));
            second.ExitCode.Should().Be(0, second.Output);
            second.StandardOutput.Should().Contain("5 runs: 5 reused, 0 to train");
            File.ReadAllText(Path.Combine(output, "results.md")).Should().Be(markdown, "the reused runs give the same table");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Test]
    public void EveryShippedSweep_Loads_AndEachRunIsAValidConfig()
    {
        var files = Directory.GetFiles(Repository.PathOf("configs"), "sweep_*.yaml");
        files.Select(Path.GetFileName).Should().Contain(["sweep_lr.yaml", "sweep_reg.yaml", "sweep_search.yaml", "sweep_97.yaml"]);
        foreach (string file in files)
        {
            SweepPlan.Make(SweepDefinition.Load(file)).Should().NotBeEmpty(file);
        }
        var lr = SweepPlan.Make(SweepDefinition.Load(Repository.PathOf("configs", "sweep_lr.yaml")));
        lr.Select(r => r.Config.LearningRate).Should().Equal(0.01, 0.05, 0.1, 0.5, 1.0);
        var baseConfig = ConfigLoader.Load(Repository.PathOf("configs", "config_twolayer.yaml"));
        lr.Select(r => r.Config with { LearningRate = 0.1 }).Should().OnlyContain(c => c == baseConfig, "only the learning rate changes");
    }

    [Test]
    public void Modes_CombineValuesAsDocumented()
    {
        var grid = SweepPlan.Make(Sweep("mode: grid", "  Train.learning_rate: [0.1, 0.2]\n  Model.hidden_size: [16, 32, 64]"));
        grid.Should().HaveCount(6);
        grid.Select(r => (r.Config.LearningRate, r.Config.HiddenSize)).Should().OnlyHaveUniqueItems();

        var oneAtATime = SweepPlan.Make(Sweep("mode: one-at-a-time", "  Train.learning_rate: [0.1, 0.2]\n  Model.hidden_size: [16, 32, 64]"));
        oneAtATime.Should().HaveCount(5, "two learning rates, then three hidden sizes");
        oneAtATime.Single(r => r.Label == "hidden_size=32").Config.LearningRate.Should().Be(0.1, "the other key keeps the base value");

        var search = Sweep("mode: random\nruns: 5\nseed: 3", "  Train.learning_rate: {min: 0.001, max: 1, log: true}\n  Model.hidden_size: [16, 32]");
        var drawn = SweepPlan.Make(search);
        drawn.Should().HaveCount(5).And.OnlyContain(r => r.Config.LearningRate >= 0.001 && r.Config.LearningRate <= 1 && (r.Config.HiddenSize == 16 || r.Config.HiddenSize == 32));
        SweepPlan.Make(search).Select(r => r.Label).Should().Equal(drawn.Select(r => r.Label), "the same seed draws the same runs");
        SweepPlan.Make(search, epochs: 2).Should().OnlyContain(r => r.Config.Epochs == 2);
    }

    [TestCase("mode: sideways", "  Train.learning_rate: [0.1]", "*'mode' is 'sideways'; expected one-at-a-time, grid or random*")]
    [TestCase("mode: grid", "  learning_rate: [0.1]", "*sweep.yaml:*'learning_rate' must name a config key as Section.key*")]
    [TestCase("mode: grid", "  Train.learning_rate: {min: 0.1, max: 1}", "*must be a list of values*ranges are for mode: random*")]
    [TestCase("mode: grid", "  Train.learning_rate: [0.1, -1]", "*Sweep 'sweep'*'Train.learning_rate' is '-1'; expected a number greater than 0*")]
    [TestCase("mode: grid", "  Train.learnig_rate: [0.1]", "*Sweep 'sweep'*unknown key 'Train.learnig_rate'*")]
    [TestCase("mode: random", "  Train.reg: {min: 0, max: 1, log: true}", "*the range of 'Train.reg' needs min < max, both above 0 for log: true*")]
    public void BadSweep_SaysWhereAndWhat(string header, string vary, string expected)
    {
        var load = () => Sweep(header, vary);
        load.Should().Throw<ConfigException>().WithMessage(expected);
    }

    private static SweepDefinition Sweep(string header, string vary)
    {
        string folder = Directory.CreateTempSubdirectory("sweep-file").FullName;
        File.Copy(Repository.PathOf("configs", "config_twolayer.yaml"), Path.Combine(folder, "base.yaml"));
        string path = Path.Combine(folder, "sweep.yaml");
        File.WriteAllText(path, $"base: base.yaml\n{header}\nvary:\n{vary}\n");
        return SweepDefinition.Load(path);
    }
}
