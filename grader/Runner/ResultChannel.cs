using System.Text.Json;

namespace Assignment1.TestRunner;

/// <summary>
/// The runner's private line to the grader: the process's real standard output, taken before any test runs,
/// while <see cref="Console.Out"/> is pointed elsewhere so that what tests print never reaches it.
/// </summary>
public sealed class ResultChannel(Stream standardOutput, string nonce)
{
    private readonly StreamWriter _writer = new(standardOutput) { AutoFlush = true };
    private readonly Lock _gate = new();

    /// <summary>Writes one event as a single line.</summary>
    public void Send(RunnerEvent runnerEvent)
    {
        string json = JsonSerializer.Serialize(runnerEvent, RunnerEvent.Json);
        lock (_gate)
        {
            _writer.Write(nonce);
            _writer.Write(' ');
            _writer.Write(json);
            _writer.Write('\n');
        }
    }
}
