using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading.Hostile;

/// <summary>A submission with no model code earns almost nothing, whatever it reports: at most 2 points of 100.</summary>
[TestFixture]
// Its gradings run two at a time with the other grading fixtures', at the limits of --jobs 2 (GradingFixture.Limits).
[Parallelizable(ParallelScope.All)]
public class DoNothingTests
{
    /// <summary>The most a do-nothing submission may score.</summary>
    public const double Bound = 2;

    [TestCase("trivial", TestName = "TrivialBodiesEverywhere_ScoreAtMostTwoPoints")]
    [TestCase("perfect claims", TestName = "TrivialBodiesThatClaimPerfectAccuracy_ScoreAtMostTwoPoints")]
    [TestCase("public answers", TestName = "TrivialBodiesThatReturnThePublicTestsExpectedValues_ScoreAtMostTwoPoints")]
    [TestCase("not a number", TestName = "TrivialBodiesThatReturnNaN_ScoreAtMostTwoPoints")]
    public void DoNothingSubmission_ScoresAtMostTwoPoints(string variant)
    {
        var bodies = variant switch
        {
            "perfect claims" => DoNothingSubmission.PerfectClaims,
            "public answers" => DoNothingSubmission.PublicAnswers,
            "not a number" => DoNothingSubmission.NotANumber,
            _ => DoNothingSubmission.TrivialBodies,
        };
        var report = GradingFixture.Grade(DoNothingSubmission.Files(bodies));
        var passed = report.Outcomes.Where(o => o.Passed).ToList();
        report.Score.Should().BeLessThanOrEqualTo(Bound,
            "tests must not pass on trivial output, nor believe what it reports about itself; passed: "
            + string.Join(", ", passed.Select(o => $"{o.Test.Number} {o.Test.DisplayName} ({o.Test.Points})")));
    }
}
