using System.Globalization;
using System.Xml.Linq;
using Assignment1.Tests.Support;

namespace Assignment1.Tests;

/// <summary>PlotCurves: the two figures of the report, each with a title, axis labels and named series.</summary>
[TestFixture]
public class PlotTests
{
    private static readonly string[] FigureExtensions = [".svg", ".png"];

    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("plot-test").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Graded("11.1", 4, "PlotCurves writes two labelled figures")]
    [Test]
    public void PlotCurves_WritesTheLossAndTheAccuracyFigure_EachWithATitleAxisLabelsAndNamedSeries()
    {
        StudentCode.Run("PlotCurves", () => Utils.PlotCurves(
            trainLoss: [2.3, 1.2, 0.8], trainAcc: [0.3, 0.7, 0.8], validLoss: [2.0, 1.1, 0.9], validAcc: [0.4, 0.72, 0.79], _folder));

        var figures = Directory.EnumerateFiles(_folder).Where(f => FigureExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).ToList();
        // A figure saved as PNG and as SVG is one figure: they count by name.
        int distinct = figures.Select(Path.GetFileNameWithoutExtension).Distinct().Count();
        Expect.True(distinct >= 2 && figures.All(f => new FileInfo(f).Length > 0), "PlotCurves did not write two figures",
            "two non-empty figures in the folder given (loss.png and accuracy.png, each with its .svg)",
            figures.Count == 0 ? "no figure file" : string.Join(", ", figures.Select(Path.GetFileName)),
            "draw one ScottPlot Plot of training and validation loss and one of training and validation accuracy, and save each into outputDirectory (SavePng and SaveSvg).");
        foreach (string figure in figures.Where(f => Path.GetExtension(f).Equals(".svg", StringComparison.OrdinalIgnoreCase)))
        {
            // Tick labels are numbers and do not count: a report's figure names what it shows.
            var labels = XDocument.Load(figure).Descendants().Where(e => e.Name.LocalName == "text")
                .Select(e => e.Value.Trim())
                .Where(text => text.Length > 0 && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                .ToList();
            Expect.True(labels.Count >= 5, $"{Path.GetFileName(figure)} lacks labels", "a title, two axis labels and two series names",
                labels.Count == 0 ? "no text" : string.Join(", ", labels.Select(l => $"\"{l}\"")),
                "give each plot a Title, an XLabel and a YLabel, name both curves (LegendText: training and validation) and ShowLegend.");
        }
    }
}
