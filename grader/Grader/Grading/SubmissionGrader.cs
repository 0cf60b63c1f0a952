using System.Diagnostics;
using Assignment1.Grader.Build;
using Assignment1.Grader.Checks;
using Assignment1.Rules;
using Assignment1.Grader.Intake;
using Assignment1.Grader.Skeleton;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Assignment1.Grader.Grading;

/// <summary>
/// Grades one submission: static checks, a per-file fallback build, the supervised test run, and messages
/// that explain every lost point. A submitted file that is missing, uses a forbidden API, changes the public
/// surface or does not compile is replaced by the handout's version, so it costs only its own tests.
/// </summary>
/// <param name="layout">The course repository.</param>
/// <param name="kit">The test kit.</param>
/// <param name="limits">Time, memory and size limits.</param>
/// <param name="mnistDirectory">MNIST, readable by the test process.</param>
/// <param name="sandbox">How to isolate the test process; null for the level <see cref="Sandbox.Detect"/> picks (bubblewrap unless asked otherwise).</param>
public sealed class SubmissionGrader(RepositoryLayout layout, TestKit kit, GradingLimits limits, string mnistDirectory, Sandbox? sandbox = null)
{
    private readonly IReadOnlyList<string> _todoFiles = layout.TodoFiles;
    private readonly Sandbox _sandbox = sandbox ?? Sandbox.Detect(layout.Root);
    private readonly Handout _prepared = Handout.For(layout, kit);

    private StudentCompiler _compiler => _prepared.Compiler;

    /// <summary>
    /// The handout's TODO files as generated from the reference solution, in memory: the stand-in for a missing or
    /// refused file. Never what student/ holds on disk, which in a course repository may be someone's solution.
    /// </summary>
    private IReadOnlyDictionary<string, string> _handout => _prepared.Files;

    /// <summary>The files a submission is graded on, in the repository layout.</summary>
    public static IReadOnlyList<string> GradableFiles(RepositoryLayout layout) =>
        layout.TodoFiles.Select(f => "student/" + f).Append("configs/config_exp.yaml").ToList();

    /// <summary>How the test process is isolated.</summary>
    public Sandbox Sandbox => _sandbox;

    /// <summary>Grades <paramref name="submission"/> in <paramref name="workDirectory"/> (created, and deleted afterwards).</summary>
    public GradingReport Grade(Submission submission, string workDirectory)
    {
        var clock = Stopwatch.StartNew();
        var replaced = new Dictionary<string, string>();
        var sources = new Dictionary<string, string>();
        foreach (string file in _todoFiles)
        {
            if (submission.Files.TryGetValue("student/" + file, out string? text))
            {
                sources[file] = text;
            }
            else
            {
                sources[file] = _handout[file];
                replaced[file] = $"Missing file student/{file}: the handout's version was graded in its place.";
            }
        }

        var neutralized = new Dictionary<string, IReadOnlyList<Finding>>();
        var compilation = ReplaceFilesThatTakeTooLongToCompile(sources, replaced, out var trees);
        var checkedSources = new Dictionary<string, string>(sources);
        ReplaceFilesThatFailChecks(sources, replaced, neutralized, trees, compilation);
        // Usually the checks change nothing: then the checked compilation, already bound by the checks, is emitted as is.
        bool unchanged = sources.All(s => checkedSources[s.Key] == s.Value);
        var (dll, pdb) = CompileReplacingFilesThatDoNotCompile(sources, replaced, unchanged ? (compilation, trees) : null);

        string kitCopy = Path.Combine(workDirectory, "kit");
        try
        {
            kit.CopyWithoutTests(kitCopy);
            StudentCompiler.WriteAssembly(kitCopy, dll, pdb);
            var supervisor = new TestSupervisor(kitCopy, kit.TestAssemblies(), limits, _sandbox, new Dictionary<string, string> { ["MNIST_DIR"] = mnistDirectory }, [mnistDirectory],
                () => KitFault(workDirectory));
            var outcomes = ConfirmationGate.Apply(supervisor.Run(kit.Tests).Select(o => Explain(o, replaced)).ToList());
            var notes = submission.Problems
                .Concat(neutralized.SelectMany(n => n.Value.Select(f => $"Not run: {f}")))
                .Concat(IgnoredNote(submission.Ignored))
                .ToList();
            return new GradingReport(submission.Name, outcomes, replaced, notes, _sandbox.Level, clock.Elapsed.TotalSeconds, submission.Problems);
        }
        finally
        {
            if (Directory.Exists(workDirectory))
            {
                Directory.Delete(workDirectory, recursive: true);
            }
        }
    }

    private string? _kitFault;
    private bool _kitProbed;

    /// <summary>
    /// Null when the kit starts, in this sandbox, with the handout's own skeleton compiled in; else why not. Asked only
    /// when a test process dies before saying anything, and once per grader: it tells a submission that kills the
    /// process at load from a kit or machine that cannot run tests at all.
    /// </summary>
    private string? KitFault(string workDirectory)
    {
        // Concurrent gradings (grade --jobs) probe once between them.
        lock (_probeLock)
        {
            return ProbeKit(workDirectory);
        }
    }

