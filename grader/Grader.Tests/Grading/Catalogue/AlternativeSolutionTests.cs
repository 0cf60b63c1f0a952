using Assignment1.Grader.Grading;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading.Catalogue;

/// <summary>
/// Correct solutions written independently of the reference, in other styles (grader/alternative-solutions/:
/// explicit loops with an in-place SGD and System.Random shuffling; whole-matrix MathNet calls; log-sum-exp
/// loss with a tanh sigmoid and a 1e-12 log floor). Each is graded with the whole kit, the 10-epoch accuracy
/// tests included, and must score 100: the suites fail no correct solution. They are graded with half the shipped
/// heap cap, so that a correct solution in any of these styles keeps at least 2x headroom under the real one, and at
/// the time limits derived from the reference's time on this machine, two gradings at a time, where each test must use
/// at most half of its time and silence limits: the slowest correct styles (loops; logsumexp's splits) must never come
/// near them on a busy machine.
/// </summary>
[TestFixture]
// Each case is a separate grading in its own folder and process: two at a time halve the wall-clock time on 2 cores.
[Parallelizable(ParallelScope.All)]
public class AlternativeSolutionTests
{
    /// <summary>The alternative solutions' folder names.</summary>
    public static readonly string[] Styles = ["loops", "vectorized", "logsumexp"];

    [TestCaseSource(nameof(Styles))]
    public void IndependentlyWrittenSolution_Scores100(string style)
    {
        var files = AlternativeSolution(style);
        files.Keys.Where(k => k.StartsWith("student/")).Should().HaveCount(Repository.Layout.TodoFiles.Count, "an alternative solution has all five files");

        var halfTheHeap = GradingLimits.Default with { HeapLimitBytes = GradingLimits.Default.HeapLimitBytes / 2 };
        var report = GradingFixture.Grade(files, limits: halfTheHeap);
        static string Usage(TestOutcome o) =>
            $"{o.Test.Number} {o.Seconds:0.0} s of {o.Test.TimeoutSeconds:0} s; longest silence {o.LongestSilenceSeconds:0.0} s of {o.Test.SilenceSeconds:0.0} s";
        foreach (var outcome in report.Outcomes.Where(o => o.Seconds >= 1))
        {
            TestContext.Out.WriteLine(Usage(outcome));
        }

        string failures = string.Join("\n", report.Outcomes.Where(o => !o.Passed).Select(o => $"  {o.Test.Number} {o.Test.DisplayName}: {o.Message}"));
        report.Outcomes.Should().OnlyContain(o => o.Passed, $"the '{style}' solution is correct, yet lost (with half the shipped heap cap):\n{failures}");
        report.Score.Should().Be(100);

        // Passing is not enough: a correct style that uses more than half of a limit here is one busy machine away from losing.
        var close = report.Outcomes.Where(o => o.Seconds > o.Test.TimeoutSeconds / 2 || o.LongestSilenceSeconds > o.Test.SilenceSeconds / 2)
            .Select(o => "  " + Usage(o));
        close.Should().BeEmpty($"the '{style}' solution must keep at least 2x headroom under every derived time and silence limit");
    }

    /// <summary>
    /// The solutions graded at the weaker levels: the reference and the slowest style outside the trainings (logsumexp's
    /// splits through <c>DenseOfRows</c>). The styles differ only in arithmetic: the submission rules refuse a submission
    /// everything that differs between levels (files, the environment, processes, the network), and the levels limit
    /// neither memory nor CPU (only core dumps and written file sizes), so grading every style at every level (8
    /// gradings, 4 minutes of CI) showed nothing these two do not.
    /// </summary>
    public static readonly string[] LevelSolutions = ["reference", "logsumexp"];

    /// <summary>The isolation levels weaker than the default, which <see cref="IndependentlyWrittenSolution_Scores100"/> and every other grading test use.</summary>
    public static readonly string[] WeakerLevels = Sandbox.Levels.Where(l => l != "bubblewrap").ToArray();

    /// <summary>
    /// What a test sees differs between isolation levels (file system views, /tmp, the user it runs as, the network),
    /// so a correct solution must score full marks at each, not only at the default. Graded here without the trainings
    /// (sections 6 and 12, as in the bug catalogue): their arithmetic does not depend on the level, and what they touch
    /// that does (MNIST, the heap cap, writing nothing) is touched by section 3's tests as well. The trainings run, for
    /// every style, at the default level in <see cref="IndependentlyWrittenSolution_Scores100"/>.
    /// </summary>
    [Test]
    public void CorrectSolutions_ScoreFullMarks_AtEveryWeakerIsolationLevel([ValueSource(nameof(LevelSolutions))] string solution, [ValueSource(nameof(WeakerLevels))] string level)
    {
        Sandbox sandbox;
        try
        {
            sandbox = Sandbox.Detect(Repository.Root, level);
        }
        catch (SandboxUnavailableException e)
        {
            Assert.Ignore($"{level} does not work on this machine: {e.Message}");
            throw;
        }
        var files = solution == "reference" ? GradingFixture.ReferenceFiles() : AlternativeSolution(solution);
        var withoutTrainings = GradingFixture.Kit.Only(t => GradingFixture.Section(t) is not ("6" or "12"));
        withoutTrainings.Tests.Should().HaveCountGreaterThan(50);

        var report = GradingFixture.Grade(files, withoutTrainings, sandbox: sandbox);

        report.Isolation.Should().Be(level);
        string failures = string.Join("\n", report.Outcomes.Where(o => !o.Passed).Select(o => $"  {o.Test.Number} {o.Test.DisplayName}: {o.Message}"));
        report.Outcomes.Should().OnlyContain(o => o.Passed, $"the '{solution}' solution is correct, yet lost at isolation level {level}:\n{failures}");
    }

    /// <summary>The files of grader/alternative-solutions/<paramref name="style"/> in the submission layout, with the handout's config_exp.yaml.</summary>
    private static Dictionary<string, string> AlternativeSolution(string style)
    {
        string folder = Repository.PathOf("grader", "alternative-solutions", style);
        var files = Repository.Layout.TodoFiles
            .Where(f => File.Exists(Path.Combine(folder, f)))
            .ToDictionary(f => "student/" + f, f => File.ReadAllText(Path.Combine(folder, f)));
        files["configs/config_exp.yaml"] = File.ReadAllText(Repository.PathOf("configs", "config_exp.yaml"));
        return files;
    }
}
