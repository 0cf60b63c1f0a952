using System.Globalization;
using System.Security;
using System.Text;

namespace Assignment1.Plotting;

/// <summary>
/// A minimal line chart written as a standalone SVG file (opens in any browser, and pastes into a
/// report). Written for this assignment because no plotting library is available; it draws axes with
/// round-number ticks, one coloured polyline per series with point markers, and a legend.
/// </summary>
/// <example>
/// <code>
/// new LineChart("Loss", xLabel: "epoch", yLabel: "loss")
///     .AddSeries("train", trainLoss)
///     .AddSeries("valid", validLoss)
///     .Save(Path.Combine(outputDir, "loss.svg"));
/// </code>
/// </example>
public sealed class LineChart(string title, string xLabel, string yLabel)
{
    private const int Width = 640;
    private const int Height = 420;
    private const int Left = 70, Right = 20, Top = 62, Bottom = 55;
    private const int LegendEntryWidth = 110;
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"];

    private readonly List<(string Name, double[] Values)> _series = [];

    /// <summary>Adds a series; point i is drawn at x = i + 1 (epochs count from 1).</summary>
    /// <exception cref="ArgumentException">The series is empty or holds NaN/infinity.</exception>
    public LineChart AddSeries(string name, IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException($"Series '{name}' of chart '{title}' has no points.", nameof(values));
        }
        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException($"Series '{name}' of chart '{title}' holds NaN or infinity; a diverged run cannot be plotted.", nameof(values));
        }
        _series.Add((name, values.ToArray()));
        return this;
    }

    /// <summary>Writes the chart to <paramref name="path"/> as SVG, creating its folder if needed.</summary>
    public void Save(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        File.WriteAllText(path, ToSvg());
    }

    /// <summary>The chart as an SVG document.</summary>
    public string ToSvg()
    {
        if (_series.Count == 0)
        {
            throw new InvalidOperationException($"Chart '{title}' has no series: call AddSeries first.");
        }
        int pointCount = _series.Max(s => s.Values.Length);
        var (yMin, yMax, yStep) = NiceRange(_series.Min(s => s.Values.Min()), _series.Max(s => s.Values.Max()));
        double plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom;
        double X(double index) => Left + (pointCount == 1 ? plotWidth / 2 : index * plotWidth / (pointCount - 1));
        double Y(double value) => Top + plotHeight - (value - yMin) / (yMax - yMin) * plotHeight;

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"16\">{Escape(title)}</text>\n"));

        for (double tick = yMin; tick <= yMax + yStep / 2; tick += yStep)
        {
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Y(tick):F1}\" x2=\"{Width - Right}\" y2=\"{Y(tick):F1}\" stroke=\"#e0e0e0\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Y(tick) + 4:F1}\" text-anchor=\"end\">{FormatTick(tick, yStep)}</text>\n"));
        }
        int xStep = Math.Max(1, (int)Math.Ceiling(pointCount / 10.0));
        for (int i = 0; i < pointCount; i += xStep)
        {
            svg.Append(Invariant($"<text x=\"{X(i):F1}\" y=\"{Top + plotHeight + 18}\" text-anchor=\"middle\">{i + 1}</text>\n"));
        }
        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"none\" stroke=\"black\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Left + plotWidth / 2}\" y=\"{Height - 12}\" text-anchor=\"middle\">{Escape(xLabel)}</text>\n"));
        svg.Append(Invariant($"<text x=\"16\" y=\"{Top + plotHeight / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {Top + plotHeight / 2})\">{Escape(yLabel)}</text>\n"));

        for (int s = 0; s < _series.Count; s++)
        {
            var (name, values) = _series[s];
            string colour = Palette[s % Palette.Length];
            string points = string.Join(" ", values.Select((v, i) => Invariant($"{X(i):F1},{Y(v):F1}")));
            svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{points}\"/>\n"));
            foreach (var (v, i) in values.Select((v, i) => (v, i)))
            {
                svg.Append(Invariant($"<circle cx=\"{X(i):F1}\" cy=\"{Y(v):F1}\" r=\"3\" fill=\"{colour}\"/>\n"));
            }
            // The legend sits in its own band between the title and the plot, so it never hides a curve.
            double legendX = Width - Right - LegendEntryWidth * (_series.Count - s);
            const double legendY = Top - 12;
            svg.Append(Invariant($"<line x1=\"{legendX}\" y1=\"{legendY - 4}\" x2=\"{legendX + 20}\" y2=\"{legendY - 4}\" stroke=\"{colour}\" stroke-width=\"2\"/>\n"));
            svg.Append(Invariant($"<text x=\"{legendX + 26}\" y=\"{legendY}\">{Escape(name)}</text>\n"));
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>Axis limits on round numbers (1, 2 or 5 × 10ᵏ steps) that contain [min, max].</summary>
    internal static (double Min, double Max, double Step) NiceRange(double min, double max)
    {
        if (max - min < 1e-12)
        {
            double pad = Math.Abs(min) > 1e-12 ? Math.Abs(min) * 0.1 : 1.0;
            (min, max) = (min - pad, max + pad);
        }
        double rough = (max - min) / 5;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * magnitude).First(s => s >= rough);
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    private static string FormatTick(double value, double step)
    {
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step)));
        return Math.Round(value, decimals).ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