    private readonly object _probeLock = new();

    private string? ProbeKit(string workDirectory)
    {
        if (_kitProbed)
        {
            return _kitFault;
        }
        string probe = Path.Combine(workDirectory, "kit-probe");
        try
        {
            kit.CopyWithoutTests(probe);
            var (emitted, dll, pdb) = StudentCompiler.EmitInMemory(_prepared.Compilation);
            _kitFault = !emitted.Success ? "the handout's skeleton does not compile: " + string.Join("; ", emitted.Diagnostics.Take(5))
                : null;
            if (_kitFault is null)
            {
                StudentCompiler.WriteAssembly(probe, dll, pdb);
                new TestSupervisor(probe, kit.TestAssemblies(), limits, _sandbox, new Dictionary<string, string> { ["MNIST_DIR"] = mnistDirectory }, [mnistDirectory]).List();
            }
        }
        catch (InvalidOperationException e)
        {
            _kitFault = e.Message;
        }
        finally
        {
            _kitProbed = true;
            if (Directory.Exists(probe))
            {
                Directory.Delete(probe, recursive: true);
            }
        }
        return _kitFault;
    }

    /// <summary>One line for all ignored entries: their count and the first few names.</summary>
    internal static IEnumerable<string> IgnoredNote(IReadOnlyList<string> ignored)
    {
        if (ignored.Count == 0)
        {
            yield break;
        }
        const int shown = 5;
        string names = string.Join(", ", ignored.Take(shown).Select(i => $"'{i}'"));
        yield return ignored.Count == 1
            ? $"Ignored {names}: not one of the graded files."
            : $"Ignored {ignored.Count} files that are not graded files: {names}{(ignored.Count > shown ? $" and {ignored.Count - shown} more" : "")}.";
    }

    /// <summary>
    /// A file that makes the compiler work for longer than <see cref="GradingLimits.CompileSeconds"/> (deliberately
    /// pathological generics or overloads) is replaced, so that it costs its own tests and never the bulk run. The
    /// timing happens in a child process (<see cref="CompileTimeGuard"/>); only what binds in time is compiled here.
    /// </summary>
    private CSharpCompilation ReplaceFilesThatTakeTooLongToCompile(Dictionary<string, string> sources, Dictionary<string, string> replaced,
        out IReadOnlyDictionary<string, SyntaxTree> trees)
    {
        if (!_prepared.Guard.BindsInTime(sources, limits.CompileSeconds))
        {
            foreach (string file in _todoFiles.Where(f => !replaced.ContainsKey(f)))
            {
                var alone = _todoFiles.ToDictionary(f => f, f => f == file ? sources[f] : _handout[f]);
                if (!_prepared.Guard.BindsInTime(alone, limits.CompileSeconds))
                {
                    sources[file] = _handout[file];
                    replaced[file] = $"student/{file} was not graded: compiling it took longer than {limits.CompileSeconds:0} s, so the handout's version was graded in its place.";
                }
            }
        }
        var current = sources;
        trees = _todoFiles.ToDictionary(f => f, f => _compiler.Parse(f, current[f]));
        return _compiler.Compile(trees.Values);
    }

    private void ReplaceFilesThatFailChecks(Dictionary<string, string> sources, Dictionary<string, string> replaced,
        Dictionary<string, IReadOnlyList<Finding>> neutralized, IReadOnlyDictionary<string, SyntaxTree> trees, CSharpCompilation compilation)
    {
        var handoutSurface = _prepared.Surface;
        var submitted = trees.Values.ToList();
        foreach (string file in _todoFiles.Where(f => !replaced.ContainsKey(f)))
        {
            var model = compilation.GetSemanticModel(trees[file]);
            var surface = PublicSurfaceChecker.Check(handoutSurface.Files[file], model);
            var refused = SubmissionRulesChecker.Check(model, submitted, handoutSurface.Bases);
            if (surface.Count == 0 && refused.Count > 0 && MethodNeutralizer.Neutralize(trees[file], refused) is { } isolated)
            {
                // Only the methods with refused code are taken out; the rest of the file is graded.
                sources[file] = isolated;
                neutralized[file] = refused;
                continue;
            }
            var findings = surface.Concat(refused).ToList();
            if (findings.Count > 0)
            {
                sources[file] = _handout[file];
                replaced[file] = $"student/{file} was not graded, because:\n" + string.Join("\n", findings.Take(20).Select(f => "  " + f));
            }
        }
    }

