using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading.Hostile;

/// <summary>A submission with no model code earns almost nothing: at most 2 points of 100.</summary>
[TestFixture]
public class DoNothingTests
{
    /// <summary>The most a do-nothing submission may score.</summary>
    public const double Bound = 2;

    [Test]
    public void TrivialBodiesEverywhere_ScoreAtMostTwoPoints()
    {
        var report = GradingFixture.Grade(DoNothingSubmission.Files(DoNothingSubmission.TrivialBodies));
        var passed = report.Outcomes.Where(o => o.Passed).ToList();
        report.Score.Should().BeLessThanOrEqualTo(Bound,
            "tests must not pass on trivial output; passed: " + string.Join(", ", passed.Select(o => $"{o.Test.Number} {o.Test.DisplayName} ({o.Test.Points})")));
    }
}
