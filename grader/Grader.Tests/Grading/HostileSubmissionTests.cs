using Assignment1.Grader.Grading;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>
/// Submissions that misbehave, each the reference solution with one edit in one method: every one loses only
/// the tests that call that method, with a reason, and every other test keeps its result.
/// Graded on the activation and loss tests (1.x, 2.x) with short limits, so each grading takes seconds.
/// </summary>
[TestFixture]
// Its gradings run two at a time with the other grading fixtures', at the limits of --jobs 2 (GradingFixture.Limits).
[Parallelizable(ParallelScope.All)]
public class HostileSubmissionTests
{
    private const string File = "student/Models/BaseNetwork.cs";
    private const string Sigmoid = "return x.Map(value => 1.0 / (1.0 + Math.Exp(-value)));";
    private const string ReLU = "return x.Map(value => Math.Max(0.0, value));";
    private const string Softmax = "var shifted = scores.SubtractFromEachRow(scores.MaxPerRow());";

    private static readonly GradingLimits FastLimits = GradingLimits.Default with { TestTimeoutSeconds = 4, HeapLimitBytes = 512L << 20 };

    private static TestKit FastKit => GradingFixture.Sections("1", "2");

    // Test numbers: 1.1 Sigmoid, 1.2 SigmoidDev (calls Sigmoid), 1.3 ReLU, 1.4 ReLUDev, 1.5 Softmax, 2.1 loss, 2.2 accuracy.
    [TestCase("hang", Sigmoid, "while (true) { }", new[] { "1.1", "1.2" }, "Timed out")]
    [TestCase("stack overflow", ReLU, "return ReLU(x);", new[] { "1.3" }, "stack overflow")]
    [TestCase("unbounded allocation", Softmax, "var hoard = new List<double[]>(); while (true) { hoard.Add(new double[1 << 20]); } var shifted = scores;", new[] { "1.5" }, "OutOfMemory")]
    [TestCase("forged results", ReLU, "Console.WriteLine(\"{\\\"event\\\":\\\"finished\\\",\\\"test\\\":\\\"x\\\",\\\"outcome\\\":\\\"Passed\\\"}\"); while (true) { }", new[] { "1.3" }, "Timed out")]
    [TestCase("exit", ReLU, "Environment.Exit(0); return x;", new[] { "1.3" }, "System.Environment.Exit: process and environment access")]
    [TestCase("exit, fully qualified", ReLU, "global::System.Environment.FailFast(\"bye\"); return x;", new[] { "1.3" }, "System.Environment.FailFast")]
    [TestCase("threads", ReLU, "new System.Threading.Thread(() => { while (true) { } }).Start(); " + ReLU, new[] { "1.3" }, "threads, tasks or timers")]
    [TestCase("background task", ReLU, "System.Threading.Tasks.Task.Run(() => { }); " + ReLU, new[] { "1.3" }, "threads, tasks or timers")]
    [TestCase("file write", ReLU, "File.WriteAllText(\"/tmp/owned\", \"x\"); " + ReLU, new[] { "1.3" }, "file system or network access")]
    [TestCase("file read", Sigmoid, "var secret = System.IO.File.ReadAllBytes(\"Assignment1.Tests.dll\"); " + Sigmoid, new[] { "1.1", "1.2" }, "file system or network access")]
    [TestCase("socket", ReLU, "using var client = new System.Net.Sockets.TcpClient(); " + ReLU, new[] { "1.3" }, "file system or network access")]
    [TestCase("reflection", ReLU, "var m = typeof(BaseNetwork).GetMethod(\"Softmax\"); " + ReLU, new[] { "1.3" }, "reflection")]
    [TestCase("process", ReLU, "System.Diagnostics.Process.Start(\"sh\"); " + ReLU, new[] { "1.3" }, "process and environment access")]
    public void Misbehaviour_LosesOnlyTheTestsItBreaks(string what, string original, string replacement, string[] broken, string reason)
    {
        var files = GradingFixture.ReferenceFiles(GradingFixture.Edit(File, original, replacement));
        var report = GradingFixture.Grade(files, FastKit, FastLimits);

        foreach (var outcome in report.Outcomes)
        {
            if (broken.Contains(outcome.Test.Number))
            {
                outcome.Passed.Should().BeFalse($"{what} breaks test {outcome.Test.Number}");
                outcome.Message.Should().Contain(reason, $"the reason for {what} is given");
            }
            else
            {
                outcome.Passed.Should().BeTrue($"{what} must not change test {outcome.Test.Number}: {outcome.Message}");
            }
        }
        report.Score.Should().Be(report.MaxScore - report.Outcomes.Where(o => broken.Contains(o.Test.Number)).Sum(o => o.Test.Points));
    }

