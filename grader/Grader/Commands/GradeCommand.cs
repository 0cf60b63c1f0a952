using System.Diagnostics;
using System.Globalization;
using Assignment1.Grader.Grading;
using Assignment1.Grader.Intake;
using Assignment1.Grader.Results;

namespace Assignment1.Grader.Commands;

/// <summary>
/// <c>grade SUBMISSION --out DIR [--kit DIR] [--mnist DIR] [--jobs N] [--shard i/n]</c>. SUBMISSION is a zip, a
/// folder holding one submission, or a folder of zips (bulk). One submission writes DIR/results.json and
/// DIR/feedback.md; bulk writes one folder per submission and DIR/gradebook.csv (with gradebook.json, its rows for
/// <c>grader merge</c>). In bulk, <c>--jobs N</c> grades N submissions at once, each in its own processes and
/// within its own limits; <c>--shard i/n</c> grades only the i-th of n shares of the folder (the zips in ordinal
/// order of names, every n-th from the i-th), so that n machines grade a course and <c>grader merge</c> combines
/// their gradebooks. A results.json is written even when grading fails.
/// Exit code 0 when grading happened (whatever the scores), 1 when the grader itself could not run, 2 for usage errors.
/// </summary>
public static class GradeCommand
{
    /// <summary>Parses <paramref name="args"/> (what follows <c>grade</c> on the command line) and runs the command.</summary>
    public static int Run(string[] args, RepositoryLayout layout) => GraderCommandLine.Invoke(["grade", .. args], layout);

