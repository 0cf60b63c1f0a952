using System.IO.Compression;
using Assignment1.Grader.Grading;
using Assignment1.Grader.Intake;

using Assignment1.Grader.Tests.Support;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>
/// Builds the grader's test kit once per test run (the runner and the public suite against the reference) and
/// makes submissions: the reference solution with small edits, zipped the way collect_submission.sh zips them.
/// </summary>
[SetUpFixture]
public sealed class GradingFixture
{
    /// <summary>The kit built for this test run.</summary>
    public static TestKit Kit { get; private set; } = null!;

    private static string _kitDirectory = null!;

    /// <summary>The limits of the kit's tests: the shipped ones for two gradings at a time (these tests run two at once).</summary>
    public static GradingLimits Limits { get; } = GradingLimits.Default.SharedBy(2);

    [OneTimeSetUp]
    public void BuildKit()
    {
        _kitDirectory = Directory.CreateTempSubdirectory("grader-kit").FullName;
        var build = ExternalProcess.Run("dotnet",
            ["build", "grader/Runner/Assignment1.TestRunner.csproj", "-c", "Release", "-p:Reference=true", "-o", _kitDirectory, "-nologo", "-v", "quiet"],
            Repository.Root, TimeSpan.FromMinutes(5));
        if (build.ExitCode != 0)
        {
            Assert.Fail("Building the test kit failed:\n" + build.Output);
        }
        // Measured as a grading machine measures it, so that every grading here runs at the shipped, derived limits: those of
        // grade --jobs 2, since these tests run two gradings at a time, as --jobs 2 does.
        Kit = TestKit.LoadMeasured(_kitDirectory, Limits, Repository.PathOf("data", "mnist"), TestContext.Progress.WriteLine);
    }

    [OneTimeTearDown]
    public void DeleteKit() => Directory.Delete(_kitDirectory, recursive: true);

    /// <summary>A kit of the tests whose number starts with one of <paramref name="sections"/> ("1" takes 1.1 and 1.5, not 10.1).</summary>
    public static TestKit Sections(params string[] sections) => Kit.Only(t => sections.Contains(Section(t)));

    /// <summary>The section of a test number: "4" for "4.5.2".</summary>
    public static string Section(GradedTest test) => test.Number.Split('.')[0];

    /// <summary>The reference solution's files, in the submission layout, with <paramref name="edit"/> applied to each file's text.</summary>
    public static Dictionary<string, string> ReferenceFiles(Func<string, string, string>? edit = null)
    {
        var files = new Dictionary<string, string>();
        foreach (string file in Repository.Layout.TodoFiles)
        {
            string text = File.ReadAllText(Path.Combine(Repository.Layout.SolutionDirectory, file));
            files["student/" + file] = edit?.Invoke("student/" + file, text) ?? text;
        }
        files["configs/config_exp.yaml"] = File.ReadAllText(Repository.PathOf("configs", "config_exp.yaml"));
        return files;
    }

    /// <summary>Replaces <paramref name="original"/> with <paramref name="replacement"/> in <paramref name="file"/>; fails if it is not there.</summary>
    public static Func<string, string, string> Edit(string file, string original, string replacement) => (path, text) =>
    {
        if (path != file)
        {
            return text;
        }
        Assert.That(text, Does.Contain(original), $"the edit's anchor is not in {file}");
        return text.Replace(original, replacement);
    };

    /// <summary>Writes <paramref name="files"/> (path → text) into a new zip and returns its path.</summary>
    public static string Zip(IReadOnlyDictionary<string, string> files, string name = "submission")
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("submission").FullName, name + ".zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (file, text) in files)
        {
            using var writer = new StreamWriter(zip.CreateEntry(file).Open());
            writer.Write(text);
        }
        return path;
    }

    /// <summary>Grades <paramref name="files"/> with <paramref name="kit"/> (default: the whole kit), <paramref name="limits"/> and <paramref name="sandbox"/> (default: bubblewrap).</summary>
    public static GradingReport Grade(IReadOnlyDictionary<string, string> files, TestKit? kit = null, GradingLimits? limits = null, Sandbox? sandbox = null)
    {
        limits ??= Limits;
        var reader = new SubmissionReader(SubmissionGrader.GradableFiles(Repository.Layout), limits);
        var submission = reader.ReadZip(Zip(files));
        var grader = new SubmissionGrader(Repository.Layout, kit ?? Kit, limits, Repository.PathOf("data", "mnist"), sandbox);
        return grader.Grade(submission, Path.Combine(Path.GetTempPath(), $"grading-{Guid.NewGuid():N}"));
    }
}
