using System.Globalization;
using System.Text;
using Assignment1.Grader.Grading;

namespace Assignment1.Grader.Results;

/// <summary>A readable report of one grading, for the student or a TA: score, files not graded and why, and every test.</summary>
public static class FeedbackMarkdown
{
    /// <summary>Renders <paramref name="report"/> as Markdown.</summary>
    public static string Render(GradingReport report)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Assignment 1 feedback: {report.SubmissionName}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"**Score: {report.Score:0.##} / {report.MaxScore:0.##}** ({report.Outcomes.Count(o => o.Passed)} of {report.Outcomes.Count} tests passed)");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Isolation of the submitted code while it was tested: {report.Isolation}.");
        md.AppendLine();
        if (report.ReplacedFiles.Count > 0)
        {
            md.AppendLine("## Files not graded");
            md.AppendLine();
            foreach (var (_, reason) in report.ReplacedFiles.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                md.AppendLine("```text").AppendLine(reason).AppendLine("```");
            }
            md.AppendLine();
        }
        if (report.Notes.Count > 0)
        {
            md.AppendLine("## About the submission");
            md.AppendLine();
            foreach (string note in report.Notes)
            {
                md.AppendLine($"- {note}");
            }
            md.AppendLine();
        }
        md.AppendLine("## Tests");
        md.AppendLine();
        md.AppendLine("| # | test | points | result |");
        md.AppendLine("|---|---|---|---|");
        foreach (var o in report.Outcomes)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {o.Test.Number} | {o.Test.DisplayName} | {(o.Passed ? o.Test.Points : 0):0.##} / {o.Test.Points:0.##} | {(o.Passed ? "passed" : "failed")} |");
        }
        foreach (var o in report.Outcomes.Where(o => !o.Passed))
        {
            md.AppendLine();
            md.AppendLine($"### {o.Test.Number} {o.Test.DisplayName}");
            md.AppendLine();
            md.AppendLine("```text").AppendLine(o.Message.Trim()).AppendLine("```");
        }
        return md.ToString();
    }
}
