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

            var trx = XDocument.Load(Path.Combine(results, "skeleton.trx"));
            XNamespace ns = trx.Root!.Name.Namespace;
            var outcomes = trx.Descendants(ns + "UnitTestResult").ToList();
            outcomes.Should().HaveCountGreaterThanOrEqualTo(20, "the whole public suite ran");
            foreach (var result in outcomes)
            {
                string name = result.Attribute("testName")!.Value;
                result.Attribute("outcome")!.Value.Should().Be("Failed", name);
                string message = result.Descendants(ns + "Message").Single().Value;
                message.Should().MatchRegex(@"\w+\.\w+ in student/[\w/]+\.cs is not implemented yet\.", name);
            }

            var times = trx.Descendants(ns + "Times").Single();
            var duration = DateTime.Parse(times.Attribute("finish")!.Value) - DateTime.Parse(times.Attribute("start")!.Value);
            duration.Should().BeLessThan(TimeSpan.FromMinutes(1), "students get their first feedback fast");
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
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
