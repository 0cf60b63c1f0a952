using System.Text.Json.Nodes;
using Assignment1.Grader.Grading;
using Assignment1.Grader.Results;
using Assignment1.Grader.Skeleton;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>Whole gradings: the reference scores full marks, the skeleton zero, every lost point is explained, and regrading gives the same results.</summary>
[TestFixture]
// Its gradings through GradingFixture run two at a time with the other grading fixtures', at the limits of --jobs 2.
[Parallelizable(ParallelScope.All)]
public class EndToEndGradingTests
{
    /// <summary>What Gradescope shows a student before the due date: the top-level output and the visible tests.</summary>
    private static void ResultsShownBeforeTheDueDate_RevealNothingAboutHiddenTests(JsonNode results)
    {
        var tests = results["tests"]!.AsArray().Select(t => t!).ToList();
        var visible = tests.Where(t => t["visibility"]!.GetValue<string>() == "visible").ToList();
        var hidden = tests.Except(visible).ToList();
        hidden.Should().NotBeEmpty("the private suite is hidden until the due date");
        hidden.Should().OnlyContain(t => t["visibility"]!.GetValue<string>() == GradescopeResults.HiddenUntilDue);
        results["visibility"]!.GetValue<string>().Should().Be("visible");
        results["stdout_visibility"]!.GetValue<string>().Should().Be("hidden", "the grader's stdout names every test");

        string shown = results["output"]!.GetValue<string>() + "\n" + string.Join("\n", visible.Select(t => t.ToJsonString()));
        double visiblePoints = visible.Sum(t => t["max_score"]!.GetValue<double>());
        shown.Should().Contain(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Visible tests: {visiblePoints:0.##} / {visiblePoints:0.##} ({visible.Count} of {visible.Count} tests passed)"));
        shown.Should().NotContain("100 / 100").And.NotContain($"of {tests.Count}").And.NotContain($"of {GradingFixture.Kit.Tests.Count}");
        foreach (var test in hidden.Where(t => t["number"] is not null))
        {
            shown.Should().NotContain(test["name"]!.GetValue<string>(), "a hidden test's name stays hidden");
        }
        hidden.Should().Contain(t => t["name"]!.GetValue<string>().StartsWith("Total") && t["output"]!.GetValue<string>().Contains("Score: 100 / 100"),
            "the total over all tests is shown after the due date");
    }

    /// <summary>
    /// One bulk run of three uploads: the reference as collect_submission.sh zips it (full marks, with the results
    /// Gradescope shows and the isolation level named everywhere), the skeleton, and a file that is not a zip.
    /// </summary>
    [Test]
    [NonParallelizable] // the grader's own command, at the limits of one grading at a time (its default --jobs on 2 cores)
    public void FolderOfZips_IsGradedInBulk_WithAGradebook_AndTheReferenceZippedByCollectSubmissionScoresFullMarks()
    {
        string folder = Directory.CreateTempSubdirectory("bulk").FullName;
        string copy = Path.Combine(folder, "alice-clone");
        foreach (var (file, text) in GradingFixture.ReferenceFiles())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, file))!);
            File.WriteAllText(Path.Combine(copy, file), text);
        }
        File.Copy(Repository.PathOf("collect_submission.sh"), Path.Combine(copy, "collect_submission.sh"));
        ExternalProcess.Run("bash", ["collect_submission.sh"], copy, TimeSpan.FromMinutes(1)).ExitCode.Should().Be(0);
        string uploads = Path.Combine(folder, "uploads");
        Directory.CreateDirectory(uploads);
        File.Copy(Path.Combine(copy, "assignment_1_submission.zip"), Path.Combine(uploads, "alice.zip"));
        var skeleton = Repository.Layout.TodoFiles.ToDictionary(f => "student/" + f, f => File.ReadAllText(Path.Combine(Repository.Layout.StudentDirectory, f)));
        File.Copy(GradingFixture.Zip(skeleton, "bob"), Path.Combine(uploads, "bob.zip"));
        File.WriteAllText(Path.Combine(uploads, "carol.zip"), "not a zip");
        string output = Path.Combine(folder, "out");

        var run = ExternalProcess.Run("dotnet",
            [Repository.TestFile("Assignment1.Grader.dll"), "grade", uploads, "--out", output, "--kit", GradingFixture.Kit.Directory],
            Repository.Root, TimeSpan.FromMinutes(8));

        run.ExitCode.Should().Be(0, run.Output);
        string[] gradebook = File.ReadAllLines(Path.Combine(output, "gradebook.csv"));
        gradebook[0].Should().StartWith("submission,1.1 Sigmoid,").And.EndWith(",total,error");
        gradebook.Should().HaveCount(4);
        gradebook[1].Should().StartWith("alice,1,1,").And.EndWith(",100,");
        gradebook[2].Should().StartWith("bob,0,0,").And.EndWith(",0,");
        gradebook[3].Should().StartWith("carol,0,").And.Contain("not a readable zip", "the error column explains every submission not graded as submitted");
        foreach (string name in new[] { "alice", "bob", "carol" })
        {
            File.Exists(Path.Combine(output, name, "results.json")).Should().BeTrue(name);
        }

        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "alice", "results.json")))!;
        results["score"]!.GetValue<double>().Should().Be(100);
        results["tests"]!.AsArray().Should().OnlyContain(t => t!["status"]!.GetValue<string>() == "passed");
        File.ReadAllText(Path.Combine(output, "alice", "feedback.md")).Should().Contain("**Score: 100 / 100**").And.Contain("Isolation of the submitted code while it was tested: ");
        string level = System.Text.RegularExpressions.Regex.Match(run.Output, "Isolation: (bubblewrap|unshare|rlimits)").Groups[1].Value;
        level.Should().NotBeEmpty("stdout names the isolation level:\n" + run.Output);
        results["extra_data"]!["isolation"]!.GetValue<string>().Should().Be(level, "results.json names the level stdout printed");
        results["output"]!.GetValue<string>().Should().Contain($"Isolation of your code while it was tested: {level}.");
        ResultsShownBeforeTheDueDate_RevealNothingAboutHiddenTests(results);
    }

    [Test]
    public void Skeleton_ScoresZero_WithEveryTestExplained()
    {
        var skeleton = Repository.Layout.TodoFiles.ToDictionary(f => "student/" + f, f => File.ReadAllText(Path.Combine(Repository.Layout.StudentDirectory, f)));
        var report = GradingFixture.Grade(skeleton);
        report.Score.Should().Be(0);
        report.Outcomes.Should().OnlyContain(o => o.Message.Contains("is not implemented yet"));
    }

    [Test]
    public void InstructorsFilledInClone_BrokenFile_LosesThatFilesTests_NotGradedAsTheInstructorsSolution()
    {
        // A course repository whose student/ holds the instructor's own solution: the stand-in for a broken file
        // must be the generated handout, never what student/ holds.
        string root = Directory.CreateTempSubdirectory("instructor-clone").FullName;
        try
        {
            CopyFolder(Repository.Layout.StudentDirectory, Path.Combine(root, "student"));
            CopyFolder(Repository.Layout.SolutionDirectory, Path.Combine(root, "grader", "solution"));
            CopyFolder(Repository.Layout.SolutionDirectory, Path.Combine(root, "student"));
            var layout = new RepositoryLayout(root);
            SkeletonSync.Inspect(layout).Should().Contain(s => !s.UpToDate, "student/ holds a solution here");

            var files = GradingFixture.ReferenceFiles(GradingFixture.Edit("student/Models/BaseNetwork.cs", "return x.Map(value => Math.Max(0.0, value));", "return x.Map(value => Math.Max(0.0, value))"));
            var reader = new Intake.SubmissionReader(SubmissionGrader.GradableFiles(layout), GradingLimits.Default);
            var grader = new SubmissionGrader(layout, GradingFixture.Sections("1"), GradingLimits.Default, Repository.PathOf("data", "mnist"));
            var report = grader.Grade(reader.ReadZip(GradingFixture.Zip(files)), Path.Combine(root, "work"));
            report.Outcomes.Should().OnlyContain(o => !o.Passed && o.Message.Contains("student/Models/BaseNetwork.cs does not compile"),
                "the broken file's tests fail, instead of passing on the instructor's solution");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !Path.GetRelativePath(from, f).Split(Path.DirectorySeparatorChar)[0].StartsWith("obj") && !Path.GetRelativePath(from, f).Split(Path.DirectorySeparatorChar)[0].StartsWith("bin")))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    [Test]
    public void HarmlessCode_DebugOutput_ConditionalCompilation_AndCreatingTheFigureFolder_LosesNothing()
    {
        var files = GradingFixture.ReferenceFiles((path, text) => path switch
        {
            "student/Models/BaseNetwork.cs" => text.Replace("return x.Map(value => Math.Max(0.0, value));",
                "Console.Error.WriteLine($\"ReLU of a {x.RowCount}x{x.ColumnCount} matrix\");\n#if NET8_0_OR_GREATER\n        return x.Map(value => Math.Max(0.0, value));\n#else\n        throw new NotSupportedException();\n#endif"),
            "student/Utils.cs" => text.Replace("var loss = new Plot();", "if (!Directory.Exists(outputDirectory))\n        {\n            Directory.CreateDirectory(outputDirectory);\n        }\n        var loss = new Plot();"),
            _ => text,
        });
        files["student/Models/BaseNetwork.cs"].Should().Contain("#if NET8_0_OR_GREATER");
        files["student/Utils.cs"].Should().Contain("if (!Directory.Exists(outputDirectory))");
        var report = GradingFixture.Grade(files, GradingFixture.Sections("1", "11"));
        report.Outcomes.Should().OnlyContain(o => o.Passed, string.Join("; ", report.Outcomes.Where(o => !o.Passed).Select(o => $"{o.Test.Number}: {o.Message}")));
        report.Notes.Should().BeEmpty("nothing was refused");
        report.Outcomes.Single(o => o.Test.Number == "1.3").Output.Should().Contain("ReLU of a", "what a test printed is kept in its output");
    }

    [Test]
    public void MissingFile_CostsOnlyItsTests_AndSaysItIsMissing()
    {
        var files = GradingFixture.ReferenceFiles();
        files.Remove("student/Optimizers/Sgd.cs");
        var report = GradingFixture.Grade(files, GradingFixture.Sections("1", "5"));
        report.Outcomes.Where(o => GradingFixture.Section(o.Test) == "1").Should().OnlyContain(o => o.Passed);
        report.Outcomes.Where(o => GradingFixture.Section(o.Test) == "5").Should().OnlyContain(o => !o.Passed && o.Message.Contains("Missing file student/Optimizers/Sgd.cs"));
    }

    [Test]
    public void ConsecutiveGradings_GiveIdenticalResults()
    {
        // Every test but the two 10-epoch ones (graded in full elsewhere), the one-epoch trainings included:
        // shuffles, multi-threaded products, failure messages and scores must not vary.
        var files = GradingFixture.ReferenceFiles(GradingFixture.Edit("student/Models/BaseNetwork.cs",
            "return x.Map(value => Math.Max(0.0, value));", "return x.Map(value => Math.Max(0.0, value) + 1e-3);"));
        var kit = GradingFixture.Kit.Only(t => GradingFixture.Section(t) != "12");
        // Three, not ten: each grading includes the one-epoch trainings, and CI must stay within its time.
        var gradings = Enumerable.Range(0, 3).Select(_ => Comparable(GradingFixture.Grade(files, kit))).ToList();
        gradings.Distinct().Should().HaveCount(1, "the same submission gets the same results.json every time (execution_time aside)");
        gradings[0].Should().Contain("\"failed\"", "the edit breaks ReLU, so some tests fail with messages that must be stable too");
    }

    private static string Comparable(GradingReport report)
    {
        var json = GradescopeResults.From(report);
        json.Remove("execution_time");
        return json.ToJsonString();
    }

    [Test]
    public void TupleLiteralsAndHelpers_InAFile_AreGradedNormally()
    {
        // A tuple literal declares a tuple type: the public-surface check once took two of them for duplicate classes and crashed.
        var files = GradingFixture.ReferenceFiles(GradingFixture.Edit("student/Models/BaseNetwork.cs",
            "public Matrix<double> ReLU(Matrix<double> x)",
            "private static (double Low, double High) Bounds(bool up)\n    {\n        if (up)\n        {\n            return (0, 1);\n        }\n        return (1, 0);\n    }\n\n    public Matrix<double> ReLU(Matrix<double> x)"));
        var report = GradingFixture.Grade(files, GradingFixture.Sections("1"));
        report.Outcomes.Should().OnlyContain(o => o.Passed, "a private helper returning tuples changes no public member");
    }
}