    /// <summary>Runs the command.</summary>
    public static int Run(GradeOptions options, RepositoryLayout layout)
    {
        // Full paths: the test runner starts in the kit's copy, where a relative --kit or --mnist would name nothing.
        string submission = Path.GetFullPath(options.Submission);
        string output = Path.GetFullPath(options.Output);
        var bulkOptions = options.Bulk;
        string kitDirectory = Path.GetFullPath(options.Kit ?? StaffCommands.DefaultKit(layout));
        string mnist = Path.GetFullPath(options.Mnist ?? Environment.GetEnvironmentVariable("MNIST_DIR") ?? Path.Combine(layout.Root, "data", "mnist"));
        Directory.CreateDirectory(output);

        var clock = Stopwatch.StartNew();
        // A folder of zips is a bulk grading, unless --single says it is one submission (Gradescope's folder may hold the student's zip).
        bool bulk = !options.Single && Directory.Exists(submission) && Directory.EnumerateFiles(submission, "*.zip").Any()
                    && !Directory.EnumerateFiles(submission, "*.cs", SearchOption.AllDirectories).Any();
        if (!File.Exists(submission) && !Directory.Exists(submission))
        {
            return Fail(output, $"'{submission}' does not exist.", clock);
        }

        // Derived limits stretch with the gradings that share the machine; a single submission is graded alone.
        var limits = GradingLimits.Default.SharedBy(bulk ? bulkOptions.Jobs : 1);
        TestKit kit;
        try
        {
            kit = TestKit.LoadMeasured(kitDirectory, limits, mnist, Console.WriteLine);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            return Fail(bulk ? null : output, e.Message, clock);
        }

        Sandbox sandbox;
        try
        {
            sandbox = Sandbox.Detect(layout.Root, options.Isolation);
        }
        catch (SandboxUnavailableException e)
        {
            return Fail(bulk ? null : output, e.Message, clock);
        }
        Console.WriteLine($"Isolation: {sandbox.Level}{(sandbox.Level == "bubblewrap" ? "" : " (weaker than bubblewrap, as asked; see the README's isolation section)")}");
        foreach (var stale in Skeleton.SkeletonSync.Inspect(layout).Where(s => !s.UpToDate))
        {
            // Harmless: missing or refused files are replaced by the skeleton generated from grader/solution/, never by student/.
            Console.Error.WriteLine($"note: student/{stale.StudentPath} differs from the handout generated from grader/solution/; "
                                    + "grading uses the generated handout, not this file.");
        }

        var grader = new SubmissionGrader(layout, kit, limits, mnist, sandbox);
        var reader = new SubmissionReader(SubmissionGrader.GradableFiles(layout), limits);
        if (!bulk)
        {
            try
            {
                var report = GradeOne(grader, reader, submission, output);
                Console.WriteLine(ScoreTable([report]));
                return 0;
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                return Fail(output, e.Message, clock, sandbox.Level);
            }
        }

        var zips = bulkOptions.Share(Directory.EnumerateFiles(submission, "*.zip").Order(StringComparer.Ordinal).ToList());
        Console.WriteLine($"Grading {zips.Count} submission(s){bulkOptions.Describe()}, {bulkOptions.Jobs} at a time.");
        var reports = new System.Collections.Concurrent.ConcurrentBag<GradingReport>();
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        var console = new object();
        // Each grading has its own work folder and test processes; what they share (the prepared handout, the compile
        // guard) is immutable or locked. Results do not depend on the order in which gradings finish.
        Parallel.ForEach(zips, new ParallelOptions { MaxDegreeOfParallelism = bulkOptions.Jobs }, zip =>
        {
            string name = Path.GetFileNameWithoutExtension(zip);
            try
            {
                var report = GradeOne(grader, reader, zip, Path.Combine(output, name));
                reports.Add(report);
                lock (console)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {report.Score:0.##} / {report.MaxScore:0.##}"));
                }
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                failures[name] = e.Message;
                WriteFailure(Path.Combine(output, name), e.Message, 0, sandbox.Level);
            }
        });
        Gradebook.Write(Gradebook.Of(kit.Tests, reports, failures), output);
        Console.WriteLine(ScoreTable(reports.OrderBy(r => r.SubmissionName, StringComparer.Ordinal).ToList()));
        Console.WriteLine($"Gradebook: {Path.Combine(output, "gradebook.csv")}");
        return 0;
    }

    private static GradingReport GradeOne(SubmissionGrader grader, SubmissionReader reader, string path, string output)
    {
        Directory.CreateDirectory(output);
        var submission = File.Exists(path) ? reader.ReadZip(path)
            : Directory.EnumerateFiles(path, "*.cs", SearchOption.AllDirectories).Any() || Directory.EnumerateFiles(path, "*.zip").Count() != 1
                ? reader.ReadFolder(path)
                : reader.ReadZip(Directory.EnumerateFiles(path, "*.zip").Single());
        string work = Path.Combine(Path.GetTempPath(), $"assignment1-grading-{Guid.NewGuid():N}");
        var report = grader.Grade(submission, work);
        GradescopeResults.Write(GradescopeResults.From(report), Path.Combine(output, "results.json"));
        File.WriteAllText(Path.Combine(output, "feedback.md"), FeedbackMarkdown.Render(report));
        return report;
    }

    private static string ScoreTable(IReadOnlyList<GradingReport> reports)
    {
        var lines = new List<string>();
        foreach (var report in reports)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{report.SubmissionName}: {report.Score:0.##} / {report.MaxScore:0.##}   ({report.Seconds:0.0} s)"));
            foreach (var o in report.Outcomes)
            {
                string firstLine = o.Message.Split('\n')[0];
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {(o.Passed ? "PASS" : "FAIL")} {o.Test.Number,-6} {o.Test.DisplayName,-45} {(o.Passed ? o.Test.Points : 0),5:0.##}/{o.Test.Points:0.##} {o.Seconds,6:0.0} s  {(o.Passed ? "" : firstLine)}"));
            }
        }
        return string.Join("\n", lines);
    }

    private static int Fail(string? output, string why, Stopwatch clock, string? isolation = null)
    {
        Console.Error.WriteLine($"grader: {why}");
        if (output is not null)
        {
            WriteFailure(output, why, clock.Elapsed.TotalSeconds, isolation);
        }
        return 1;
    }

    private static void WriteFailure(string output, string why, double seconds, string? isolation)
    {
        Directory.CreateDirectory(output);
        GradescopeResults.Write(GradescopeResults.Failure(why, seconds, isolation), Path.Combine(output, "results.json"));
    }
}

/// <summary>What <c>grade</c> was asked to do.</summary>
/// <param name="Submission">A zip, a folder holding one submission, or a folder of zips.</param>
/// <param name="Output">Where results go.</param>
/// <param name="Single">The folder is one submission even if it holds a zip.</param>
/// <param name="Kit">The test kit's folder; null for grader/.kit.</param>
/// <param name="Mnist">MNIST's folder; null for $MNIST_DIR, else data/mnist.</param>
/// <param name="Isolation">The isolation level asked for; null for the default.</param>
/// <param name="Bulk">Jobs and shard of a bulk grading.</param>
public sealed record GradeOptions(string Submission, string Output, bool Single, string? Kit, string? Mnist, string? Isolation, BulkOptions Bulk);
