namespace Assignment1.Grader.Grading;

/// <summary>How one test ended in a submission's run.</summary>
/// <param name="Test">The test.</param>
/// <param name="Passed">True only when NUnit reported it Passed.</param>
/// <param name="Message">Why it failed (NUnit's message, or the grader's: timeout, crash), empty when it passed.</param>
/// <param name="Output">What it printed, truncated.</param>
/// <param name="Seconds">How long it ran.</param>
/// <param name="LongestSilenceSeconds">The longest the test went without a sign of life (start, progress beat, growth of the runner's memory, end), as the grader's clock saw it.</param>
/// <param name="SetupSeconds">From the previous test's end (or the process start) to this one's start: its fixture's setup.</param>
/// <param name="Finished">
/// True when the test ran to its end and NUnit reported its outcome; false when the grader ended it (a time limit, the
/// budget, a process death) or never ran it.
/// </param>
/// <param name="FailedByConfirmation">
/// True when the test passed on its own but a hidden test confirming it failed (<see cref="ConfirmationGate"/>): it
/// counts as failed, yet what students see before the due date shows its own pass.
/// </param>
/// <param name="RanAgainOnAFreshHeap">
/// True when the test ran out of memory after other tests in the same process and this outcome is that of its second run,
/// first in a fresh process (<see cref="TestSupervisor"/>).
/// </param>
public sealed record TestOutcome(GradedTest Test, bool Passed, string Message, string Output, double Seconds, double LongestSilenceSeconds = 0,
    double SetupSeconds = 0, bool Finished = false, bool FailedByConfirmation = false, bool RanAgainOnAFreshHeap = false)
{
    /// <summary>What a failed test's message adds when it was run again on a fresh heap.</summary>
    public const string RanAgainNote = "(This test ran out of memory after other tests in the same process, so it was run again, first in a fresh process: this is how it ended there.)";
}
