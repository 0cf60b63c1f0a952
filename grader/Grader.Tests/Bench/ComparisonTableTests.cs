using Assignment1.Bench;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Bench;

/// <summary>
/// <c>bench compare</c>'s table from runs whose figures are known: each side's medians over rounds, and the ratios the
/// performance targets are stated in (ours / NumPy), with a row that says so when NumPy did not run.
/// </summary>
[TestFixture]
public class ComparisonTableTests
{
    private const string TwoLayer = "config_twolayer.yaml";
    private const string Softmax = "config_softmax.yaml";

    [Test]
    public void Ratios_AreOursOverNumpys_OfTheMediansOverRounds()
    {
        EpochRun[] runs =
        [
            // Round 1: ours 1.0 s per epoch after a 3.0 s first epoch; NumPy 2.0 s.
            new("fast", TwoLayer, [3.0, 1.0, 1.0], 0.9000, 500),
            new("numpy (OpenBLAS 0.3.21)", TwoLayer, [1.0, 2.0, 2.0], 0.8500, 1000),
            // Round 2: ours 3.0 s (a noisy neighbour), NumPy 2.0 s again. Medians of two rounds are their means.
            new("fast", TwoLayer, [3.0, 3.0, 3.0], 0.9100, 700),
            new("numpy (OpenBLAS 0.3.21)", TwoLayer, [2.0, 2.0, 2.0], 0.8600, 1000),
        ];

        var table = TableRows.Parse(ComparisonTable.Render(runs, epochs: 3, rounds: 2, note: "NumPy found: python3"));

        table.Side(TwoLayer, "this project").Should().Equal("2.00", "2.00", "600", "0.9000"); // median of 1.0, 3.0; of 3.0, 1.0; of 500, 700
        table.Side(TwoLayer, "numpy (OpenBLAS 0.3.21)").Should().Equal("2.00", "0.75", "1000", "0.8500");
        table.Ratios(TwoLayer).Should().Equal("1.00", "2.00", "0.60", "0.0500");
    }

    [Test]
    public void RatiosAgainstNumpy_AreComputedPerConfig()
    {
        EpochRun[] runs =
        [
            new("fast", TwoLayer, [1.2, 0.8, 0.8], 0.9241, 1300),
            new("numpy (OpenBLAS)", TwoLayer, [1.6, 1.6, 1.6], 0.9241, 1000),
            new("fast", Softmax, [0.9, 0.3, 0.3], 0.7408, 650),
            new("numpy (OpenBLAS)", Softmax, [0.2, 0.2, 0.2], 0.7410, 1300),
        ];

        var table = TableRows.Parse(ComparisonTable.Render(runs, epochs: 3, rounds: 1, note: "NumPy found: python3"));

        table.Ratios(TwoLayer).Should().Equal("0.50", "1.50", "1.30", "0.0000");
        table.Ratios(Softmax).Should().Equal("1.50", "3.00", "0.50", "0.0002");
    }

    [Test]
    public void WithoutNumpy_TheTableSaysSo_AndKeepsOurFirstEpochRatio()
    {
        const string note = "NumPy not found, so only this project's side was measured.";
        EpochRun[] runs = [new("fast", TwoLayer, [2.6, 2.0, 2.0], 0.9, 1300)];

        string text = ComparisonTable.Render(runs, epochs: 3, rounds: 1, note);

        text.Should().Contain(note, "the reader of the table must learn why NumPy's side is missing");
        TableRows.Parse(text).Ratios(TwoLayer).Should().Equal("(no NumPy)", "1.30", "(no NumPy)", "");
    }

    [Test]
    public void TheHeading_NamesTheEpochsRoundsAndMachine()
    {
        string text = ComparisonTable.Render([new("fast", TwoLayer, [1.0], 0.9, 1000)], epochs: 7, rounds: 2, note: "n");

        text.Split('\n')[0].Should().Contain("7 epochs").And.Contain("2 round(s)").And.Contain($"{Environment.ProcessorCount} cores")
            .And.Contain(DateTime.UtcNow.ToString("yyyy-MM-dd"));
    }

    [Test]
    public void AnExplicitPythonThatCannotBeRun_IsNamed_AndNothingIsInstalled()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"no-python-{Guid.NewGuid():N}");

        string? python = NumpySide.FindPython(missing, out string note);

        python.Should().BeNull();
        note.Should().Contain(missing).And.Contain("could not be run").And.Contain("only this project's side was measured");
    }
}
