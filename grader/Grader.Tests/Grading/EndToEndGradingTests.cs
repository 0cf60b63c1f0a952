using System.Text.Json.Nodes;
using Assignment1.Grader.Grading;
using Assignment1.Grader.Results;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>Whole gradings: the reference scores full marks, the skeleton zero, every lost point is explained, and regrading gives the same results.</summary>
[TestFixture]
public class EndToEndGradingTests
{
    [Test]
    public void Reference_ZippedByCollectSubmission_ScoresFullMarks()
    {
        string copy = Directory.CreateTempSubdirectory("reference-submission").FullName;
        foreach (var (file, text) in GradingFixture.ReferenceFiles())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, file))!);
            File.WriteAllText(Path.Combine(copy, file), text);
        }
        File.Copy(Repository.PathOf("collect_submission.sh"), Path.Combine(copy, "collect_submission.sh"));
        ExternalProcess.Run("bash", ["collect_submission.sh"], copy, TimeSpan.FromMinutes(1)).ExitCode.Should().Be(0);

        var run = ExternalProcess.Run("dotnet",
            [Repository.TestFile("Assignment1.Grader.dll"), "grade", Path.Combine(copy, "assignment_1_submission.zip"), "--out", Path.Combine(copy, "out"), "--kit", GradingFixture.Kit.Directory],
            Repository.Root, TimeSpan.FromMinutes(5));

        run.ExitCode.Should().Be(0, run.Output);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "out", "results.json")))!;
        results["score"]!.GetValue<double>().Should().Be(100);
        results["tests"]!.AsArray().Should().OnlyContain(t => t!["status"]!.GetValue<string>() == "passed");
        File.ReadAllText(Path.Combine(copy, "out", "feedback.md")).Should().Contain("**Score: 100 / 100**");
        TestContext.Out.WriteLine($"reference graded in {run.Elapsed.TotalSeconds:0.0} s");
    }

    [Test]
    public void FolderOfZips_IsGradedInBulk_WithAGradebook()
    {
        string folder = Directory.CreateTempSubdirectory("bulk").FullName;
        var skeleton = Repository.Layout.TodoFiles.ToDictionary(f => "student/" + f, f => File.ReadAllText(Path.Combine(Repository.Layout.StudentDirectory, f)));
        File.Copy(GradingFixture.Zip(GradingFixture.ReferenceFiles(), "alice"), Path.Combine(folder, "alice.zip"));
        File.Copy(GradingFixture.Zip(skeleton, "bob"), Path.Combine(folder, "bob.zip"));
        File.WriteAllText(Path.Combine(folder, "carol.zip"), "not a zip");
        string output = Path.Combine(folder, "out");

        var run = ExternalProcess.Run("dotnet",
            [Repository.TestFile("Assignment1.Grader.dll"), "grade", folder, "--out", output, "--kit", GradingFixture.Kit.Directory],
            Repository.Root, TimeSpan.FromMinutes(8));

        run.ExitCode.Should().Be(0, run.Output);
        string[] gradebook = File.ReadAllLines(Path.Combine(output, "gradebook.csv"));
        gradebook[0].Should().StartWith("submission,1.1 Sigmoid,").And.EndWith(",total,error");
        gradebook.Should().HaveCount(4);
        gradebook[1].Should().StartWith("alice,1,1,").And.EndWith(",100,");
        gradebook[2].Should().StartWith("bob,0,0,").And.EndWith(",0,");
        gradebook[3].Should().StartWith("carol,0,");
        foreach (string name in new[] { "alice", "bob", "carol" })
        {
            File.Exists(Path.Combine(output, name, "results.json")).Should().BeTrue(name);
        }
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
    public void MissingFile_CostsOnlyItsTests_AndSaysItIsMissing()
    {
        var files = GradingFixture.ReferenceFiles();
        files.Remove("student/Optimizers/Sgd.cs");
        var report = GradingFixture.Grade(files, GradingFixture.Sections("1", "5"));
        report.Outcomes.Where(o => GradingFixture.Section(o.Test) == "1").Should().OnlyContain(o => o.Passed);
        report.Outcomes.Where(o => GradingFixture.Section(o.Test) == "5").Should().OnlyContain(o => !o.Passed && o.Message.Contains("Missing file student/Optimizers/Sgd.cs"));
    }

    [Test]
    public void TenConsecutiveGradings_GiveIdenticalResults()
    {
        // Every test but the two 10-epoch ones (graded in full elsewhere), the one-epoch trainings included:
        // shuffles, multi-threaded products, failure messages and scores must not vary.
        var files = GradingFixture.ReferenceFiles(GradingFixture.Edit("student/Models/BaseNetwork.cs",
            "return x.Map(value => Math.Max(0.0, value));", "return x.Map(value => Math.Max(0.0, value) + 1e-3);"));
        var kit = GradingFixture.Kit.Only(t => GradingFixture.Section(t) != "12");
        var gradings = Enumerable.Range(0, 10).Select(_ => Comparable(GradingFixture.Grade(files, kit))).ToList();
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
