using ScottPlot;

namespace Assignment1.Experiments;

/// <summary>
/// The figures of the studies, drawn with ScottPlot and saved as PNG (for slides and word processors) and SVG (for
/// Markdown and browsers): one chart, several named series on the same axes, a title and axis labels.
/// </summary>
/// <param name="title">The chart's title.</param>
/// <param name="xLabel">The horizontal axis's label.</param>
/// <param name="yLabel">The vertical axis's label.</param>
/// <param name="logLog">Both axes logarithmic (values must be positive): ticks at powers of ten.</param>
public sealed class StudyFigure(string title, string xLabel, string yLabel, bool logLog = false)
{
    /// <summary>Pixel size of the saved figures.</summary>
    public const int Width = 800, Height = 500;

    private readonly List<(string Name, double[] Xs, double[] Ys)> _series = [];

    /// <summary>The series added so far, by name (what a test or a report checks).</summary>
    public IReadOnlyList<string> SeriesNames => _series.Select(s => s.Name).ToList();

    /// <summary>The title.</summary>
    public string Title => title;

    /// <summary>Adds a series of points (<paramref name="xs"/>[i], <paramref name="ys"/>[i]).</summary>
    /// <exception cref="ArgumentException">Lengths differ, a value is not finite, or (log-log) not positive.</exception>
    public StudyFigure Add(string name, IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        if (xs.Count != ys.Count || xs.Count == 0)
        {
            throw new ArgumentException($"Series '{name}' of '{title}' needs as many x values as y values, and at least one.");
        }
        if (xs.Concat(ys).Any(v => !double.IsFinite(v) || (logLog && v <= 0)))
        {
            throw new ArgumentException($"Series '{name}' of '{title}' holds {(logLog ? "a value that is not positive, NaN or infinity, which log axes cannot show" : "NaN or infinity (a diverged run?)")}.");
        }
        _series.Add((name, xs.ToArray(), ys.ToArray()));
        return this;
    }

    /// <summary>Saves <c>{pathWithoutExtension}.png</c> and <c>.svg</c>, creating the folder; returns the PNG's path.</summary>
    public string Save(string pathWithoutExtension)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pathWithoutExtension))!);
        var plot = Render();
        plot.SavePng(pathWithoutExtension + ".png", Width, Height);
        plot.SaveSvg(pathWithoutExtension + ".svg", Width, Height);
        return pathWithoutExtension + ".png";
    }

    /// <summary>The ScottPlot plot of the series.</summary>
    public Plot Render()
    {
        var plot = new Plot();
        foreach (var (name, xs, ys) in _series)
        {
            var scatter = plot.Add.Scatter(logLog ? xs.Select(Math.Log10).ToArray() : xs, logLog ? ys.Select(Math.Log10).ToArray() : ys);
            scatter.LegendText = name;
            scatter.MarkerSize = 6;
        }
        if (logLog)
        {
            // Log axes the ScottPlot way: plot log10 of the values, tick at whole powers of ten, label them as values.
            foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
            {
                axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
                {
                    MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                    IntegerTicksOnly = true,
                    LabelFormatter = exponent => $"1e{exponent:0}",
                };
            }
        }
        else if (_series.All(s => s.Xs.All(x => x == Math.Round(x))))
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true }; // epochs
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (_series.Count > 0)
        {
            // Beside the axes, so that it never hides a curve.
            plot.ShowLegend(Edge.Right);
        }
        return plot;
    }
}
