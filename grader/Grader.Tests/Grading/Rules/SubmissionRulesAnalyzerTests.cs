using Assignment1.Rules;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;
using Microsoft.CodeAnalysis;

namespace Assignment1.Grader.Tests.Grading.Rules;

/// <summary>
/// The analyzer of rules/, which the student's build runs: each rule category is reported with its own ID at the
/// file and line of the code, worded as the grader words it and saying what grading will take out; what the
/// grader accepts, it does not report; and its catalogue of IDs matches the release file.
/// </summary>
[TestFixture]
public class SubmissionRulesAnalyzerTests
{
    private const string File = "Models/BaseNetwork.cs";
    private const string ReLUBody = "return x.Map(value => Math.Max(0.0, value));";

    [Test]
    public void EveryCategory_HasItsOwnDiagnostic_AndTheReleaseFileListsThemAll()
    {
        var categories = SubmissionRules.Default.RefusedCategories
            .Append(SubmissionRules.NotListed).Append(SubmissionRulesChecker.LanguageConstructs)
            .Append(SubmissionRulesChecker.ProvidedTypes).Append(PublicSurfaceChecker.Category).ToList();
        var ids = categories.Select(c => RuleCatalogue.For(c).Id).ToList();
        ids.Should().OnlyHaveUniqueItems().And.NotContain(RuleCatalogue.OtherRefusal.Id, "each category of the rules file has a diagnostic of its own");
        new SubmissionRulesAnalyzer().SupportedDiagnostics.Select(d => d.Id).Should().BeEquivalentTo(ids.Append(RuleCatalogue.OtherRefusal.Id));

        string shipped = System.IO.File.ReadAllText(Repository.PathOf("rules", "AnalyzerReleases.Shipped.md"));
        var listed = shipped.Split('\n').Where(l => l.StartsWith("A1", StringComparison.Ordinal)).Select(l => l.Split('|')[0].Trim());
        listed.Should().BeEquivalentTo(RuleCatalogue.All.Select(d => d.Id));
    }