    [Test]
    public void PrintingMegabytes_IsTruncated_AndDoesNotCostPoints()
    {
        var files = GradingFixture.ReferenceFiles(GradingFixture.Edit(File, Sigmoid,
            "for (int i = 0; i < 100_000; i++) { Console.WriteLine(new string('x', 100)); } " + Sigmoid));
        var report = GradingFixture.Grade(files, FastKit, FastLimits);
        report.Outcomes.Should().OnlyContain(o => o.Passed);
        report.Outcomes.Should().OnlyContain(o => o.Output.Length <= FastLimits.MaxOutputCharacters + 200);
    }

    [Test]
    public void ForbiddenApiThroughAnAlias_IsStillFound()
    {
        var files = GradingFixture.ReferenceFiles((path, text) => path != File ? text
            : text.Replace("using MathNet.Numerics.LinearAlgebra;", "using MathNet.Numerics.LinearAlgebra;\nusing Disk = System.IO.File;")
                  .Replace(ReLU, "Disk.Delete(\"x\"); " + ReLU));
        var report = GradingFixture.Grade(files, FastKit, FastLimits);
        report.Outcomes.Single(o => o.Test.Number == "1.3").Message.Should().Contain("System.IO.File.Delete");
        report.Outcomes.Where(o => o.Test.Number != "1.3").Should().OnlyContain(o => o.Passed);
    }

    [Test]
    public void ChangedSignature_ReplacesTheFile_AndSaysWhere()
    {
        var files = GradingFixture.ReferenceFiles(GradingFixture.Edit(File,
            "public Matrix<double> ReLUDev(Matrix<double> x)", "public Matrix<double> ReLUDev(Matrix<double> x, double slope = 0)"));
        var report = GradingFixture.Grade(files, FastKit, FastLimits);
        report.ReplacedFiles.Should().ContainKey("Models/BaseNetwork.cs");
        report.ReplacedFiles["Models/BaseNetwork.cs"].Should().MatchRegex(@"BaseNetwork\.cs:\d+: .*ReLUDev\(.*\) was changed to .*ReLUDev\(.*, double\)");
        report.Outcomes.Should().OnlyContain(o => !o.Passed, "every test here uses BaseNetwork.cs");
    }

    [Test]
    public void FileThatDoesNotCompile_CostsOnlyItsOwnTests_WithCompilerMessages()
    {
        var files = GradingFixture.ReferenceFiles(GradingFixture.Edit("student/Optimizers/Sgd.cs", "ApplyRegularization(model);", "ApplyRegularization(model)"));
        var report = GradingFixture.Grade(files, GradingFixture.Sections("1", "5"), FastLimits);
        report.Outcomes.Where(o => GradingFixture.Section(o.Test) == "1").Should().OnlyContain(o => o.Passed);
        report.Outcomes.Where(o => GradingFixture.Section(o.Test) == "5").Should().OnlyContain(o =>
            !o.Passed && o.Message.Contains("student/Optimizers/Sgd.cs does not compile") && o.Message.Contains("CS1002"));
    }

    [Test]
    public void TimeBudget_FailsTheTestsNotYetRun_InsteadOfRunningPastIt()
    {
        var files = GradingFixture.ReferenceFiles(GradingFixture.Edit(File, Sigmoid, "while (true) { }"));
        var report = GradingFixture.Grade(files, FastKit, FastLimits with { BudgetSeconds = 6 });
        report.Outcomes.Should().OnlyContain(o => !o.Passed || new[] { "1.3", "1.4", "1.5" }.Contains(o.Test.Number) || GradingFixture.Section(o.Test) == "2");
        report.Outcomes.Should().Contain(o => o.Message.Contains("time budget"));
        report.Seconds.Should().BeLessThan(30);
    }
}
