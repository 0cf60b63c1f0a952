using NUnit.Framework.Interfaces;

namespace Assignment1.TestRunner;

/// <summary>
/// Streams each test case's start and result to the grader as it happens. What a test printed, on standard output
/// (NUnit keeps it in the result) and on standard error (NUnit reports it as output events), goes with its result.
/// </summary>
public sealed class GradingListener(ResultChannel channel, int maxOutputCharacters) : ITestListener
{
    private readonly System.Text.StringBuilder _errors = new();

    /// <inheritdoc/>
    public void TestStarted(ITest test)
    {
        if (!test.IsSuite)
        {
            _errors.Clear();
            channel.Send(new RunnerEvent("started", test.FullName));
        }
    }

    /// <inheritdoc/>
    public void TestFinished(ITestResult result)
    {
        if (result.Test.IsSuite)
        {
            return;
        }
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
