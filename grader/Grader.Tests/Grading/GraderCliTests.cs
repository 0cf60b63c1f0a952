using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>The grader's command line (System.CommandLine): help lists every command, and wrong arguments exit with 2 and say what is wrong.</summary>
[TestFixture]
public class GraderCliTests
{
    [Test]
    public void Help_ListsEveryCommand()
    {
        var run = Grader("--help");
        run.ExitCode.Should().Be(0);
        foreach (string command in new[] { "demo", "grade", "merge", "handout", "gradescope", "generate-skeleton", "build" })
        {
            run.StandardOutput.Should().MatchRegex($@"(?m)^\s+{command}\b", $"'{command}' is a command");
        }
        Grader("grade", "--help").StandardOutput.Should().Contain("--jobs").And.Contain("--shard").And.Contain("--isolation").And.Contain("--out <DIR> (REQUIRED)");
    }

    [TestCase(new[] { "grade", "sub.zip", "--out", "o", "--jobs", "two" }, "--jobs takes a whole number of at least 1, not 'two'.")]
    [TestCase(new[] { "grade", "sub.zip", "--out", "o", "--shard", "5/4" }, "--shard takes i/n with 1 <= i <= n")]
    [TestCase(new[] { "grade", "sub.zip" }, "--out")]
    [TestCase(new[] { "merge", "--out", "o" }, "SHARD_OUT")]
    [TestCase(new[] { "regrade" }, "'regrade'")]
    public void WrongArguments_ExitWith2_AndSayWhatIsWrong(string[] args, string message)
    {
        var run = Grader(args);
        run.ExitCode.Should().Be(2);
        run.StandardError.Should().Contain(message).And.Contain("Usage: ./grader/grader");
    }

    private static ExternalProcess.Result Grader(params string[] args) =>
        ExternalProcess.Run("dotnet", [Repository.TestFile("Assignment1.Grader.dll"), .. args], Repository.Root, TimeSpan.FromMinutes(1));
}
