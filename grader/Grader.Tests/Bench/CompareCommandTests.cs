using System.Globalization;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Bench;

/// <summary>
/// <c>bench compare</c> as a user runs it, in a short mode (one or two epochs of both default configs): this project
/// and NumPy side by side, both tables filled, the ratios the ones of the figures above them; and, with a Python that
/// lacks NumPy, our side alone with a message that says what to do. CI installs NumPy (.ci/run); the command would
/// install it itself when run as root.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class CompareCommandTests
{
    private static readonly string Bench = Repository.TestFile("Assignment1.Bench.dll");
    private static readonly string[] Configs = ["config_twolayer.yaml", "config_softmax.yaml"];

    [Test]
    public void BothSides_AreMeasured_AndTheRatiosAreOursOverNumpys()
    {
        var run = ExternalProcess.Run("dotnet", [Bench, "compare", "--epochs", "2"], Repository.Root, TimeSpan.FromMinutes(10));

        run.ExitCode.Should().Be(0, run.Output);
        run.StandardError.Should().MatchRegex("NumPy (found|installed)", "CI provides NumPy, and the command says where it found it");
        var table = TableRows.Parse(run.StandardOutput);
        table.SideRows.Should().HaveCount(4, run.StandardOutput);
        foreach (string config in Configs)
        {
            string[] ours = table.Side(config, "this project");
            string[] numpy = table.NumpySide(config);
            foreach (string[] side in new[] { ours, numpy })
            {
                Number(side[0]).Should().BePositive("{0} trained for two epochs", config);
                Number(side[2]).Should().BeGreaterThan(100, "MNIST alone takes more than 100 MB");
                Number(side[3]).Should().BeInRange(0.5, 1.0, "two epochs of {0} learn MNIST", config);
            }
            string[] ratios = table.Ratios(config);
            Number(ratios[0]).Should().BeInRange(LowestRatio(ours[0], numpy[0]), HighestRatio(ours[0], numpy[0]), "s/epoch, ours / NumPy's ({0})", config);
            ratios[1].Should().Be(ours[1], "our first epoch over our median ({0})", config);
            Number(ratios[2]).Should().BeInRange(LowestRatio(ours[2], numpy[2], 0.5), HighestRatio(ours[2], numpy[2], 0.5), "peak, ours / NumPy's ({0})", config);
            // Both sides train on the same data, initial weights and shuffles: the port's cross-check.
            Number(ratios[3]).Should().BeLessThanOrEqualTo(0.0001, "both sides train the same model on the same batches ({0})", config);
        }
    }

    [Test]
    public void APythonWithoutNumpy_IsNamed_AndOurSideIsStillMeasured()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("the stand-in for a Python without NumPy is a shell script");
            return;
        }
        string folder = Directory.CreateTempSubdirectory("python-without-numpy").FullName;
        string python = Path.Combine(folder, "python");
        // A real Python that cannot import NumPy: isolated (-I) and without site-packages (-S), where NumPy lives.
        File.WriteAllText(python, "#!/bin/sh\nexec python3 -I -S \"$@\"\n");
        File.SetUnixFileMode(python, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var run = ExternalProcess.Run("dotnet", [Bench, "compare", "--epochs", "1", "--python", python], Repository.Root, TimeSpan.FromMinutes(10));

            run.ExitCode.Should().Be(0, run.Output);
            run.StandardError.Should().Contain($"{python} (--python) cannot import numpy").And.Contain($"{python} -m pip install numpy");
            run.StandardOutput.Should().Contain("only this project's side was measured", "the table carries why NumPy's side is missing");
            var table = TableRows.Parse(run.StandardOutput);
            table.SideRows.Select(r => (r[0], r[1])).Should().Equal((Configs[0], "this project"), (Configs[1], "this project"));
            foreach (string config in Configs)
            {
                table.Ratios(config).Should().Equal("(no NumPy)", "1.00", "(no NumPy)", "");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestCase("--epochs", "0")]
    [TestCase("--rounds", "two")]
    [TestCase("--epochs", null)]
    public void AWrongCount_ExitsWith2AndSaysWhy(string option, string? value)
    {
        var run = ExternalProcess.Run("dotnet", [Bench, "compare", option, .. value is null ? Array.Empty<string>() : [value]],
            Repository.Root, TimeSpan.FromMinutes(1));

        run.ExitCode.Should().Be(2, run.Output);
        run.StandardError.Should().Contain($"{option} is '{value}'; expected a whole number of at least 1.");
        run.StandardOutput.Should().BeEmpty("nothing was measured");
    }

    private static double Number(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);

    // The range a ratio of two printed figures can have, each rounded to half a unit of its last digit (`step`).
    private static double LowestRatio(string ours, string numpy, double step = 0.005) =>
        (Number(ours) - step) / (Number(numpy) + step) - 0.005;

    private static double HighestRatio(string ours, string numpy, double step = 0.005) =>
        (Number(ours) + step) / (Number(numpy) - step) + 0.005;
}
