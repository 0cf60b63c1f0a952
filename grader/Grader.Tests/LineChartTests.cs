using System.Xml.Linq;
using Assignment1.Plotting;
using FluentAssertions;

namespace Assignment1.Grader.Tests;

/// <summary>The SVG charts the learning curves are drawn with.</summary>
[TestFixture]
public class LineChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Test]
    public void Chart_IsWellFormedSvg_WithOneLineAndOneMarkerPerPoint()
    {
        string svg = new LineChart("Loss <per> epoch", "epoch", "loss")
            .AddSeries("train", [2.3, 1.1, 0.7])
            .AddSeries("valid & more", [2.0, 1.0, 0.8])
            .ToSvg();

        var document = XDocument.Parse(svg);
        document.Root!.Name.Should().Be(Svg + "svg");
        document.Descendants(Svg + "polyline").Should().HaveCount(2);
        document.Descendants(Svg + "circle").Should().HaveCount(6);
        document.Descendants(Svg + "text").Select(t => t.Value).Should().Contain(["Loss <per> epoch", "valid & more", "epoch", "loss"]);
    }

    [Test]
    public void PointsStayInsideThePlotArea()
    {
        var document = XDocument.Parse(new LineChart("t", "x", "y").AddSeries("s", [0.91, 0.93, 0.925, 0.94]).ToSvg());
        foreach (var circle in document.Descendants(Svg + "circle"))
        {
            double cy = double.Parse(circle.Attribute("cy")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            cy.Should().BeInRange(62, 420 - 55);
        }
    }

    [TestCase(0.0, 1.0, 0.0, 1.0, 0.2)]
    [TestCase(0.913, 0.941, 0.91, 0.95, 0.01)]
    [TestCase(0.27, 2.31, 0.0, 2.5, 0.5)]
    [TestCase(5.0, 5.0, 4.4, 5.6, 0.2)]
    public void NiceRange_CoversTheDataWithRoundSteps(double min, double max, double low, double high, double step)
    {
        var (lo, hi, s) = LineChart.NiceRange(min, max);
        lo.Should().BeApproximately(low, 1e-9);
        hi.Should().BeApproximately(high, 1e-9);
        s.Should().BeApproximately(step, 1e-12);
    }

    [Test]
    public void DivergedRun_IsRejectedWithAReason()
    {
        var add = () => new LineChart("Loss", "epoch", "loss").AddSeries("train", [1.0, double.NaN]);
        add.Should().Throw<ArgumentException>().WithMessage("*NaN or infinity*");
    }
}
