using System.Globalization;
using System.Text.RegularExpressions;
using Assignment1.Grader.Commands;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading.Catalogue;

/// <summary>
/// The README's numbers for the demo's buggy submission come from the suites: the demo plants exactly the catalogued
/// mistake "two-layer-b1-divided-by-n-twice", whose failing tests the catalogue test proves, and the README must give
/// the score and the tests that follow from them.
/// </summary>
[TestFixture]
public class DemoNumbersTests
{
    [Test]
    public void ReadmeDemoScore_IsWhatTheDemosBugCosts()
    {
        var bug = StudentBugCatalogue.All.Single(b => b.Id == "two-layer-b1-divided-by-n-twice");
        (bug.File, bug.Original, bug.Replacement).Should().Be(("student/" + DemoCommand.BuggyFile, DemoCommand.CorrectLine, DemoCommand.BuggyLine),
            "the demo plants the catalogued mistake");

        double lost = bug.FailingTests.Sum(n => GradingFixture.Kit.Tests.Single(t => t.Number == n).Points);
        string readme = File.ReadAllText(Repository.PathOf("README.md"));
        var claim = Regex.Match(readme, @"divided by N twice \((?<score>[\d.]+) / 100: the (?<count>\w+) tests of the `b1` gradient, (?<tests>[\d., and]+), fail");
        claim.Success.Should().BeTrue("the README states the demo's score and failing tests");
        double.Parse(claim.Groups["score"].Value, CultureInfo.InvariantCulture).Should().Be(100 - lost);
        Regex.Matches(claim.Groups["tests"].Value, @"\d+(\.\d+)+").Select(m => m.Value).Should().BeEquivalentTo(bug.FailingTests);
    }
}
