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
                AppendBlock(md, reason);
            }
            md.AppendLine();
        }
        if (report.Notes.Count > 0)
        {
            md.AppendLine("## About the submission");
            md.AppendLine();
            foreach (string note in report.Notes)
            {
                md.AppendLine($"- {Inline(note)}");
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
            AppendBlock(md, o.Message.Trim());
        }
        return md.ToString();
    }

    /// <summary>
    /// Text a submission controls (compiler messages, exception messages) in a fenced block whose fence is longer than
    /// any run of backticks inside it, so that it cannot close the block and add markup of its own.
    /// </summary>
    private static void AppendBlock(StringBuilder md, string text)
    {
        int longest = 0, run = 0;
        foreach (char ch in text)
        {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        string fence = new('`', Math.Max(3, longest + 1));
        md.AppendLine(fence + "text").AppendLine(text).AppendLine(fence);
    }

    /// <summary>One line of text a submission may control (a file name), with Markdown's active characters escaped.</summary>
    private static string Inline(string text)
    {
        var escaped = new StringBuilder();
        foreach (char ch in text.ReplaceLineEndings(" "))
        {
            if ("\\`*_[]<>|".Contains(ch))
            {
                escaped.Append('\\');
            }
            escaped.Append(ch);
        }
        return escaped.ToString();
    }
}
