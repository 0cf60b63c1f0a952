using System.Globalization;
using Assignment1.Experiments;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;
using SkiaSharp;

namespace Assignment1.Grader.Tests.Experiments;

/// <summary>
/// The gradient-check study, run as students run it (<c>gradcheck</c> on the CLI, the reference solution's Forward):
/// a row per N from 1 to 100,000, differences that fall as 1/N² while truncation dominates, and a figure that renders.
/// </summary>
[TestFixture]
public class GradientCheckStudyTests
{
    private static readonly string Cli = Repository.TestFile("Assignment1.dll");

    [Test]
    public void Gradcheck_OnTheReference_PrintsEveryN_FallingAsOneOverNSquared_AndDrawsTheFigure()
    {
        string output = Directory.CreateTempSubdirectory("gradcheck").FullName;
        try
        {
            var run = ExternalProcess.Run("dotnet", [Cli, "gradcheck", "--config", "configs/config_twolayer.yaml", "--out", output], Repository.Root, TimeSpan.FromMinutes(3));
            run.ExitCode.Should().Be(0, run.Output);

            var rows = ReadTable(File.ReadAllText(Path.Combine(output, "gradcheck.md")));
            rows.Select(r => r.N).Should().Equal(GradientCheckStudy.DefaultNs);
            double slope = GradientCheckStudy.Slope(rows, 1, 1000);
            slope.Should().BeInRange(-2.2, -1.8, "a central difference's truncation error is O(ε²) = O(1/N²)");
            rows.Single(r => r.N == 1000).MaxDifference.Should().BeLessThan(1e-7, "the reference's gradient is right");
            run.StandardOutput.Should().Contain("| 100000 |").And.Contain("Slope");

            using var png = SKBitmap.Decode(Path.Combine(output, "gradcheck.png"));
            (png.Width, png.Height).Should().Be((StudyFigure.Width, StudyFigure.Height));
            png.Pixels.Distinct().Count().Should().BeGreaterThan(20, "a drawn chart, not a blank image");
            File.ReadAllText(Path.Combine(output, "gradcheck.svg")).Should().Contain("Gradient check of W2").And.Contain("first 10 weights of W2");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Test]
    public void Slope_IsTheLeastSquaresSlopeOnLogLogAxes()
    {
        var rows = new[] { 1, 10, 100, 1000, 10000 }.Select(n => new GradientCheckRow(n, 1.0 / n, 3.0 / ((double)n * n))).ToList();
        GradientCheckStudy.Slope(rows, 1, 1000).Should().BeApproximately(-2, 1e-12);
        var slope = () => GradientCheckStudy.Slope(rows, 5, 9);
        slope.Should().Throw<ArgumentException>().WithMessage("*Fewer than two rows*");
    }

    [Test]
    public void Gradcheck_OfAParameterTheModelLacks_SaysWhichItHas()
    {
        var run = ExternalProcess.Run("dotnet", [Cli, "gradcheck", "--config", "configs/config_softmax.yaml", "--param", "W2", "--epochs", "0"], Repository.Root, TimeSpan.FromMinutes(2));
        run.ExitCode.Should().Be(2, "a wrong argument, not an error in the student's code");
        run.StandardError.Should().Contain("has no parameter 'W2'").And.Contain("W1");
    }

    private static List<GradientCheckRow> ReadTable(string markdown) => markdown.Split('\n')
        .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2]))
        .Select(l => l.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        .Select(c => new GradientCheckRow(int.Parse(c[0], CultureInfo.InvariantCulture), double.Parse(c[1], CultureInfo.InvariantCulture), double.Parse(c[2], CultureInfo.InvariantCulture)))
        .ToList();
}
