using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Assignment1.Grader.Build;

/// <summary>
/// Compiles the student assembly (<c>Assignment1.dll</c>) with Roslyn, in the grader's process: the provided
/// files of the grader's own pristine <c>student/</c> plus the five TODO files given. No project file, props,
/// targets or analyzer of a submission is ever used, and compiling runs none of its code.
/// </summary>
public sealed class StudentCompiler
{
    private static readonly string[] ExcludedFolders = ["bin", "obj", "bin.reference", "obj.reference"];

    // What the SDK adds to every project: implicit usings and the student project's InternalsVisibleTo.
    private const string GeneratedSource = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        [assembly: System.Reflection.AssemblyVersion("1.0.0.0")]
        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Assignment1.Tests")]
        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Assignment1.Grader.Tests")]
        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Assignment1.PrivateTests")]
        """;

    private readonly IReadOnlyList<SyntaxTree> _providedTrees;
    private readonly IReadOnlyList<MetadataReference> _references;
    private readonly CSharpParseOptions _parseOptions = new(LanguageVersion.Latest);

    /// <summary>Prepares to compile against the provided code in <paramref name="studentDirectory"/>.</summary>
    /// <param name="studentDirectory">The grader's pristine student/ folder.</param>
    /// <param name="todoFiles">The TODO files, relative to student/ (they come from the submission).</param>
    /// <param name="libraryPaths">The packages the student project uses (MathNet.Numerics.dll, YamlDotNet.dll).</param>
    public StudentCompiler(string studentDirectory, IReadOnlyCollection<string> todoFiles, IEnumerable<string> libraryPaths)
    {
        _providedTrees = Directory.EnumerateFiles(studentDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(path => (path, relative: Path.GetRelativePath(studentDirectory, path).Replace('\\', '/')))
            .Where(f => !todoFiles.Contains(f.relative) && f.relative != "Program.cs"
                        && !ExcludedFolders.Contains(f.relative.Split('/')[0]))
            .Select(f => ParseText(File.ReadAllText(f.path), "student/" + f.relative))
            .Append(ParseText(GeneratedSource, "generated/GlobalUsings.cs"))
            .ToList();
        _references = FrameworkReferences().Concat(libraryPaths).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    /// <summary>Parses a TODO file's text as the compilation will see it.</summary>
    /// <param name="relativePath">Path under student/, e.g. <c>Models/TwoLayerNet.cs</c>.</param>
    /// <param name="source">The file's text.</param>
    public SyntaxTree Parse(string relativePath, string source) => ParseText(source, "student/" + relativePath);

    // An encoding is what lets the PDB carry the source checksums stack traces need for file:line.
    private SyntaxTree ParseText(string source, string path) =>
        CSharpSyntaxTree.ParseText(SourceText.From(source, System.Text.Encoding.UTF8), _parseOptions, path);

    /// <summary>A compilation of the provided files plus <paramref name="todoTrees"/>.</summary>
    public CSharpCompilation Compile(IEnumerable<SyntaxTree> todoTrees) =>
        CSharpCompilation.Create(
            "Assignment1",
            _providedTrees.Concat(todoTrees),
            _references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release,
                allowUnsafe: false,
                deterministic: true));

    /// <summary>Writes the assembly and its PDB (for file:line in stack traces).</summary>
    public static EmitResult Emit(CSharpCompilation compilation, string dllPath)
    {
        using var dll = File.Create(dllPath);
        using var pdb = File.Create(Path.ChangeExtension(dllPath, ".pdb"));
        return compilation.Emit(dll, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
    }

    private static IEnumerable<string> FrameworkReferences()
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == runtime);
    }
}
