using System.IO.Compression;
using System.Text;
using Assignment1.Grader.Grading;
using Assignment1.Grader.Intake;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>Reading submissions: malformed and hostile zips get a clear message, and nothing is ever written to disk.</summary>
[TestFixture]
public class SubmissionIntakeTests
{
    private static readonly SubmissionReader Reader = new(SubmissionGrader.GradableFiles(Repository.Layout), GradingLimits.Default);
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("intake").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void CollectSubmissionLayout_IsTakenAsIs()
    {
        var submission = Reader.ReadZip(Zip(("student/Utils.cs", "a"), ("student/Models/TwoLayerNet.cs", "b"), ("configs/config_exp.yaml", "c")));
        submission.Files.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["student/Utils.cs"] = "a", ["student/Models/TwoLayerNet.cs"] = "b", ["configs/config_exp.yaml"] = "c",
        });
        submission.Problems.Should().BeEmpty();
    }

    [Test]
    public void ZipOfTheFolder_WithOtherCaseAndWindowsLineEnds_IsAccepted()
    {
        var submission = Reader.ReadZip(Zip(
            ("Assignment1/Student/utils.cs", "\uFEFFline1\r\nline2"),
            ("Assignment1/student/bin/Debug/Assignment1.dll", "binary"),
            ("Assignment1/student/Assignment1.csproj", "<Project/>")));
        submission.Files.Should().ContainKey("student/Utils.cs").WhoseValue.Should().Be("line1\nline2");
        submission.Ignored.Should().Contain(["Assignment1/student/Assignment1.csproj", "Assignment1/student/bin/Debug/Assignment1.dll"],
            "project files are never used: a student's MSBuild file would run code at build time");
    }

    [Test]
    public void TwoCandidatesForOneFile_AreNeitherUsed()
    {
        var submission = Reader.ReadZip(Zip(("old/Utils.cs", "a"), ("new/Utils.cs", "b")));
        submission.Files.Should().NotContainKey("student/Utils.cs");
        submission.Problems.Should().ContainSingle().Which.Should().Contain("Several files could be student/Utils.cs");
    }

    [TestCase("../../evil/Utils.cs", "path leaves the submission folder")]
    [TestCase("/etc/Utils.cs", "absolute path")]
    [TestCase("C:/Windows/Utils.cs", "absolute path")]
    public void EntriesOutsideTheSubmission_AreRefused_AndNothingIsWritten(string path, string why)
    {
        var submission = Reader.ReadZip(Zip((path, "x")));
        submission.Files.Should().BeEmpty();
        submission.Problems.Should().Contain(p => p.Contains(why));
        File.Exists(Path.GetFullPath(Path.Combine(_folder, path))).Should().BeFalse();
        File.Exists(Path.GetFullPath(Path.Combine(Path.GetTempPath(), path))).Should().BeFalse();
    }

    [Test]
    public void SymbolicLinkEntry_IsRefused()
    {
        string zip = Path.Combine(_folder, "link.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            var entry = archive.CreateEntry("student/Utils.cs");
            entry.ExternalAttributes = unchecked((int)0xA1FF0000); // S_IFLNK | 0777
            using var writer = new StreamWriter(entry.Open());
            writer.Write("/etc/passwd");
        }
        var submission = Reader.ReadZip(zip);
        submission.Files.Should().BeEmpty();
        submission.Problems.Should().ContainSingle().Which.Should().Contain("link or a device");
    }

    [Test]
    public void ZipBomb_IsStoppedAtTheSizeLimit_WhateverTheHeaderSays()
    {
        string zip = Path.Combine(_folder, "bomb.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using var stream = archive.CreateEntry("student/Utils.cs", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++)
            {
                stream.Write(zeros);
            }
        }
        new FileInfo(zip).Length.Should().BeLessThan(1 << 20, "200 MB of zeros compress to almost nothing");
        var submission = Reader.ReadZip(zip);
        submission.Files.Should().BeEmpty();
        submission.Problems.Should().ContainSingle().Which.Should().Contain("larger than 1024 KB");
    }

    [Test]
    public void TooManyEntries_AreRefusedAsAWhole()
    {
        var entries = Enumerable.Range(0, GradingLimits.Default.MaxZipEntries + 1).Select(i => ($"junk/{i}.txt", "x")).ToArray();
        var submission = Reader.ReadZip(Zip(entries));
        submission.Files.Should().BeEmpty();
        submission.Problems.Should().ContainSingle().Which.Should().Contain("entries; at most");
    }

    [Test]
    public void EmptyZip_SaysWhatIsExpected()
    {
        var submission = Reader.ReadZip(Zip());
        submission.Problems.Should().ContainSingle().Which.Should().Contain("None of the expected files").And.Contain("collect_submission.sh");
    }

    [Test]
    public void WrongNames_AreIgnoredAndListed()
    {
        var submission = Reader.ReadZip(Zip(("student/Util.cs", "x"), ("student/Models/TwoLayerNetwork.cs", "y")));
        submission.Files.Should().BeEmpty();
        submission.Ignored.Should().BeEquivalentTo("student/Util.cs", "student/Models/TwoLayerNetwork.cs");
    }

    [Test]
    public void NotAZip_SaysSo()
    {
        string path = Path.Combine(_folder, "homework.zip");
        File.WriteAllText(path, "this is a PDF, really");
        var submission = Reader.ReadZip(path);
        submission.Files.Should().BeEmpty();
        submission.Problems.Should().ContainSingle().Which.Should().Contain("is not a readable zip file");
    }

    [Test]
    public void Folder_IsReadLikeAZip_AndLinksAreRefused()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "sub", "student"));
        File.WriteAllText(Path.Combine(_folder, "sub", "student", "Utils.cs"), "u");
        File.CreateSymbolicLink(Path.Combine(_folder, "sub", "student", "Sgd.cs"), "/etc/passwd");
        var submission = Reader.ReadFolder(Path.Combine(_folder, "sub"));
        submission.Files.Should().ContainKey("student/Utils.cs").And.NotContainKey("student/Optimizers/Sgd.cs");
    }

    [Test]
    public void GradeCommand_OnNotAZip_GivenRelativePaths_WritesResultsWithScoreZeroAndWhy()
    {
        string path = Path.Combine(_folder, "broken.zip");
        File.WriteAllText(path, "garbage");
        string output = Path.Combine(_folder, "out");
        // Paths relative to where the command runs, as staff type them: the kit is started elsewhere (it once failed with "Broken pipe").
        string here = Path.GetDirectoryName(GradingFixture.Kit.Directory)!;
        var run = ExternalProcess.Run("dotnet",
            [Repository.TestFile("Assignment1.Grader.dll"), "grade", Path.GetRelativePath(here, path), "--out", Path.GetRelativePath(here, output),
             "--kit", Path.GetFileName(GradingFixture.Kit.Directory), "--mnist", Path.GetRelativePath(here, Repository.PathOf("data", "mnist"))],
            here, TimeSpan.FromMinutes(3));
        run.ExitCode.Should().Be(0, "grading happened; the submission is what is broken:\n" + run.Output);
        var results = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(output, "results.json")))!;
        results["score"]!.GetValue<double>().Should().Be(0);
        results["output"]!.GetValue<string>().Should().Contain("is not a readable zip file");
        string level = System.Text.RegularExpressions.Regex.Match(run.Output, "Isolation: (\\w+)").Groups[1].Value;
        results["extra_data"]!["isolation"]!.GetValue<string>().Should().Be(level).And.NotBeEmpty("every results.json names the isolation level");
    }

    [Test]
    public void GradeCommand_WithoutBubblewrap_Stops_AndItsResultsSayNoCodeRan()
    {
        string output = Path.Combine(_folder, "out-no-bwrap");
        var run = ExternalProcess.Run("dotnet",
            [Repository.TestFile("Assignment1.Grader.dll"), "grade", Zip(("student/Utils.cs", "// nothing")), "--out", output, "--kit", GradingFixture.Kit.Directory],
            Repository.Root, TimeSpan.FromMinutes(3), new Dictionary<string, string?> { ["ASSIGNMENT1_BWRAP"] = "/nonexistent/bwrap", ["ASSIGNMENT1_SANDBOX"] = null });
        run.ExitCode.Should().Be(1, "a weaker isolation level is used only when asked for by name");
        run.Output.Should().Contain("bubblewrap cannot run").And.Contain("--isolation unshare");
        var results = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(output, "results.json")))!;
        results["score"]!.GetValue<double>().Should().Be(0);
        results["extra_data"]!["isolation"]!.GetValue<string>().Should().Be(Assignment1.Grader.Results.GradescopeResults.NoIsolation);
        results["output"]!.GetValue<string>().Should().Contain("bubblewrap cannot run").And.Contain("Isolation of your code while it was tested: none needed");
    }

    private string Zip(params (string Path, string Text)[] entries)
    {
        string path = Path.Combine(_folder, $"{Guid.NewGuid():N}.zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            using var stream = archive.CreateEntry(name).Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }
        return path;
    }

    [Test]
    public void ManyIgnoredFiles_AreOneLine_WithTheCountAndTheFirstNames()
    {
        var ignored = Enumerable.Range(0, 58).Select(i => $"bin/Debug/file{i}.dll").ToList();
        var notes = SubmissionGrader.IgnoredNote(ignored).ToList();
        notes.Should().ContainSingle().Which.Should().StartWith("Ignored 58 files").And.Contain("file0.dll").And.Contain("and 53 more");
        SubmissionGrader.IgnoredNote(["notes.txt"]).Should().ContainSingle().Which.Should().Be("Ignored 'notes.txt': not one of the graded files.");
        SubmissionGrader.IgnoredNote([]).Should().BeEmpty();
    }
}
