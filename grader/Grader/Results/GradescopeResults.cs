using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assignment1.Grader.Grading;

namespace Assignment1.Grader.Results;

/// <summary>
/// Writes <c>results.json</c> in Gradescope's autograder format: top-level score, execution_time, output,
/// formats, visibility, stdout_visibility, extra_data, tests, leaderboard; per test score, max_score, status,
/// name, name_format, number, output, output_format, tags, visibility, extra_data.
/// Nothing in it depends on timing except <c>execution_time</c>, so regrading gives the same file.
/// What students see before the due date counts only the visible tests: the top-level <c>output</c> summarises them
/// alone, and the total over all tests is a 0-point entry of its own with <c>after_due_date</c> visibility (as are
/// the hidden tests themselves). Gradescope hides a submission's total score while some of its tests are hidden.
/// A public test that counts as failed only because a hidden test confirming it failed (<see cref="ConfirmationGate"/>)
/// shows its own pass before the due date; its deduction is an entry with the hidden tests.
/// </summary>
public static class GradescopeResults
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The visibility of what students may see only after the due date.</summary>
    public const string HiddenUntilDue = "after_due_date";

    /// <summary>The results of a completed grading.</summary>
    public static JsonObject From(GradingReport report)
    {
        var tests = new JsonArray();
        foreach (var outcome in ShownBeforeTheDueDate(report))
        {
            tests.Add(new JsonObject
            {
                ["score"] = outcome.Passed ? outcome.Test.Points : 0.0,
                ["max_score"] = outcome.Test.Points,
                ["status"] = outcome.Passed ? "passed" : "failed",
                ["name"] = outcome.Test.DisplayName,
                ["name_format"] = "text",
                ["number"] = outcome.Test.Number,
                ["output"] = TestOutput(outcome),
                ["output_format"] = "text",
                ["tags"] = new JsonArray(),
                ["visibility"] = outcome.Test.Visibility,
                ["extra_data"] = new JsonObject(),
            });
        }
        // A public test that a hidden twin turned into a failure: its deduction, shown with the hidden tests.
        foreach (var outcome in report.Outcomes.Where(o => Masked(report, o)))
        {
            tests.Add(NoteAfterTheDueDate("failed", $"{outcome.Test.Number} {outcome.Test.DisplayName}: not counted",
                string.Create(CultureInfo.InvariantCulture, $"{outcome.Message} Its {outcome.Test.Points:0.##} points are not in the total.")));
        }
        tests.Add(NoteAfterTheDueDate("passed", "Total, including the tests shown after the due date", string.Create(CultureInfo.InvariantCulture,
            $"Score: {report.Score:0.##} / {report.MaxScore:0.##} ({report.Outcomes.Count(o => o.Passed)} of {report.Outcomes.Count} tests passed).")));
        return Document(report.Score, report.Seconds, Summary(report), tests, new JsonObject
        {
            ["isolation"] = report.Isolation,
            ["replaced_files"] = new JsonObject(report.ReplacedFiles.Select(r => KeyValuePair.Create("student/" + r.Key, (JsonNode?)JsonValue.Create(r.Value)))),
            ["notes"] = new JsonArray(report.Notes.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
        });
    }

    /// <summary>The results when grading could not happen: score 0, why, and the isolation level (when one was chosen before the failure).</summary>
    public static JsonObject Failure(string why, double seconds, string? isolation = null)
    {
        string level = isolation ?? NoIsolation;
        return Document(0, seconds, $"The autograder could not grade this submission: {why}\nIsolation of your code while it was tested: {level}.",
            new JsonArray(), new JsonObject { ["grader_error"] = why, ["isolation"] = level });
    }

    /// <summary>The isolation named when grading stopped before any submitted code ran.</summary>
    public const string NoIsolation = "none needed: grading stopped before any submitted code ran";

    /// <summary>Writes <paramref name="results"/> to <paramref name="path"/>.</summary>
    public static void Write(JsonObject results, string path) => File.WriteAllText(path, results.ToJsonString(Indented) + "\n");

    /// <summary>A 0-point entry that students see only after the due date.</summary>
    private static JsonObject NoteAfterTheDueDate(string status, string name, string output) => new()
    {
        ["score"] = 0.0,
        ["max_score"] = 0.0,
        ["status"] = status,
        ["name"] = name,
        ["name_format"] = "text",
        ["output"] = output,
        ["output_format"] = "text",
        ["tags"] = new JsonArray(),
        ["visibility"] = HiddenUntilDue,
        ["extra_data"] = new JsonObject(),
    };

    private static JsonObject Document(double score, double seconds, string output, JsonArray tests, JsonObject extra) => new()
    {
        ["score"] = score,
        ["execution_time"] = (int)Math.Ceiling(seconds),
        ["output"] = output,
        ["output_format"] = "text",
        ["test_output_format"] = "text",
        ["test_name_format"] = "text",
        ["visibility"] = "visible",
        ["stdout_visibility"] = "hidden",
        ["extra_data"] = extra,
        ["tests"] = tests,
        ["leaderboard"] = new JsonArray(),
    };

    private static string TestOutput(TestOutcome outcome)
    {
        if (outcome.Passed)
        {
            return "";
        }
        string printed = outcome.Output.Length > 0 ? $"\n\nWhat your code printed:\n{outcome.Output}" : "";
        return outcome.Message.Trim() + printed;
    }

    /// <summary>
    /// True for a visible test that passed on its own but counts as failed because a hidden test confirming it failed
    /// (<see cref="ConfirmationGate"/>): showing that before the due date would tell what a hidden test found.
    /// </summary>
    private static bool Masked(GradingReport report, TestOutcome outcome) =>
        outcome.FailedByConfirmation && outcome.Test.Visibility == "visible" && report.Outcomes.Any(o => o.Test.Visibility != "visible");

    /// <summary>The outcomes as the visible entries show them: a masked test with its own pass (its deduction is a hidden entry).</summary>
    private static IEnumerable<TestOutcome> ShownBeforeTheDueDate(GradingReport report) =>
        report.Outcomes.Select(o => Masked(report, o) ? o with { Passed = true, Message = "" } : o);

    private static string Summary(GradingReport report)
    {
        var visible = ShownBeforeTheDueDate(report).Where(o => o.Test.Visibility == "visible").ToList();
        bool someHidden = visible.Count < report.Outcomes.Count;
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{(someHidden ? "Visible tests" : "Score")}: {visible.Where(o => o.Passed).Sum(o => o.Test.Points):0.##} / {visible.Sum(o => o.Test.Points):0.##} ({visible.Count(o => o.Passed)} of {visible.Count} tests passed).{(someHidden ? " More tests are graded and shown after the due date." : "")}"),
            $"Isolation of your code while it was tested: {report.Isolation}.",
        };
        foreach (var (file, reason) in report.ReplacedFiles.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            lines.Add(reason);
        }
        lines.AddRange(report.Notes);
        return string.Join("\n", lines);
    }
}
