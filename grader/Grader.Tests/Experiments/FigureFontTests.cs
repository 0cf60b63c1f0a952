using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Experiments;

/// <summary>
/// Figures keep their text on a machine without fonts (a container, a fresh Linux install, a sandbox): ScottPlot draws
/// text with system fonts, and without any its SVGs and PNGs have no title, labels or legend. The training CLI is run
/// under bubblewrap with the system's font folders hidden; the bundled DejaVu Sans (student/Plotting/Fonts) must
/// still label the figure.
/// </summary>
[TestFixture]
public class FigureFontTests
{
    private static readonly string[] FontFolders = ["/usr/share/fonts", "/usr/local/share/fonts", "/etc/fonts"];

    [Test]
    public void Figures_HaveTheirText_WithNoSystemFont()
    {
        if (!File.Exists("/usr/bin/bwrap"))
        {
            Assert.Ignore("bubblewrap is not installed (.ci/run installs it).");
        }
        string output = Directory.CreateTempSubdirectory("fontless").FullName;
        try
        {
            var hideFonts = FontFolders.Where(Directory.Exists).SelectMany(folder => new[] { "--tmpfs", folder });
            var run = ExternalProcess.Run("bwrap",
                ["--bind", "/", "/", "--dev", "/dev", "--proc", "/proc", .. hideFonts,
                 "dotnet", Repository.TestFile("Assignment1.dll"), "gradcheck", "--config", "configs/config_twolayer.yaml", "--epochs", "0", "--count", "2", "--out", output],
                Repository.Root, TimeSpan.FromMinutes(3));
            run.ExitCode.Should().Be(0, run.Output);

            string svg = File.ReadAllText(Path.Combine(output, "gradcheck.svg"));
            svg.Should().Contain("<text", "the figure has text even where no font is installed")
                .And.Contain("Gradient check of W2").And.Contain("DejaVu Sans");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
