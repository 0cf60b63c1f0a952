using NUnit.Framework.Interfaces;

namespace Assignment1.TestRunner;

/// <summary>
/// Streams each test case's start and result to the grader as it happens. What a test printed, on standard output
/// (NUnit keeps it in the result) and on standard error (NUnit reports it as output events), goes with its result.
/// Between the two, the test's signs of life (<see cref="Beat"/>) go out as progress events, at most ten a second.
/// </summary>
public sealed class GradingListener(ResultChannel channel, int maxOutputCharacters) : ITestListener
{
    private static readonly TimeSpan BeatInterval = TimeSpan.FromMilliseconds(100);

    private readonly System.Text.StringBuilder _errors = new();
    private readonly System.Diagnostics.Stopwatch _sinceBeat = new();
    private string? _running;

    /// <inheritdoc/>
    public void TestStarted(ITest test)
    {
        if (!test.IsSuite)
        {
            _errors.Clear();
            _sinceBeat.Restart();
            // NUnit may deliver this event on another thread than the test's: "started" goes out before any beat can.
            channel.Send(new RunnerEvent("started", test.FullName));
            Volatile.Write(ref _running, test.FullName);
        }
    }

    /// <summary>
    /// The running test made progress (the tests' <c>Liveness.Beat</c>): tells the grader, which fails a test that stays
    /// silent far longer than the reference ever does. Beats closer than 100 ms to the last one sent are dropped.
    /// </summary>
    public void Beat()
    {
        if (Volatile.Read(ref _running) is { } test && _sinceBeat.Elapsed >= BeatInterval)
        {
            _sinceBeat.Restart();
            channel.Send(new RunnerEvent("progress", test));
        }
    }

    /// <inheritdoc/>
    public void TestFinished(ITestResult result)
    {
        if (result.Test.IsSuite)
        {
            return;
        }
        Volatile.Write(ref _running, null);
        channel.Send(new RunnerEvent("finished", result.Test.FullName)
        {
            Outcome = result.ResultState.Status.ToString(),
            Message = result.Message,
            Output = Truncate(result.Output + _errors),
            Seconds = result.Duration,
        });
    }

    /// <inheritdoc/>
    public void TestOutput(TestOutput output)
    {
        if (output.Stream == "Error" && _errors.Length <= maxOutputCharacters)
        {
            _errors.Append(output.Text);
        }
    }

    /// <inheritdoc/>
    public void SendMessage(TestMessage message)
    {
    }

    private string Truncate(string? text) =>
        text is null || text.Length <= maxOutputCharacters
            ? text ?? ""
            : text[..maxOutputCharacters] + $"\n… output truncated ({text.Length:N0} characters in all)";
}
