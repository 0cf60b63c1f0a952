using Assignment1.Grader.Grading;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading.Catalogue;

/// <summary>
/// Correct solutions written independently of the reference, in other styles (grader/alternative-solutions/:
/// explicit loops with an in-place SGD and System.Random shuffling; whole-matrix MathNet calls; log-sum-exp
/// loss with a tanh sigmoid and a 1e-12 log floor). Each is graded with the whole kit, the 10-epoch accuracy
/// tests included, and must score 100: the suites fail no correct solution. They are graded with half the shipped
/// heap cap, so that a correct solution in any of these styles keeps at least 2x headroom under the real one.
/// </summary>
[TestFixture]
// Each case is a separate grading in its own folder and process: two at a time halve the wall-clock time on 2 cores.
[Parallelizable(ParallelScope.Children)]
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
        foreach (var outcome in report.Outcomes.Where(o => o.Seconds >= 1))
        {
            TestContext.Out.WriteLine($"{outcome.Test.Number} {outcome.Seconds:0.0} s of {outcome.Test.TimeoutSeconds:0} s");
        }

        string failures = string.Join("\n", report.Outcomes.Where(o => !o.Passed).Select(o => $"  {o.Test.Number} {o.Test.DisplayName}: {o.Message}"));
        report.Outcomes.Should().OnlyContain(o => o.Passed, $"the '{style}' solution is correct, yet lost (with half the shipped heap cap):\n{failures}");
        report.Score.Should().Be(100);
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
