using System.Globalization;
using System.Text;
using Assignment1.Grader.Grading;

namespace Assignment1.Grader.Results;

/// <summary>
/// The bulk-grading CSV: one row per submission, one column per test, the total, and an error column that explains
/// every submission not graded as submitted (refused at intake, files missing or replaced, or not gradable at all).
/// </summary>
public static class Gradebook
{
    /// <summary>Renders the gradebook; <paramref name="failures"/> are submissions the grader could not grade (score 0).</summary>
    public static string Render(IReadOnlyList<GradedTest> tests, IReadOnlyList<GradingReport> reports, IReadOnlyDictionary<string, string> failures)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", new[] { "submission" }.Concat(tests.Select(t => $"{t.Number} {t.DisplayName}")).Append("total").Append("error").Select(Quote)));
        foreach (var report in reports.OrderBy(r => r.SubmissionName, StringComparer.Ordinal))
        {
            var scores = tests.Select(t => report.Outcomes.FirstOrDefault(o => o.Test.Number == t.Number) is { Passed: true } ? t.Points : 0.0);
            csv.AppendLine(string.Join(",", new[] { Quote(report.SubmissionName) }
                .Concat(scores.Select(Number)).Append(Number(report.Score)).Append(Quote(report.Irregularities))));
        }
        foreach (var (name, why) in failures.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            csv.AppendLine(string.Join(",", new[] { Quote(name) }.Concat(tests.Select(_ => "0")).Append("0").Append(Quote(why))));
        }
        return csv.ToString();
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 || field.StartsWith('=') || field.StartsWith('+') || field.StartsWith('-') || field.StartsWith('@')
            ? "\"" + (field.StartsWith('=') || field.StartsWith('+') || field.StartsWith('-') || field.StartsWith('@') ? "'" : "") + field.Replace("\"", "\"\"") + "\""
            : field;
}
