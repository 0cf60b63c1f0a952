namespace Assignment1.Grader.Grading;

/// <summary>
/// A public test's pass counts only when the hidden tests that check the same behaviour on other data pass too
/// (<see cref="GradedTest.Confirms"/>). Students can read a public test's input and expected value; without this, code
/// that recognises the input and returns the value would earn the test's points without computing anything.
/// </summary>
public static class ConfirmationGate
{
    /// <summary>
    /// The message of a public test counted as failed, for course staff and, after the due date, students. It names no
    /// hidden test; Gradescope's results show it only after the due date (<see cref="Results.GradescopeResults"/>).
    /// </summary>
    public const string Message =
        "Counted as failed: this test passed on its own data, but a hidden test of the same behaviour on other data failed. "
        + "The result must be right for every input, not only for this test's (a term that is zero here, such as a fresh bias, can hide a mistake).";

    /// <summary>
    /// <paramref name="outcomes"/>, with every passed test that a failed test confirms turned into a failure. Only a
    /// confirmation that ran to its end and failed counts: one ended by a time limit, the budget or a process death, or
    /// never run, already costs its own test and must not cost the public tests it confirms as well.
    /// </summary>
    public static IReadOnlyList<TestOutcome> Apply(IReadOnlyList<TestOutcome> outcomes)
    {
        var failedChecks = outcomes.Where(o => !o.Passed && o.Finished && o.Test.Confirms is { Count: > 0 }).Select(o => o.Test).ToList();
        return outcomes
            .Select(o => o.Passed && failedChecks.Any(check => check.IsConfirmationOf(o.Test)) ? o with { Passed = false, Message = Message, FailedByConfirmation = true } : o)
            .ToList();
    }
}
