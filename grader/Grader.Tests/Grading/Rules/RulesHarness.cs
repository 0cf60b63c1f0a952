using Assignment1.Grader.Build;
using Assignment1.Grader.Checks;
using Assignment1.Rules;
using Assignment1.Grader.Skeleton;
using Assignment1.Grader.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Assignment1.Grader.Tests.Grading.Rules;

/// <summary>
/// Runs the grader's static stage on submitted files without running anything: the rules checker, the
/// neutralizer and the compiler, with the build options recorded in this test run's kit.
/// </summary>
public static class RulesHarness
{
    private static readonly Lazy<StudentCompiler> LazyCompiler = new(() =>
        new StudentCompiler(Repository.Layout.StudentDirectory, Repository.Layout.TodoFiles, GradingFixture.Kit.Directory));

    /// <summary>The compiler the grader uses, with the kit's recorded options.</summary>
    public static StudentCompiler Compiler => LazyCompiler.Value;

    /// <summary>The handout's TODO files, generated from the reference (relative path → text).</summary>
    public static Dictionary<string, string> Handout() => Repository.Layout.TodoFiles.ToDictionary(f => f,
        f => SkeletonGenerator.Generate(File.ReadAllText(Path.Combine(Repository.Layout.SolutionDirectory, f)), f));

    /// <summary>The reference solution's TODO files (relative path → text), each passed through <paramref name="edit"/>.</summary>
    public static Dictionary<string, string> Reference(Func<string, string, string>? edit = null) => Repository.Layout.TodoFiles.ToDictionary(f => f,
        f => edit?.Invoke(f, File.ReadAllText(Path.Combine(Repository.Layout.SolutionDirectory, f))) ?? File.ReadAllText(Path.Combine(Repository.Layout.SolutionDirectory, f)));

    private static readonly Lazy<HandoutSurface> LazySurface = new(() =>
    {
        var handoutTrees = Handout().ToDictionary(f => f.Key, f => Compiler.Parse(f.Key, f.Value));
        return HandoutSurface.Describe(Compiler.Compile(handoutTrees.Values), handoutTrees);
    });

    /// <summary>The handout's surface, as the grader describes it from the generated skeleton.</summary>
    public static HandoutSurface Surface => LazySurface.Value;

    /// <summary>The findings of the rules checker in each file of <paramref name="files"/>.</summary>
    public static Dictionary<string, IReadOnlyList<Finding>> Check(IReadOnlyDictionary<string, string> files)
    {
        var trees = files.ToDictionary(f => f.Key, f => Compiler.Parse(f.Key, f.Value));
        var compilation = Compiler.Compile(trees.Values);
        return trees.ToDictionary(t => t.Key, t => SubmissionRulesChecker.Check(compilation.GetSemanticModel(t.Value), trees.Values, Surface.Bases));
    }

    /// <summary>
    /// What the analyzer of rules/ reports on <paramref name="files"/> (the TODO files; the provided ones are
    /// compiled with them, as in the student's build), sorted by position.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Analyze(IReadOnlyDictionary<string, string> files)
    {
        var compilation = Compiler.Compile(files.Select(f => Compiler.Parse(f.Key, f.Value)));
        return compilation.WithAnalyzers([new SubmissionRulesAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .OrderBy(d => d.Location.SourceTree?.FilePath).ThenBy(d => d.Location.SourceSpan.Start).ToList();
    }

    /// <summary>The compiler's errors for <paramref name="files"/>.</summary>
    public static IReadOnlyList<Diagnostic> Errors(IReadOnlyDictionary<string, string> files) =>
        Compiler.Compile(files.Select(f => Compiler.Parse(f.Key, f.Value))).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
}