    /// <summary>
    /// Compiles the accepted files into the assembly (and its PDB) that the tests run against, replacing each file that
    /// does not compile by the handout's version. Emitting reports the same errors that a separate diagnostics pass
    /// would, so the usual case binds the submission once instead of twice.
    /// </summary>
    /// <param name="sources">The files to compile (path under student/ → text); a file that does not compile is replaced here.</param>
    /// <param name="replaced">Why each replaced file was replaced; added to here.</param>
    /// <param name="compiled">A compilation of exactly <paramref name="sources"/>, with its trees, to emit first; null to compile them.</param>
    private (byte[] Dll, byte[] Pdb) CompileReplacingFilesThatDoNotCompile(Dictionary<string, string> sources, Dictionary<string, string> replaced,
        (CSharpCompilation Compilation, IReadOnlyDictionary<string, SyntaxTree> Trees)? compiled)
    {
        while (true)
        {
            var trees = compiled?.Trees ?? _todoFiles.ToDictionary(f => f, f => _compiler.Parse(f, sources[f]));
            var (result, dll, pdb) = StudentCompiler.EmitInMemory(compiled?.Compilation ?? _compiler.Compile(trees.Values));
            compiled = null;
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (result.Success)
            {
                return (dll, pdb);
            }
            var broken = _todoFiles.Where(f => !replaced.ContainsKey(f) && errors.Any(e => e.Location.SourceTree == trees[f])).ToList();
            if (broken.Count == 0)
            {
                // Errors only in provided code: some submitted file changed something it relies on. Replace one at a time.
                broken = _todoFiles.Where(f => !replaced.ContainsKey(f)).Take(1).ToList();
                if (broken.Count == 0)
                {
                    throw new InvalidOperationException("The handout's own files do not compile: " + string.Join("; ", errors.Take(5)));
                }
            }
            foreach (string file in broken)
            {
                var messages = errors.Select(e => (e, span: e.Location.GetLineSpan()))
                    .Select(x => $"  {x.span.Path}:{x.span.StartLinePosition.Line + 1}: {x.e.Id}: {x.e.GetMessage()}")
                    .Take(20);
                sources[file] = _handout[file];
                replaced[file] = $"student/{file} does not compile, so the handout's version was graded in its place. Compiler errors:\n" + string.Join("\n", messages);
            }
        }
    }

    /// <summary>A test that failed because a replaced file was not implemented gets the reason the file was replaced.</summary>
    private static TestOutcome Explain(TestOutcome outcome, Dictionary<string, string> replaced)
    {
        if (outcome.Passed)
        {
            return outcome;
        }
        foreach (var (file, reason) in replaced)
        {
            if (outcome.Message.Contains($"in student/{file} is not implemented yet", StringComparison.Ordinal))
            {
                return outcome with { Message = reason };
            }
        }
        // A neutralised method's reason, without the public suite's "implement it" advice that follows it.
        int marker = outcome.Message.IndexOf(MethodNeutralizer.Marker, StringComparison.Ordinal);
        if (marker >= 0)
        {
            string reason = outcome.Message[marker..];
            int advice = reason.IndexOf(" Implement it, then", StringComparison.Ordinal);
            return outcome with { Message = advice > 0 ? reason[..advice] : reason };
        }
        return outcome;
    }
}

/// <summary>
/// What every grading with one repository and kit shares, prepared once per process: the compiler (provided files
/// parsed, references loaded), the handout's TODO files generated in memory from <c>grader/solution/</c>, and their
/// compilation. Compilations are immutable, so gradings on several threads share them safely.
/// </summary>
internal sealed class Handout
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), Lazy<Handout>> Prepared = new();

    private Handout(RepositoryLayout layout, TestKit kit)
    {
        Files = layout.TodoFiles.ToDictionary(f => f,
            f => SkeletonGenerator.Generate(File.ReadAllText(Path.Combine(layout.SolutionDirectory, f)), f));
        // The compile check's child warms up (seconds of compiler start-up) while this process prepares its own compiler.
        Guard = new CompileTimeGuard(layout.StudentDirectory, layout.TodoFiles, kit.Directory, Files);
        Guard.StartWarmingUp();
        Compiler = new StudentCompiler(layout.StudentDirectory, layout.TodoFiles, kit.Directory);
        Trees = Files.ToDictionary(f => f.Key, f => Compiler.Parse(f.Key, f.Value));
        Compilation = Compiler.Compile(Trees.Values);
        Surface = HandoutSurface.Describe(Compilation, Trees);
    }

    /// <summary>Times the compiler on submitted files, in a child process.</summary>
    public CompileTimeGuard Guard { get; }

    /// <summary>The compiler, with the kit's recorded build options.</summary>
    public StudentCompiler Compiler { get; }

    /// <summary>The handout's TODO files (path under student/ → text).</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>Their syntax trees.</summary>
    public IReadOnlyDictionary<string, SyntaxTree> Trees { get; }

    /// <summary>The handout's compilation.</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary>The types and public members the handout's files declare, with their bases.</summary>
    public HandoutSurface Surface { get; }

    /// <summary>The prepared handout of <paramref name="layout"/> with <paramref name="kit"/>.</summary>
    public static Handout For(RepositoryLayout layout, TestKit kit) =>
        Prepared.GetOrAdd((Path.GetFullPath(layout.Root), Path.GetFullPath(kit.Directory)), _ => new Lazy<Handout>(() => new Handout(layout, kit))).Value;
}
