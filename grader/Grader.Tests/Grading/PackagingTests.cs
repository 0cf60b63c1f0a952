using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Assignment1.Grader.Packaging;
using Assignment1.Grader.Results;
using Assignment1.Grader.Skeleton;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;
using YamlDotNet.RepresentationModel;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>The handout students receive and the Gradescope autograder, each exercised the way it is used.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)] // each test builds or runs in a folder of its own
public class PackagingTests
{
    [Test]
    public void Handout_BuildsAndFailsCleanly_AndHoldsNoReferenceCodeOrPrivateTests()
    {
        string handout = Path.Combine(Directory.CreateTempSubdirectory("handout").FullName, "assignment1");
        try
        {
            HandoutBuilder.Write(Repository.Layout, handout, GradingFixture.Kit.Tests.Where(t => t.FullName.StartsWith("Assignment1.Tests.")).ToList());

            Directory.Exists(Path.Combine(handout, "grader")).Should().BeFalse();
            foreach (string required in new[] { "student/Utils.cs", "student.Tests/Assignment1.Tests.csproj", "configs/config_exp.yaml", "data/get_data.sh",
                         "data/get_data.ps1", "collect_submission.sh", "collect_submission.ps1", "report_template.md", "README.md", "Assignment1.sln", ".github/workflows/classroom.yml" })
            {
                File.Exists(Path.Combine(handout, required)).Should().BeTrue(required);
            }
            var handoutText = Directory.EnumerateFiles(handout, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".gz", StringComparison.Ordinal))
                .ToDictionary(f => Path.GetRelativePath(handout, f), File.ReadAllText);
            handoutText.Values.Should().NotContain(text => text.Contains("grader/solution") || text.Contains("STAFF ONLY"));
            foreach (string line in ReferenceSolutionLines())
            {
                handoutText.Where(f => f.Value.Contains(line)).Select(f => f.Key).Should().BeEmpty($"no line of the reference solution ('{line}') may be in the handout");
            }
            foreach (string privateFile in Directory.EnumerateFiles(Repository.PathOf("grader"), "*Tests.cs", SearchOption.AllDirectories)
                         .Where(f => f.Contains("PrivateTests", StringComparison.Ordinal)))
            {
                handoutText.Keys.Should().NotContain(k => k.EndsWith(Path.GetFileName(privateFile), StringComparison.Ordinal));
            }

            string results = Path.Combine(handout, "results");
            var run = ExternalProcess.Run("dotnet", ["test", "student.Tests", "--logger", "trx;LogFileName=handout.trx", "--results-directory", results],
                handout, TimeSpan.FromMinutes(5), new Dictionary<string, string?> { ["MNIST_DIR"] = Repository.PathOf("data", "mnist") });
            int publicTests = GradingFixture.Kit.Tests.Count(t => t.FullName.StartsWith("Assignment1.Tests.", StringComparison.Ordinal));
            run.StandardOutput.Should().MatchRegex($@"Failed: +{publicTests}, Passed: +0,", "every public test fails on the handout's skeleton");
            var trx = XDocument.Load(Path.Combine(results, "handout.trx"));
            trx.Descendants(trx.Root!.Name.Namespace + "Message").Select(m => m.Value).Should().OnlyContain(m => m.Contains("is not implemented yet"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(handout)!, recursive: true);
        }
    }

