using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Assignment1.Grader.Build;

/// <summary>
/// Compiles the student assembly (<c>Assignment1.dll</c>) with Roslyn, in the grader's process: the provided
/// files of the grader's own <c>student/</c> plus the five TODO files given, with the options <c>dotnet build</c>
/// uses for <c>student/</c> (preprocessor symbols, language version, nullable context, implicit usings, generated
/// assembly attributes), which the kit's reference build recorded (see <see cref="CompileOptionsFolder"/>).
/// No project file, props, targets or analyzer of a submission is ever used, and compiling runs none of its code.
/// </summary>
public sealed class StudentCompiler
{
    /// <summary>The kit's folder holding the recorded build options (options.txt) and the SDK's generated sources.</summary>
    public const string CompileOptionsFolder = "Assignment1.compile-options";

    private static readonly string[] ExcludedFolders = ["bin", "obj", "bin.reference", "obj.reference"];

    private readonly IReadOnlyList<SyntaxTree> _providedTrees;
    private readonly IReadOnlyList<MetadataReference> _references;
    private readonly CSharpParseOptions _parseOptions;
    private readonly CSharpCompilationOptions _compilationOptions;

    /// <summary>Prepares to compile against the provided code in <paramref name="studentDirectory"/>.</summary>
    /// <param name="studentDirectory">The grader's student/ folder; only its provided (non-TODO) files are read.</param>
    /// <param name="todoFiles">The TODO files, relative to student/ (they come from the submission).</param>
    /// <param name="kitDirectory">The test kit: the packages the student project uses, and the recorded build options.</param>
    /// <exception cref="InvalidOperationException">The kit lacks the recorded build options (it was built by an older grader).</exception>
    public StudentCompiler(string studentDirectory, IReadOnlyCollection<string> todoFiles, string kitDirectory)
    {
        string optionsFolder = Path.Combine(kitDirectory, CompileOptionsFolder);
        string optionsFile = Path.Combine(optionsFolder, "options.txt");
        if (!File.Exists(optionsFile))
        {
            throw new InvalidOperationException($"The test kit in '{kitDirectory}' has no {CompileOptionsFolder}/options.txt: rebuild it (./grader/grader build).");
        }
        var options = File.ReadAllLines(optionsFile).Where(l => l.Contains('='))
            .ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
        string langVersion = options.GetValueOrDefault("LangVersion") is { Length: > 0 } v ? v : "default";
        if (!LanguageVersionFacts.TryParse(langVersion, out var version))
        {
            throw new InvalidOperationException($"The test kit records LangVersion '{langVersion}', which this grader's compiler does not know.");
        }
        _parseOptions = new CSharpParseOptions(version,
            preprocessorSymbols: options.GetValueOrDefault("DefineConstants", "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        _compilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: options.GetValueOrDefault("Nullable") is "enable" ? NullableContextOptions.Enable
                : options.GetValueOrDefault("Nullable") is "warnings" ? NullableContextOptions.Warnings
                : options.GetValueOrDefault("Nullable") is "annotations" ? NullableContextOptions.Annotations : NullableContextOptions.Disable,
            optimizationLevel: options.GetValueOrDefault("Optimize") is "true" ? OptimizationLevel.Release : OptimizationLevel.Debug,
            checkOverflow: options.GetValueOrDefault("CheckForOverflowUnderflow") is "true",
            allowUnsafe: false,
            deterministic: true);

        _providedTrees = Directory.EnumerateFiles(studentDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(path => (path, relative: Path.GetRelativePath(studentDirectory, path).Replace('\\', '/')))
            .Where(f => !todoFiles.Contains(f.relative) && f.relative != "Program.cs"
                        && !ExcludedFolders.Contains(f.relative.Split('/')[0]))
            .Select(f => ParseText(File.ReadAllText(f.path), "student/" + f.relative))
            .Concat(Directory.EnumerateFiles(optionsFolder, "*.cs").Order(StringComparer.Ordinal)
                .Select(path => ParseText(File.ReadAllText(path), "generated/" + Path.GetFileName(path))))
            .ToList();
        _references = FrameworkReferences()
            .Concat(new[] { "MathNet.Numerics.dll", "YamlDotNet.dll", "Assignment1.Numerics.dll", "ScottPlot.dll", "SkiaSharp.dll", "Spectre.Console.dll", "System.CommandLine.dll" }.Select(dll => Path.Combine(kitDirectory, dll)))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    /// <summary>The preprocessor symbols a file is compiled with (those of <c>dotnet build</c>).</summary>
    public IEnumerable<string> PreprocessorSymbols => _parseOptions.PreprocessorSymbolNames;

    /// <summary>Parses a TODO file's text as the compilation will see it.</summary>
    /// <param name="relativePath">Path under student/, e.g. <c>Models/TwoLayerNet.cs</c>.</param>
    /// <param name="source">The file's text.</param>
    public SyntaxTree Parse(string relativePath, string source) => ParseText(source, "student/" + relativePath);

    // An encoding is what lets the PDB carry the source checksums stack traces need for file:line.
    private SyntaxTree ParseText(string source, string path) =>
        CSharpSyntaxTree.ParseText(SourceText.From(source, System.Text.Encoding.UTF8), _parseOptions, path);

    /// <summary>A compilation of the provided files plus <paramref name="todoTrees"/>.</summary>
    public CSharpCompilation Compile(IEnumerable<SyntaxTree> todoTrees) =>
        CSharpCompilation.Create("Assignment1", _providedTrees.Concat(todoTrees), _references, _compilationOptions);

    /// <summary>The assembly and its PDB in memory, and the compiler's diagnostics; the bytes are empty when the compilation has errors.</summary>
    public static (EmitResult Result, byte[] Dll, byte[] Pdb) EmitInMemory(CSharpCompilation compilation)
    {
        using var dll = new MemoryStream();
        using var pdb = new MemoryStream();
        var result = compilation.Emit(dll, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        return result.Success ? (result, dll.ToArray(), pdb.ToArray()) : (result, [], []);
    }

    /// <summary>Writes an assembly from <see cref="EmitInMemory"/> into <paramref name="folder"/> as Assignment1.dll, with its PDB (for file:line in stack traces).</summary>
    public static void WriteAssembly(string folder, byte[] dll, byte[] pdb)
    {
        File.WriteAllBytes(Path.Combine(folder, "Assignment1.dll"), dll);
        File.WriteAllBytes(Path.Combine(folder, "Assignment1.pdb"), pdb);
    }

    private static IEnumerable<string> FrameworkReferences()
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == runtime);
    }
}
