using System.Xml.Linq;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests;

/// <summary>
/// What a student sees first, on the untouched skeleton: `dotnet test student.Tests` fails every test
/// with its "not implemented" message, nothing crashes or hangs, within a minute; the CLI stops at the
/// first TODO with that message, not a stack trace.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)] // alongside other fixtures; its two tests build the repository's skeleton, so they run in order
public class SkeletonBehaviourTests
{
    [Test]
    public void PublicSuite_OnTheSkeleton_FailsEveryTestWithItsNotImplementedMessage()
    {
        string results = Directory.CreateTempSubdirectory("skeleton-trx").FullName;
        try
        {
            var run = ExternalProcess.Run("dotnet",
                ["test", "student.Tests", "--logger", "trx;LogFileName=skeleton.trx", "--results-directory", results],
                Repository.Root, TimeSpan.FromMinutes(5));
            run.ExitCode.Should().NotBe(0, "every test fails on the skeleton");
            run.Output.Should().NotMatchRegex(@"(?m)^1\)\s+at ", "each failure shows its stack trace once (Assert.Fail would record it twice)");
            run.Output.Should().NotContain(" at Assignment1.Tests.", "stack traces hold only the student's frames, and a TODO's message names its method and file");
            run.StandardOutput.Split('\n').Length.Should().BeLessThan(159, "the skeleton's whole run is a to-do list, not pages of traces (318 lines before)");

            var trx = XDocument.Load(Path.Combine(results, "skeleton.trx"));
            XNamespace ns = trx.Root!.Name.Namespace;
            var outcomes = trx.Descendants(ns + "UnitTestResult").ToList();
            outcomes.Should().HaveCountGreaterThanOrEqualTo(20, "the whole public suite ran");
            var named = new HashSet<string>();
            foreach (var result in outcomes)
            {
                string name = result.Attribute("testName")!.Value;
                result.Attribute("outcome")!.Value.Should().Be("Failed", name);
                string message = result.Descendants(ns + "Message").Single().Value;
                message.Should().MatchRegex(NotImplemented.ToString(), name);
                named.Add(NotImplemented.Match(message).Value);
                if (name.StartsWith("SoftmaxRegression_", StringComparison.Ordinal) || name.StartsWith("TwoLayerNet_", StringComparison.Ordinal))
                {
                    message.Should().MatchRegex(@"^Your [\w, ]+ fail their own tests \([\d., ]+\), and this test relies on them: fix them first\.",
                        $"{name} uses activations, softmax and loss, whose own tests fail on the skeleton: the failure says which to fix first");
                }
            }
            named.Should().BeEquivalentTo(TodoMethodMessages(),
                "every TODO method has a public test that fails with that method's own message, so the skeleton's failures are a complete to-do list");

            var times = trx.Descendants(ns + "Times").Single();
            var duration = DateTime.Parse(times.Attribute("finish")!.Value) - DateTime.Parse(times.Attribute("start")!.Value);
            duration.Should().BeLessThan(TimeSpan.FromMinutes(1), "students get their first feedback fast");
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    private static readonly System.Text.RegularExpressions.Regex NotImplemented = new(@"\w+\.\w+ in student/[\w/]+\.cs is not implemented yet\.");

    /// <summary>The "not implemented" message of every TODO method of the skeleton (14).</summary>
    private static IReadOnlyList<string> TodoMethodMessages()
    {
        var messages = Repository.Layout.TodoFiles
            .SelectMany(f => NotImplemented.Matches(File.ReadAllText(Path.Combine(Repository.Layout.StudentDirectory, f))).Select(m => m.Value))
            .ToList();
        messages.Should().HaveCount(14, "the assignment has 14 TODO methods");
        return messages;
    }

    [Test]
    public void Cli_OnTheSkeleton_StopsAtTheFirstTodoWithoutAStackTrace()
    {
        var run = ExternalProcess.Run("dotnet",
            ["run", "--project", "student", "-c", "Release", "--", "--config", "configs/config_twolayer.yaml"],
            Repository.Root, TimeSpan.FromMinutes(5));
        run.ExitCode.Should().Be(1, run.Output);
        run.StandardError.Should().Contain("Utils.LoadMnistTrainVal in student/Utils.cs is not implemented yet.")
            .And.Contain("dotnet test student.Tests");
        run.Output.Should().NotContain("   at ", "students get a message, not a stack trace");
    }
}
