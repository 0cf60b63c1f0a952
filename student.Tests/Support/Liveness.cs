namespace Assignment1.Tests.Support;

/// <summary>
/// Signs of life from a long test, for the course's grader: it fails a test that stays silent far longer than the
/// reference solution ever does (a hang) within seconds, instead of waiting for the test's whole time limit. Tests
/// call <see cref="Beat"/> around each call into the student's code and after every training batch. Under
/// <c>dotnet test</c> nobody listens and a beat does nothing.
/// </summary>
public static class Liveness
{
    /// <summary>Set by the grader's test runner to report a beat; null otherwise.</summary>
    public static Action? Listener { get; set; }

    /// <summary>Reports that the running test is making progress.</summary>
    public static void Beat() => Listener?.Invoke();
}
