using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assignment1.TestRunner;

/// <summary>
/// One line of the runner's result channel: <c>NONCE {json}</c>. The grader ignores any line without the
/// nonce it handed in, so output a submission manages to print cannot pass for a result.
/// </summary>
/// <param name="Event">listed, started, progress (the running test's sign of life), finished or done.</param>
/// <param name="Test">The test's full NUnit name.</param>
public sealed record RunnerEvent(string Event, string Test)
{
    /// <summary>For finished: Passed, Failed, Skipped, Inconclusive or Warning.</summary>
    public string? Outcome { get; init; }

    /// <summary>For finished: NUnit's failure message.</summary>
    public string? Message { get; init; }

    /// <summary>For finished: what the test printed, truncated.</summary>
    public string? Output { get; init; }

    /// <summary>For finished: seconds the test took.</summary>
    public double? Seconds { get; init; }

    /// <summary>For listed: the test's properties (Number, Points, DisplayName, Visibility, TimeoutSeconds), from the case or its method.</summary>
    public Dictionary<string, string>? Properties { get; init; }

    /// <summary>For listed: the case's arguments as NUnit shows them, e.g. <c>"W1"</c>; empty for a plain test.</summary>
    public string? Arguments { get; init; }

    /// <summary>JSON settings shared by the runner and the grader.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
