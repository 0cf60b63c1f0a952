using Assignment1.Grader.Grading;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>The grader's own work on a submission is bounded: a file that takes the compiler minutes costs its own tests.</summary>
[TestFixture]
// Its gradings run two at a time with the other grading fixtures', at the limits of --jobs 2 (GradingFixture.Limits).
[Parallelizable(ParallelScope.All)]
public class PathologicalSubmissionTests
{
    /// <summary>
    /// Nested lambdas passed to an overloaded method: the compiler binds each lambda once per overload of every
    /// enclosing call, 2^depth times in all.
    /// </summary>
    private static string ExponentialOverloads(int depth)
    {
        string body = "0";
        for (int i = depth; i > 0; i--)
        {
            body = $"M(a{i} => {body})";
        }
        return $"""

                private static int M(Func<int, int> f) => 0;

                private static int M(Func<string, int> f) => 1;

                private static int Slow() => {body};

                public Matrix<double> ReLU(Matrix<double> x)
            """;
    }

    [Test]
    public void FileThatTakesTooLongToCompile_IsReplaced_AndGradingStaysWithinItsTime()
    {
        var limits = GradingLimits.Default with { CompileSeconds = 3, TestTimeoutSeconds = 4 };
        var files = GradingFixture.ReferenceFiles(GradingFixture.Edit("student/Models/BaseNetwork.cs",
            "\n    public Matrix<double> ReLU(Matrix<double> x)", ExponentialOverloads(40)));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = GradingFixture.Grade(files, GradingFixture.Sections("1", "5"), limits);

        report.ReplacedFiles.Should().ContainKey("Models/BaseNetwork.cs").WhoseValue.Should().Contain("took longer than 3 s");
        report.Outcomes.Where(o => GradingFixture.Section(o.Test) == "1").Should().OnlyContain(o => !o.Passed, "BaseNetwork.cs's tests fail");
        report.Outcomes.Where(o => GradingFixture.Section(o.Test) == "5").Should().OnlyContain(o => o.Passed, "Sgd.cs is graded as submitted");
        clock.Elapsed.TotalSeconds.Should().BeLessThan(90, "compiling is cut off, not waited for");
    }

    [Test]
    public void CompileCheck_StopsItsChild_AtTheLimit_AndPassesTheHandout()
    {
        var handout = Handout.For(Repository.Layout, GradingFixture.Kit);
        var bomb = handout.Files.ToDictionary(f => f.Key, f => f.Key == "Models/BaseNetwork.cs"
            ? f.Value.Replace("\n    public Matrix<double> ReLU(Matrix<double> x)", ExponentialOverloads(40)) : f.Value);
        bomb["Models/BaseNetwork.cs"].Should().Contain("M(a40 => 0)", "the edit's anchor is in the handout");

        handout.Guard.BindsInTime(handout.Files, 20).Should().BeTrue("the handout's own files bind in a fraction of a second");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        handout.Guard.BindsInTime(bomb, 2).Should().BeFalse();
        clock.Elapsed.TotalSeconds.Should().BeLessThan(60, "the check waits 2 s after the compiler's start-up");
        // Roslyn does not stop binding when cancelled: what guarantees that nothing keeps a core busy is the kill.
        Action child = () => System.Diagnostics.Process.GetProcessById(handout.Guard.LastChildId).Kill();
        child.Should().Throw<ArgumentException>("the child was killed and reaped before the check returned");
    }
}
