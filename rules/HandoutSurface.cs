using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assignment1.Rules;

/// <summary>
/// What the handout's TODO files declare, file by file: each type with the bases it lists, and each public or
/// protected member's signature. Tests and provided code rely on all of it, so a submission must keep it. The
/// grader computes it from the skeleton it generates; the analyzer reads the same facts from
/// <c>rules/handout-surface.txt</c>, which <c>./grader/grader generate-skeleton</c> writes and CI checks.
/// </summary>
public sealed class HandoutSurface
{
    /// <summary>One declared type.</summary>
    /// <param name="Name">Full name without type parameters, e.g. <c>Assignment1.Models.TwoLayerNet</c>.</param>
    /// <param name="IsPublic">Whether the type is public; only public types must be kept.</param>
    /// <param name="Bases">Full names of the bases it lists; a submission may keep them.</param>
    /// <param name="Members">Signatures of its public and protected members, as <see cref="PublicSurfaceChecker.Signature"/> shows them.</param>
    public sealed record DeclaredType(string Name, bool IsPublic, IReadOnlyList<string> Bases, IReadOnlyList<string> Members);

    private const string Header =
        "# The public surface of the handout's TODO files, generated with the skeleton by the course staff's grader\n" +
        "# (`./grader/grader generate-skeleton`); do not edit. The analyzer in rules/ warns when a submitted file no longer declares all of this.\n";

    private HandoutSurface(IReadOnlyDictionary<string, IReadOnlyList<DeclaredType>> files)
    {
        Files = files;
        Bases = files.Values.SelectMany(types => types).ToDictionary(t => t.Name, t => (IReadOnlyCollection<string>)t.Bases);
    }

    /// <summary>For each TODO file (path under student/, '/' separators), the types it declares.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DeclaredType>> Files { get; }

    /// <summary>For each type of the handout's files (full name), the bases it lists.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Bases { get; }

    /// <summary>The surface shipped in this assembly (rules/handout-surface.txt).</summary>
    public static HandoutSurface Default { get; } = Parse(Embedded.Text("handout-surface.txt"));

    /// <summary>Describes the handout's files.</summary>
    /// <param name="compilation">A compilation holding the handout's files.</param>
    /// <param name="files">Each TODO file (path under student/) with its tree in <paramref name="compilation"/>.</param>
    public static HandoutSurface Describe(Compilation compilation, IReadOnlyDictionary<string, SyntaxTree> files) =>
        new(files.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key,
            f => (IReadOnlyList<DeclaredType>)Declare(compilation.GetSemanticModel(f.Value)).ToList()));

    private static IEnumerable<DeclaredType> Declare(SemanticModel model)
    {
        foreach (var type in PublicSurfaceChecker.DeclaredTypes(model, publicOnly: false))
        {
            var bases = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<BaseTypeDeclarationSyntax>()
                .Where(d => d.SyntaxTree == model.SyntaxTree)
                .SelectMany(d => d.BaseList?.Types ?? [])
                .Select(t => model.GetTypeInfo(t.Type).Type as INamedTypeSymbol).OfType<INamedTypeSymbol>()
                .Select(SubmissionRulesChecker.TypeName).Distinct().ToList();
            bool isPublic = type.DeclaredAccessibility == Accessibility.Public;
            var members = isPublic ? PublicSurfaceChecker.Surface(type).Select(PublicSurfaceChecker.Signature).ToList() : [];
            yield return new DeclaredType(SubmissionRulesChecker.TypeName(type), isPublic, bases, members);
        }
    }

    /// <summary>The text of rules/handout-surface.txt.</summary>
    public string ToText()
    {
        var text = new StringBuilder(Header);
        foreach (var file in Files)
        {
            text.Append("file ").Append(file.Key).Append('\n');
            foreach (var type in file.Value)
            {
                text.Append(type.IsPublic ? "type " : "nonpublic-type ").Append(type.Name);
                if (type.Bases.Count > 0)
                {
                    text.Append(" : ").Append(string.Join(", ", type.Bases));
                }
                text.Append('\n');
                foreach (string member in type.Members)
                {
                    text.Append("    ").Append(member).Append('\n');
                }
            }
        }
        return text.ToString();
    }

    /// <summary>Reads the text <see cref="ToText"/> writes.</summary>
    /// <exception cref="InvalidDataException">A line is not in that form (the message names it).</exception>
    public static HandoutSurface Parse(string text)
    {
        var files = new Dictionary<string, IReadOnlyList<DeclaredType>>();
        List<DeclaredType>? types = null;
        DeclaredType? type = null;
        int number = 0;
        foreach (string raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            number++;
            if (raw.Length == 0 || raw.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }
            if (raw.StartsWith("file ", StringComparison.Ordinal))
            {
                files[raw.Substring(5)] = types = [];
                type = null;
            }
            else if (types is not null && (raw.StartsWith("type ", StringComparison.Ordinal) || raw.StartsWith("nonpublic-type ", StringComparison.Ordinal)))
            {
                bool isPublic = raw.StartsWith("type ", StringComparison.Ordinal);
                string[] parts = raw.Substring(raw.IndexOf(' ') + 1).Split([" : "], 2, StringSplitOptions.None);
                var bases = parts.Length > 1 ? parts[1].Split([", "], StringSplitOptions.RemoveEmptyEntries).ToList() : [];
                type = new DeclaredType(parts[0], isPublic, bases, new List<string>());
                types.Add(type);
            }
            else if (type is not null && raw.StartsWith("    ", StringComparison.Ordinal))
            {
                ((List<string>)type.Members).Add(raw.Substring(4));
            }
            else
            {
                throw new InvalidDataException($"rules/handout-surface.txt, line {number}: '{raw}' is not a file, type or member line; regenerate it with ./grader/grader generate-skeleton.");
            }
        }
        return new HandoutSurface(files);
    }
}
