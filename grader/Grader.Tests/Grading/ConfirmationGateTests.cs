using Assignment1.Grader.Grading;
using Assignment1.TestRunner;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>
/// A public test counts only when the hidden tests that confirm it on other data pass: the rule, the suites' metadata
/// that declares it, and the message, which must name no hidden test.
/// </summary>
[TestFixture]
public class ConfirmationGateTests
{
    private static GradedTest Test(string number, string visibility = "visible", params string[] confirms) =>
        new($"T{number}", number, $"test {number}", 1, visibility, 10, Confirms: confirms.Length == 0 ? null : confirms);

    private static TestOutcome Outcome(GradedTest test, bool passed, bool finished = true) => new(test, passed, passed ? "" : "its own failure", "", 0.1, Finished: finished);

    [Test]
    public void APublicPass_CountsOnlyWhileItsConfirmationPasses()
    {
        var publicTest = Test("4.1");
        var publicCase = Test("1.5.2");
        var other = Test("1.6");
        var confirmation = Test("9.6", "after_due_date", "4.1", "1.5");

        var gated = ConfirmationGate.Apply([Outcome(publicTest, true), Outcome(publicCase, true), Outcome(other, true), Outcome(confirmation, false)]);

        gated.Single(o => o.Test == publicTest).Should().Match<TestOutcome>(o => !o.Passed && o.Message == ConfirmationGate.Message);
        gated.Single(o => o.Test == publicCase).Passed.Should().BeFalse("a method's number covers its cases");
        gated.Single(o => o.Test == other).Passed.Should().BeTrue("1.6 is not confirmed by 9.6 (nor is 1.5 a prefix of 1.50)");
        gated.Single(o => o.Test == confirmation).Message.Should().Be("its own failure");
        ConfirmationGate.Message.Should().NotContain("9.6").And.NotContain("test 9", "the message names no hidden test");

        var passing = ConfirmationGate.Apply([Outcome(publicTest, true), Outcome(confirmation, true)]);
        passing.Should().OnlyContain(o => o.Passed);
        var unfinished = ConfirmationGate.Apply([Outcome(publicTest, true), Outcome(confirmation, false, finished: false)]);
        unfinished.Single(o => o.Test == publicTest).Passed.Should().BeTrue("a confirmation ended by a time limit, the budget or a crash costs only itself");
        var failingPublic = ConfirmationGate.Apply([Outcome(publicTest, false), Outcome(confirmation, false)]);
        failingPublic.Single(o => o.Test == publicTest).Message.Should().Be("its own failure", "a test that failed keeps its own reason");
    }

    [Test]
    public void GradescopeResults_ShowTheDeductionOnlyAfterTheDueDate()
    {
        var publicTest = Test("4.1");
        var confirmation = Test("9.6", "after_due_date", "4.1");
        var outcomes = ConfirmationGate.Apply([Outcome(publicTest, true), Outcome(Test("4.2"), true), Outcome(confirmation, false)]);
        var report = new GradingReport("s", outcomes, new Dictionary<string, string>(), [], "bubblewrap", 1);
        report.Score.Should().Be(1, "4.1 counts as failed in the total");

        var results = Assignment1.Grader.Results.GradescopeResults.From(report);
        var tests = results["tests"]!.AsArray().Select(t => t!).ToList();
        var visible = tests.Where(t => t["visibility"]!.GetValue<string>() == "visible").ToList();
        visible.Single(t => t["number"]?.GetValue<string>() == "4.1").Should().Match<System.Text.Json.Nodes.JsonNode>(t =>
            t["status"]!.GetValue<string>() == "passed" && t["score"]!.GetValue<double>() == 1 && t["output"]!.GetValue<string>() == "",
            "before the due date a public test shows its own result: a failure here would tell what a hidden test found");
        results["output"]!.GetValue<string>().Should().StartWith("Visible tests: 2 / 2 (2 of 2 tests passed)");
        results["score"]!.GetValue<double>().Should().Be(1);
        tests.Should().ContainSingle(t => t["visibility"]!.GetValue<string>() == "after_due_date" && t["name"]!.GetValue<string>().StartsWith("4.1 test 4.1: not counted")
            && t["output"]!.GetValue<string>().Contains(ConfirmationGate.Message) && t["score"]!.GetValue<double>() == 0);
    }

    [Test]
    public void AConfirmationOfNoVisibleTest_IsRefused()
    {
        RunnerEvent Listed(string name, string number, string points, string visibility, string? confirms = null)
        {
            var properties = new Dictionary<string, string> { ["Number"] = number, ["Points"] = points, ["DisplayName"] = name, ["Visibility"] = visibility };
            if (confirms is not null)
            {
                properties["Confirms"] = confirms;
            }
            return new RunnerEvent("listed", name) { Properties = properties };
        }

        var good = TestKit.ToGradedTests([Listed("A", "4.1", "60", "visible"), Listed("B", "9.6", "40", "after_due_date", "4.1"), Listed("C", "9.7", "0", "after_due_date")], GradingLimits.Default);
        good.Single(t => t.Number == "9.6").Confirms.Should().Equal("4.1");

        var convert = () => TestKit.ToGradedTests([Listed("A", "4.1", "60", "visible"), Listed("B", "9.6", "40", "after_due_date", "4.2, 4.1"), Listed("C", "9.7", "0", "after_due_date", "9.6")], GradingLimits.Default);
        convert.Should().Throw<InvalidOperationException>().WithMessage("*B confirms test 4.2, which is not a visible test*")
            .WithMessage("*C confirms test 9.6, which is not a visible test*", "a hidden test confirms nothing: only public tests are gated");
    }

    [Test]
    public void TheSuites_ConfirmEveryPublicTestWhoseExpectedValuesFitOnAPage()
    {
        // The public tests whose inputs and expected values a submission could return from a page of code.
        var confirmed = GradingFixture.Kit.Tests.Where(t => t.Visibility == "visible"
            && GradingFixture.Kit.Tests.Any(check => check.IsConfirmationOf(t))).Select(t => t.Number);
        confirmed.Should().BeEquivalentTo(["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "4.1", "4.4"]);
        GradingFixture.Kit.Tests.Where(t => t.Confirms is { Count: > 0 }).Should().OnlyContain(t => t.Visibility == "after_due_date");
    }
}
