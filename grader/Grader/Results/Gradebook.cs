using System.Globalization;
using System.Text;
using System.Text.Json;
using Assignment1.Grader.Grading;

namespace Assignment1.Grader.Results;

/// <summary>
/// The bulk-grading CSV: one row per submission (in ordinal order of names), one column per test, the total, and an
/// error column that explains every submission not graded as submitted (refused at intake, files missing or
/// replaced, or not gradable at all). Beside it, <c>gradebook.json</c> holds the same rows for <c>grader merge</c>,
/// which combines the gradebooks of shards into the one a single bulk run would have written.
/// </summary>
public static class Gradebook
{
    /// <summary>The CSV's file name.</summary>
    public const string CsvFile = "gradebook.csv";

    /// <summary>The rows' file name, read by <c>grader merge</c>.</summary>
    public const string JsonFile = "gradebook.json";

    /// <summary>One submission's row.</summary>
    /// <param name="Submission">The submission's name (its zip's name without .zip).</param>
    /// <param name="Points">Points per test, in the order of <see cref="Sheet.Tests"/>.</param>
    /// <param name="Total">The score.</param>
    /// <param name="Error">Why it was not graded as submitted; "" when it was.</param>
    public sealed record Row(string Submission, IReadOnlyList<double> Points, double Total, string Error);

    /// <summary>A gradebook: the tests' column names and the rows.</summary>
    /// <param name="Tests">"number name" of each test, in kit order.</param>
    /// <param name="Rows">The rows, in any order (rendering sorts them).</param>
    public sealed record Sheet(IReadOnlyList<string> Tests, IReadOnlyList<Row> Rows);

    /// <summary>The gradebook of graded <paramref name="reports"/> and of <paramref name="failures"/>, submissions the grader could not grade (score 0).</summary>
    public static Sheet Of(IReadOnlyList<GradedTest> tests, IEnumerable<GradingReport> reports, IReadOnlyDictionary<string, string> failures) => new(
        tests.Select(t => $"{t.Number} {t.DisplayName}").ToList(),
        reports.Select(report => new Row(report.SubmissionName,
                tests.Select(t => report.Outcomes.FirstOrDefault(o => o.Test.Number == t.Number) is { Passed: true } ? t.Points : 0.0).ToList(),
                report.Score, report.Irregularities))
            .Concat(failures.Select(f => new Row(f.Key, tests.Select(_ => 0.0).ToList(), 0, f.Value)))
            .ToList());

    /// <summary>Renders the CSV, rows sorted by submission name.</summary>
    public static string Render(Sheet sheet)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", new[] { "submission" }.Concat(sheet.Tests).Append("total").Append("error").Select(Quote)));
        foreach (var row in sheet.Rows.OrderBy(r => r.Submission, StringComparer.Ordinal))
        {
            csv.AppendLine(string.Join(",", new[] { Quote(row.Submission) }.Concat(row.Points.Select(Number)).Append(Number(row.Total)).Append(Quote(row.Error))));
        }
        return csv.ToString();
    }

    /// <summary>Writes gradebook.csv and gradebook.json into <paramref name="folder"/>.</summary>
    public static void Write(Sheet sheet, string folder)
    {
        File.WriteAllText(Path.Combine(folder, CsvFile), Render(sheet));
        File.WriteAllText(Path.Combine(folder, JsonFile), JsonSerializer.Serialize(sheet, new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Reads the gradebook.json a bulk run wrote into <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">There is none, or it is not a gradebook (the message names the file).</exception>
    public static Sheet Read(string folder)
    {
        string path = Path.Combine(folder, JsonFile);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path} does not exist: give the --out folders of bulk runs (grader grade FOLDER --out DIR [--shard i/n]).");
        }
        try
        {
            return JsonSerializer.Deserialize<Sheet>(File.ReadAllText(path)) is { Tests: not null, Rows: not null } sheet
                ? sheet
                : throw new InvalidDataException($"{path} is not a gradebook.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a gradebook: {e.Message}", e);
        }
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 || field.StartsWith('=') || field.StartsWith('+') || field.StartsWith('-') || field.StartsWith('@')
            ? "\"" + (field.StartsWith('=') || field.StartsWith('+') || field.StartsWith('-') || field.StartsWith('@') ? "'" : "") + field.Replace("\"", "\"\"") + "\""
            : field;
}
