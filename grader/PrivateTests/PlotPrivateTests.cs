using System.Xml.Linq;
using Assignment1.Tests.Support;

namespace Assignment1.PrivateTests;

/// <summary>
/// PlotCurves: two figures a browser can open, in the folder asked for. (11.1, two labelled figures, is in the public suite.)
/// </summary>
[TestFixture]
public class PlotPrivateTests
{
    private static readonly string[] FigureExtensions = [".svg", ".png", ".html", ".jpg", ".jpeg", ".gif"];
    private static readonly double[] TrainLoss = [2.1, 0.9, 0.6, 0.5], TrainAcc = [0.4, 0.8, 0.85, 0.9];
    private static readonly double[] ValidLoss = [1.8, 1.0, 0.7, 0.65], ValidAcc = [0.5, 0.75, 0.83, 0.86];

    private string _root = null!;

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("plots").FullName;

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    [Graded("11.2", 4, "The figures open in a browser", PrivateSuite.Visibility)]
    public void Figures_AreValidImages()
    {
        var figures = Plot(_root);
        Expect.True(figures.Count >= 1, "PlotCurves wrote no figures to check", "two figures (loss and accuracy)", $"{figures.Count} figures",
            "save one figure of the losses and one of the accuracies into the folder given (Plot.SavePng and Plot.SaveSvg).");
        foreach (string figure in figures)
        {
            byte[] bytes = File.ReadAllBytes(figure);
            bool valid = Path.GetExtension(figure).ToLowerInvariant() switch
            {
                ".svg" => IsSvg(figure),
                ".png" => bytes.Length > 8 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G',
                ".html" => File.ReadAllText(figure).Contains("<svg", StringComparison.OrdinalIgnoreCase) || File.ReadAllText(figure).Contains("<img", StringComparison.OrdinalIgnoreCase),
                _ => bytes.Length > 16,
            };
            Expect.True(valid, $"{Path.GetFileName(figure)} is not a valid image", "a well-formed SVG (or PNG) file", "a file a browser cannot show",
                "save with ScottPlot's SavePng and SaveSvg, which write complete images.");
        }
    }

    [Test]
    [Graded("11.3", 3, "PlotCurves creates the output folder", PrivateSuite.Visibility)]
    public void PlotCurves_CreatesAMissingFolder()
    {
        string folder = Path.Combine(_root, "new", "nested");
        var figures = Plot(folder);
        int distinct = figures.Select(Path.GetFileNameWithoutExtension).Distinct().Count();
        Expect.True(distinct >= 2, "No figures in a folder that did not exist before", "two figures in " + folder, $"{distinct} figures",
            "create the folder if it is missing (Directory.CreateDirectory), before saving into it.");
    }

    [Test]
    [Graded("11.4", 4, "Each figure has a title, axis labels and named series", PrivateSuite.Visibility)]
    public void Figures_HaveATitleAxisLabelsAndNamedSeries()
    {
        var written = Plot(_root);
        // How many figures there are is 11.1's business (public suite); this test judges the labels of those written,
        // which only a figure's SVG shows: each figure (its PNG and SVG share a name) needs one.
        var withoutSvg = written.GroupBy(Path.GetFileNameWithoutExtension)
            .Where(g => !g.Any(f => Path.GetExtension(f).Equals(".svg", StringComparison.OrdinalIgnoreCase) && IsSvg(f))).Select(g => g.Key).ToList();
        Expect.True(written.Count >= 1 && withoutSvg.Count == 0, "A figure has no SVG, so its labels cannot be read", "an SVG of every figure",
            written.Count == 0 ? "no figure" : "no SVG of " + string.Join(", ", withoutSvg),
            "save each figure as SVG too (Plot.SaveSvg), next to its PNG: one of training and validation loss, one of training and validation accuracy.");
        var figures = written.Where(f => Path.GetExtension(f).Equals(".svg", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (string figure in figures)
        {
            // A report's figure names what it shows: title, x and y labels, and both series in the legend; tick
            // labels are numbers and do not count.
            var labels = XDocument.Load(figure).Descendants().Where(e => e.Name.LocalName == "text")
                .Select(e => e.Value.Trim())
                .Where(text => text.Length > 0 && !double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                .ToList();
            Expect.True(labels.Count >= 5, $"{Path.GetFileName(figure)} lacks labels", "a title, two axis labels and two series names",
                labels.Count == 0 ? "no text" : string.Join(", ", labels.Select(l => $"\"{l}\"")),
                "give each plot a Title, an XLabel and a YLabel, name both curves (LegendText: training and validation) and ShowLegend.");
        }
    }

    private static List<string> Plot(string folder)
    {
        StudentCode.Run("PlotCurves", () => Utils.PlotCurves(TrainLoss, TrainAcc, ValidLoss, ValidAcc, folder));
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(f => FigureExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).ToList()
            : [];
    }

    private static bool IsSvg(string path)
    {
        try
        {
            return XDocument.Load(path).Root?.Name.LocalName == "svg";
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }
}
