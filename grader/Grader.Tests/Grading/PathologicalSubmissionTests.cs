using Assignment1.Grader.Grading;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>The grader's own work on a submission is bounded: a file that takes the compiler minutes costs its own tests.</summary>
[TestFixture]
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
        clock.Elapsed.TotalSeconds.Should().BeLessThan(60, "compiling is cut off, not waited for");
    }
}
