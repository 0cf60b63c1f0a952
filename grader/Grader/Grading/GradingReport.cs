namespace Assignment1.Grader.Grading;

/// <summary>Everything the grader learned about one submission; the results files are written from it.</summary>
/// <param name="SubmissionName">The submission's name.</param>
/// <param name="Outcomes">One outcome per graded test, in test order.</param>
/// <param name="ReplacedFiles">Submitted TODO files the handout's version stood in for, with why (missing, forbidden API, changed signature, does not compile).</param>
/// <param name="Notes">Intake messages: refused entries, ignored files.</param>
/// <param name="Isolation">How the test process was isolated.</param>
/// <param name="Seconds">Wall-clock seconds of the whole grading.</param>
/// <param name="IntakeProblems">Why entries or the whole submission were refused at intake (a subset of <paramref name="Notes"/>).</param>
public sealed record GradingReport(
    string SubmissionName,
    IReadOnlyList<TestOutcome> Outcomes,
    IReadOnlyDictionary<string, string> ReplacedFiles,
    IReadOnlyList<string> Notes,
    string Isolation,
    double Seconds,
    IReadOnlyList<string>? IntakeProblems = null)
{
    /// <summary>
    /// Why this submission was not graded normally, in one line for the gradebook: intake refusals and files the
    /// handout's version stood in for; empty for a submission graded as submitted.
    /// </summary>
    public string Irregularities => string.Join(" ", (IntakeProblems ?? [])
        .Concat(ReplacedFiles.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value.Split('\n')[0])));

    /// <summary>Points of the passed tests; computed here, from the grader's own metadata.</summary>
    public double Score => Outcomes.Where(o => o.Passed).Sum(o => o.Test.Points);

    /// <summary>Points of all tests.</summary>
    public double MaxScore => Outcomes.Sum(o => o.Test.Points);
}