    [TestCaseSource(typeof(SubmissionRulesTests), nameof(SubmissionRulesTests.RefusedInReLU))]
    public void RefusedCode_IsReportedAtItsLine_InTheGradersWords_WithWhatGradingTakesOut(string category, string code)
    {
        var files = RulesHarness.Reference(Edit(ReLUBody, code + "\n        " + ReLUBody));
        int line = files[File].Split('\n').ToList().FindIndex(l => l.Contains(code.Split(';')[0])) + 1;

        var diagnostics = RulesHarness.Analyze(files);

        diagnostics.Should().NotBeEmpty($"'{code}' breaks the rules");
        diagnostics.Should().OnlyContain(d => d.Location.GetLineSpan().StartLinePosition.Line + 1 == line && d.Location.SourceTree!.FilePath == "student/" + File);
        diagnostics.Should().Contain(d => d.Id == RuleCatalogue.For(category).Id, string.Join("\n", diagnostics));
        diagnostics.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Warning
                                             && d.GetMessage().EndsWith("When graded, BaseNetwork.ReLU is not run: the tests that call it fail.", StringComparison.Ordinal));
        foreach (var finding in RulesHarness.Check(files)[File])
        {
            diagnostics.Should().Contain(d => d.GetMessage().StartsWith(finding.Message, StringComparison.Ordinal), "the build says what the grader says");
        }
    }

    [TestCase("namespace Assignment1.Numerics.Gemm { public sealed partial class FastLinearAlgebraProvider { static FastLinearAlgebraProvider() { throw new System.Exception(); } } }",
        "adds a part to Assignment1.Numerics.Gemm.FastLinearAlgebraProvider", "FastLinearAlgebraProvider")]
    [TestCase("namespace Assignment1 { public class LyingMatrix : MathNet.Numerics.LinearAlgebra.Double.DenseMatrix { public LyingMatrix() : base(1) { } } }",
        "derives from MathNet.Numerics.LinearAlgebra.Double.DenseMatrix", "LyingMatrix")]
    public void TypeThatExtendsProvidedTypes_IsReported_AsRemovedWhenGraded(string declaration, string message, string type)
    {
        var files = RulesHarness.Reference();
        files[File] = files[File].Replace("namespace Assignment1.Models;", "namespace Assignment1.Models\n{") + "\n}\n" + declaration + "\n";

        var diagnostic = RulesHarness.Analyze(files).Should().ContainSingle().Subject;

        diagnostic.Id.Should().Be(RuleCatalogue.ProvidedTypes.Id);
        diagnostic.GetMessage().Should().Contain(message).And.EndWith($"When graded, {type} is removed.");
    }

    [Test]
    public void RefusedCodeOutsideAnyMethod_SaysTheWholeFileIsReplaced()
    {
        var files = RulesHarness.Reference(Edit("public Matrix<double> ReLU(Matrix<double> x)",
            "private static readonly string Home = Environment.GetEnvironmentVariable(\"HOME\") ?? \"\";\n\n    public Matrix<double> ReLU(Matrix<double> x)"));

        var diagnostic = RulesHarness.Analyze(files).Should().ContainSingle().Subject;

        diagnostic.Id.Should().Be(RuleCatalogue.ProcessAndEnvironment.Id);
        diagnostic.GetMessage().Should().EndWith("When graded, the whole file is replaced by the handout's version.");
    }

    [TestCase("public Matrix<double> SigmoidDev(Matrix<double> x)", "public Matrix<double> SigmoidDev(Matrix<float> x)", "SigmoidDev(MathNet.Numerics.LinearAlgebra.Matrix<double>) was changed to")]
    [TestCase("public Matrix<double> ReLUDev(Matrix<double> x)", "private Matrix<double> ReLUDev(Matrix<double> x)", "ReLUDev(MathNet.Numerics.LinearAlgebra.Matrix<double>) is missing")]
    public void AChangedPublicSurface_IsReportedAtTheMember(string original, string changed, string message)
    {
        var files = RulesHarness.Reference(Edit(original, changed));
        int line = files[File].Split('\n').ToList().FindIndex(l => l.Contains(changed)) + 1;

        var diagnostics = RulesHarness.Analyze(files).Where(d => d.Id == RuleCatalogue.PublicSurface.Id).ToList();

        diagnostics.Should().ContainSingle().Which.GetMessage().Should().Contain(message).And.EndWith("When graded, the whole file is replaced by the handout's version.");
        if (message.Contains("was changed"))
        {
            diagnostics[0].Location.GetLineSpan().StartLinePosition.Line.Should().Be(line - 1, "the changed member is underlined");
        }
    }

    [Test]
    public void TheHandout_TheReference_AndTheAlternativeSolutions_AreNotReported()
    {
        RulesHarness.Analyze(RulesHarness.Handout()).Should().BeEmpty("the handout itself");
        RulesHarness.Analyze(RulesHarness.Reference()).Should().BeEmpty("the reference solution (the provided files, which read files, are compiled with it)");
        foreach (string style in Catalogue.AlternativeSolutionTests.Styles)
        {
            string folder = Repository.PathOf("grader", "alternative-solutions", style);
            var files = RulesHarness.Reference((path, text) => System.IO.File.Exists(Path.Combine(folder, path)) ? System.IO.File.ReadAllText(Path.Combine(folder, path)) : text);
            RulesHarness.Analyze(files).Should().BeEmpty($"the '{style}' solution");
        }
    }

    [TestCase("Console.Error.WriteLine($\"ReLU of {x.RowCount} rows\");")]
    [TestCase("System.Diagnostics.Debug.Assert(x.RowCount > 0); var clock = System.Diagnostics.Stopwatch.StartNew();")]
    public void HarmlessCode_IsNotReported(string code) =>
        RulesHarness.Analyze(RulesHarness.Reference(Edit(ReLUBody, code + "\n        " + ReLUBody))).Should().BeEmpty();

    [TestCase("/home/ana/a1/student/Models/TwoLayerNet.cs", "/home/ana/a1/student/", "Models/TwoLayerNet.cs")]
    [TestCase(@"C:\Users\ana\a1\student\Utils.cs", @"C:\Users\ana\a1\student\", "Utils.cs")]
    [TestCase("/home/ana/a1/student/Cli/Utils.cs", "/home/ana/a1/student/", null)]
    [TestCase("/home/ana/a1/student/Data/MnistDataset.cs", "/home/ana/a1/student/", null)]
    [TestCase("student/Optimizers/Sgd.cs", null, "Optimizers/Sgd.cs")]
    public void TheSubmittedFiles_AreFoundUnderTheProjectFolder(string path, string? projectDirectory, string? expected) =>
        SubmissionRulesAnalyzer.SubmittedFile(path, projectDirectory, HandoutSurface.Default).Should().Be(expected);

    [Test]
    public void TheShippedSurface_IsTheOneTheGraderDescribes()
    {
        HandoutSurface.Default.ToText().Should().Be(RulesHarness.Surface.ToText(),
            "rules/handout-surface.txt must describe the generated skeleton: run ./grader/grader generate-skeleton");
        HandoutSurface.Parse(RulesHarness.Surface.ToText()).ToText().Should().Be(RulesHarness.Surface.ToText(), "the file reads back as written");
    }

    private static Func<string, string, string> Edit(string original, string replacement) => (path, text) =>
    {
        if (path != File)
        {
            return text;
        }
        Assert.That(text, Does.Contain(original), $"the edit's anchor is not in {File}");
        return text.Replace(original, replacement);
    };
}
