using System.IO.Compression;
using System.Text.RegularExpressions;
using Assignment1.Grader.Packaging;
using Assignment1.Grader.Tests.Grading.Rules;
using Assignment1.Grader.Tests.Support;
using Assignment1.Rules;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>
/// collect_submission.sh in a real handout, as a student runs it: it builds first, and what the grader's rules or
/// the compiler report in a submitted file stops the zip (unless --force), each finding at file:line. The same
/// findings appear in a plain <c>dotnet build</c>.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)] // alongside other fixtures (its handout is its own); its tests share that handout, so they run in order
public class CollectSubmissionTests
{
    private const string File = "student/Models/BaseNetwork.cs";
    private const string Zip = "assignment_1_submission.zip";
    private string _handout = "";

    [OneTimeSetUp]
    public void WriteHandout()
    {
        _handout = Path.Combine(Directory.CreateTempSubdirectory("collect").FullName, "assignment1");
        HandoutBuilder.Write(Repository.Layout, _handout, GradingFixture.Kit.Tests.Where(t => t.FullName.StartsWith("Assignment1.Tests.", StringComparison.Ordinal)).ToList());
    }

    [OneTimeTearDown]
    public void DeleteHandout() => Directory.Delete(Path.GetDirectoryName(_handout)!, recursive: true);

    [SetUp]
    public void StartFromTheHandout()
    {
        string skeleton = SkeletonFile();
        System.IO.File.WriteAllText(Path.Combine(_handout, File), skeleton);
        System.IO.File.Delete(Path.Combine(_handout, Zip));
    }

    [Test]
    public void TheUntouchedHandout_BuildsClean_AndIsZippedWithAWarningAboutTodos()
    {
        var run = Collect();

        run.ExitCode.Should().Be(0, run.Output);
        run.StandardOutput.Should().Contain("No problems found");
        run.Output.Should().NotContain("warning A1", "the handout breaks no rule");
        run.StandardError.Should().Contain("unimplemented TODOs").And.Contain("student/Models/TwoLayerNet.cs");
        using var zip = ZipFile.OpenRead(Path.Combine(_handout, Zip));
        zip.Entries.Select(e => e.FullName).Should().BeEquivalentTo(
            "student/Utils.cs", "student/Models/BaseNetwork.cs", "student/Models/SoftmaxRegression.cs",
            "student/Models/TwoLayerNet.cs", "student/Optimizers/Sgd.cs", "configs/config_exp.yaml");
    }

    [Test]
    public void EveryRuleCategoryBroken_IsReportedByDotnetBuildAtFileAndLine_AndCollectSubmissionRefusesUnlessForced()
    {
        var broken = BreakEveryCategory();
        System.IO.File.WriteAllText(Path.Combine(_handout, File), broken.Text);

        var build = ExternalProcess.Run("dotnet", ["build", "student", "-nologo"], _handout, TimeSpan.FromMinutes(3));
        foreach (var (id, line) in broken.Expected)
        {
            build.StandardOutput.Should().MatchRegex($@"Models[/\\]BaseNetwork\.cs\({line},\d+\): warning {id}:", $"dotnet build reports {id} at line {line}");
        }

        var refused = Collect();
        refused.ExitCode.Should().Be(1, refused.Output);
        refused.StandardError.Should().Contain("the grader would take code out of your submission").And.Contain("collect_submission.sh --force");
        foreach (var (id, line) in broken.Expected)
        {
            refused.StandardError.Should().Contain($"{File}:{line}: {id}: ");
        }
        refused.StandardError.Should().Contain("When graded, BaseNetwork.ReLU is not run: the tests that call it fail.");
        System.IO.File.Exists(Path.Combine(_handout, Zip)).Should().BeFalse("nothing is zipped while the rules report a problem");

        var forced = Collect("--force");
        forced.ExitCode.Should().Be(0, forced.Output);
        forced.StandardError.Should().Contain("zipping anyway");
        System.IO.File.Exists(Path.Combine(_handout, Zip)).Should().BeTrue();
    }

    [Test]
    public void AFileThatDoesNotCompile_IsNotZipped_AndTheErrorIsShownAtItsLine()
    {
        string text = SkeletonFile().Replace("public Matrix<double> ReLU(Matrix<double> x)\n    {", "public Matrix<double> ReLU(Matrix<double> x)\n    {\n        int broken = \"text\";");
        System.IO.File.WriteAllText(Path.Combine(_handout, File), text);
        int line = text.Split('\n').ToList().FindIndex(l => l.Contains("int broken")) + 1;

        var run = Collect();

        run.ExitCode.Should().Be(1, run.Output);
        run.StandardError.Should().Contain("student/ does not build").And.Contain($"{File}:{line}: CS0029: ");
        System.IO.File.Exists(Path.Combine(_handout, Zip)).Should().BeFalse();
    }

    private ExternalProcess.Result Collect(params string[] arguments) =>
        ExternalProcess.Run("bash", ["collect_submission.sh", .. arguments], _handout, TimeSpan.FromMinutes(3));

    private static string SkeletonFile() => System.IO.File.ReadAllText(Repository.PathOf(File)).Replace("\r\n", "\n");

    /// <summary>
    /// The skeleton's BaseNetwork.cs with one broken rule of each category: a refused use of every category in
    /// ReLU (each in a block of its own), a type that extends a provided one, and a changed signature.
    /// </summary>
    private static (string Text, List<(string Id, int Line)> Expected) BreakEveryCategory()
    {
        var uses = SubmissionRulesTests.RefusedInReLU
            .Select(c => (Category: (string)c[0], Code: (string)c[1]))
            .Where(c => c.Code != "unsafe { }") // needs AllowUnsafeBlocks: the compiler refuses it before any rule does
            .GroupBy(c => c.Category).Select(g => g.First()).ToList();
        string text = SkeletonFile()
            .Replace("public Matrix<double> ReLU(Matrix<double> x)\n    {",
                "public Matrix<double> ReLU(Matrix<double> x)\n    {\n" + string.Join("\n", uses.Select(u => $"        {{ {u.Code} }}")))
            .Replace("public Matrix<double> SigmoidDev(Matrix<double> x)", "public Matrix<double> SigmoidDev(Matrix<float> x)")
            .Replace("namespace Assignment1.Models;", "namespace Assignment1.Models\n{")
            + "\n}\nnamespace Assignment1 { public class LyingMatrix : MathNet.Numerics.LinearAlgebra.Double.DenseMatrix { public LyingMatrix() : base(1) { } } }\n";
        var lines = text.Split('\n').ToList();
        var expected = uses.Select(u => (RuleCatalogue.For(u.Category).Id, lines.FindIndex(l => l.Contains("{ " + u.Code + " }")) + 1)).ToList();
        expected.Add((RuleCatalogue.PublicSurface.Id, lines.FindIndex(l => l.Contains("SigmoidDev(Matrix<float> x)")) + 1));
        expected.Add((RuleCatalogue.ProvidedTypes.Id, lines.FindIndex(l => l.Contains("class LyingMatrix")) + 1));
        expected.Should().OnlyContain(e => e.Item2 > 0);
        expected.Select(e => e.Item1).Should().BeEquivalentTo(RuleCatalogue.ByCategory.Values.Select(d => d.Id), "every category is broken once");
        return (text, expected);
    }
}
