namespace Assignment1.Grader.Grading;

/// <summary>A test case as the grader knows it, from the trusted listing of the suites (never from a submission's run).</summary>
/// <param name="FullName">NUnit's full name, which the runner selects tests by.</param>
/// <param name="Number">Stable number, e.g. "4.5.2" (the method's number and the case's position).</param>
/// <param name="DisplayName">Name shown to students.</param>
/// <param name="Points">Points for passing.</param>
/// <param name="Visibility">Gradescope visibility.</param>
/// <param name="TimeoutSeconds">Time limit of this test, in seconds.</param>
/// <param name="SilenceSeconds">
/// Seconds the test may go without a sign of life (its start, a progress beat) before it fails as a hang; null: only
/// <paramref name="TimeoutSeconds"/> applies. Derived, like the time limit, from the reference's own run (<see cref="ReferenceTimings"/>).
/// </param>
/// <param name="Confirms">
/// The public tests this test checks again on other data (their numbers; a method's number covers its cases): when it
/// fails, they count as failed too (<see cref="ConfirmationGate"/>). Empty for most tests.
/// </param>
public sealed record GradedTest(string FullName, string Number, string DisplayName, double Points, string Visibility, double TimeoutSeconds,
    double? SilenceSeconds = null, IReadOnlyList<string>? Confirms = null)
{
    /// <summary>True when this test confirms <paramref name="other"/>: its number, or the number of its method.</summary>
    public bool IsConfirmationOf(GradedTest other) => Confirms is { } numbers && numbers.Any(n => Names(n, other));

    /// <summary>True when <paramref name="number"/> is <paramref name="test"/>'s number or that of its method ("4.6" names "4.6.2").</summary>
    public static bool Names(string number, GradedTest test) =>
        test.Number == number || test.Number.StartsWith(number + ".", StringComparison.Ordinal);
}
