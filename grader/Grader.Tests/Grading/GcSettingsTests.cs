using System.Text.Json;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>
/// The GC setting that keeps student-style training near NumPy's peak memory (objects under 1 MB on the small object
/// heap; see Directory.Build.props) reaches the processes that train without a heap cap: the training CLI and the test
/// hosts of <c>dotnet test</c>. The grader's test runner, whose heap is capped, runs without it.
/// </summary>
[TestFixture]
public class GcSettingsTests
{
    private const string Setting = "System.GC.LOHThreshold";
    private const long Expected = 1 << 20;

    [Test]
    public void TheTestHost_RunsWithTheSetting() =>
        Convert.ToInt64(AppContext.GetData(Setting)).Should().Be(Expected, "dotnet test starts its host with the test project's runtimeconfig");

    [Test]
    public void TheGradersTestRunner_RunsWithoutIt_UnderItsHeapCap() =>
        RuntimeConfigValue(Path.Combine(GradingFixture.Kit.Directory, "Assignment1.TestRunner.runtimeconfig.json")).Should()
            .BeNull("under the heap cap the setting made MNIST's 376 MB array fail to allocate (see grader/Runner's project file)");

    [Test]
    public void TheTrainingCli_RunsWithTheSetting()
    {
        // This test project references student/, so the CLI's runtimeconfig is built next to it.
        string cli = Repository.TestFile("Assignment1.runtimeconfig.json");
        File.Exists(cli).Should().BeTrue($"the CLI's runtimeconfig is copied with student/'s build ({cli})");
        RuntimeConfigValue(cli).Should().Be(Expected);
    }

    private static long? RuntimeConfigValue(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").TryGetProperty(Setting, out var value) ? value.GetInt64() : null;
    }
}