    [Test]
    public void ClassroomWorkflow_GivesEveryPublicTestClassItsPoints()
    {
        var publicTests = GradingFixture.Kit.Tests.Where(t => t.FullName.StartsWith("Assignment1.Tests.")).ToList();
        var yaml = new YamlStream();
        yaml.Load(new StringReader(HandoutBuilder.ClassroomWorkflow(publicTests)));
        var steps = (YamlSequenceNode)yaml.Documents[0].RootNode["jobs"]["run-autograding-tests"]["steps"];
        var graders = steps.Cast<YamlMappingNode>().Where(s => s.Children.ContainsKey("id")).ToList();

        graders.Sum(s => double.Parse(((YamlScalarNode)s["with"]["max-score"]).Value!, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(publicTests.Sum(t => t.Points), "Classroom reports the public suite's own points; the private suite's are graded elsewhere");
        string runners = ((YamlScalarNode)steps.Cast<YamlMappingNode>().Last()["with"]["runners"]).Value!;
        runners.Split(',').Should().BeEquivalentTo(graders.Select(s => ((YamlScalarNode)s["id"]).Value));
    }

    [Test]
    public void GradescopeAutograder_CarriesAWeakerIsolationLevel_OnlyWhenNamed()
    {
        string zipPath = Path.Combine(Directory.CreateTempSubdirectory("autograder-level").FullName, "autograder.zip");
        GradescopePackage.Write(Repository.Layout, zipPath, isolation: "unshare");
        using var zip = ZipFile.OpenRead(zipPath);
        new StreamReader(zip.GetEntry(GradescopePackage.IsolationFile)!.Open()).ReadToEnd().Trim().Should().Be("unshare");
        new StreamReader(zip.GetEntry("run_autograder")!.Open()).ReadToEnd().Should().Contain("--isolation \"$isolation\"", "run_autograder asks for the level baked in");
    }

    [Test]
    public void GradescopeAutograder_WhenTheGraderCannotStart_StillWritesResults_NamingTheIsolationLevel()
    {
        string root = Directory.CreateTempSubdirectory("autograder-broken").FullName;
        try
        {
            // A source folder without the grader stands for a grader that cannot start.
            Directory.CreateDirectory(Path.Combine(root, "source"));
            var run = ExternalProcess.Run("bash", [Repository.PathOf("grader", "gradescope", "run_autograder")], root, TimeSpan.FromMinutes(1),
                new Dictionary<string, string?> { ["AUTOGRADER_ROOT"] = root });

            run.ExitCode.Should().Be(0, "Gradescope shows results.json only when run_autograder ends normally");
            var results = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "results", "results.json")))!;
            results["score"]!.GetValue<double>().Should().Be(0);
            results["output"]!.GetValue<string>().Should().Contain("failed to start").And.Contain("Isolation of your code while it was tested: none needed");
            results["extra_data"]!["isolation"]!.GetValue<string>().Should().Be(GradescopeResults.NoIsolation, "every results.json names the isolation level");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    [NonParallelizable] // a full setup.sh and grading at the limits of one grading on the machine, as Gradescope runs it
    public void GradescopeAutograder_RunOnASimulatedTree_GradesTheSubmission()
    {
        string root = Directory.CreateTempSubdirectory("autograder").FullName;
        try
        {
            string zipPath = Path.Combine(root, "autograder.zip");
            GradescopePackage.Write(Repository.Layout, zipPath);
            using (var zip = ZipFile.OpenRead(zipPath))
            {
                zip.GetEntry("setup.sh").Should().NotBeNull();
                new StreamReader(zip.GetEntry(GradescopePackage.IsolationFile)!.Open()).ReadToEnd().Trim().Should().Be("bubblewrap", "bubblewrap unless staff name a weaker level");
                zip.GetEntry("run_autograder")!.ExternalAttributes.Should().Be((0x8000 | 0b111_101_101) << 16, "Gradescope runs it directly");
                zip.Entries.Should().NotContain(e => e.FullName.Contains("/bin/") || e.FullName.Contains("/obj") || e.FullName.StartsWith("data/mnist"));
            }
            ZipFile.ExtractToDirectory(zipPath, Path.Combine(root, "source"));
            ExternalProcess.Run("bash", ["-n", "setup.sh"], Path.Combine(root, "source"), TimeSpan.FromMinutes(1)).ExitCode.Should().Be(0);

            // Gradescope unpacks the student's upload into submission/. Utils.cs is left out: its tests, the long
            // training ones among them, then fail at once, which keeps this test fast.
            foreach (var (file, text) in GradingFixture.ReferenceFiles().Where(f => f.Key != "student/Utils.cs"))
            {
                string path = Path.Combine(root, "submission", file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }
            var run = ExternalProcess.Run("bash", [Path.Combine(root, "source", "run_autograder")], root, TimeSpan.FromMinutes(10),
                new Dictionary<string, string?> { ["AUTOGRADER_ROOT"] = root, ["MNIST_DIR"] = Repository.PathOf("data", "mnist") });

            run.ExitCode.Should().Be(0, run.Output);
            var results = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "results", "results.json")))!;
            var tests = results["tests"]!.AsArray();
            tests.Should().HaveCount(GradingFixture.Kit.Tests.Count + 1, "every test, and the total shown after the due date");
            results["score"]!.GetValue<double>().Should().Be(tests.Where(t => t!["status"]!.GetValue<string>() == "passed").Sum(t => t!["max_score"]!.GetValue<double>()))
                .And.BeGreaterThan(50, "only the Utils.cs tests fail");
            tests.Where(t => t!["status"]!.GetValue<string>() == "failed").Should().OnlyContain(t => t!["output"]!.GetValue<string>().Contains("Missing file student/Utils.cs"));
            results["stdout_visibility"]!.GetValue<string>().Should().Be("hidden");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Lines of the reference's solution regions that the provided code does not also contain.</summary>
    private static IEnumerable<string> ReferenceSolutionLines()
    {
        string provided = string.Concat(Directory.EnumerateFiles(Repository.Layout.StudentDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Repository.Layout.TodoFiles.Contains(Path.GetRelativePath(Repository.Layout.StudentDirectory, f).Replace('\\', '/')))
            .Select(File.ReadAllText));
        return SolutionRegionLines().Where(line => !provided.Contains(line));
    }

    private static IEnumerable<string> SolutionRegionLines()
    {
        foreach (string file in Repository.Layout.TodoFiles)
        {
            bool inside = false;
            foreach (string raw in File.ReadAllLines(Path.Combine(Repository.Layout.SolutionDirectory, file)))
            {
                string line = raw.Trim();
                if (line == SkeletonGenerator.BeginMarker || line == SkeletonGenerator.EndMarker)
                {
                    inside = line == SkeletonGenerator.BeginMarker;
                }
                else if (inside && line.Length > 12)
                {
                    yield return line;
                }
            }
        }
    }
}
