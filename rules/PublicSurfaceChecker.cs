using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assignment1.Rules;

/// <summary>
/// Checks that a submitted file still declares everything the handout's version declares, with the same shape:
/// every public type, and every public or protected member with the same signature. Tests and provided code call
/// these; a renamed parameter type or a removed overload would break them. Grading replaces such a file whole.
/// </summary>
public static class PublicSurfaceChecker
{
    /// <summary>The category of this checker's findings.</summary>
    public const string Category = "public surface";

    private static readonly SymbolDisplayFormat SignatureFormat = SymbolDisplayFormat.CSharpErrorMessageFormat
        .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeDefaultValue)
        .WithMemberOptions(SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeModifiers);

    /// <summary>Differences between the handout's declarations of a file and the submitted file.</summary>
    /// <param name="expected">The types the handout's version of the file declares.</param>
    /// <param name="submitted">The semantic model of the submitted file.</param>
    public static IReadOnlyList<Finding> Check(IReadOnlyList<HandoutSurface.DeclaredType> expected, SemanticModel submitted)
    {
        var tree = submitted.SyntaxTree;
        var findings = new List<Finding>();
        var submittedTypes = DeclaredTypes(submitted, publicOnly: true).ToDictionary(SubmissionRulesChecker.TypeName);
        foreach (var expectedType in expected.Where(t => t.IsPublic))
        {
            if (!submittedTypes.TryGetValue(expectedType.Name, out var actualType))
            {
                findings.Add(new Finding(tree.FilePath, 1, $"type {expectedType.Name} is missing: keep every class of the handout, with its name and namespace.", 0, Category));
                continue;
            }
            var actual = Surface(actualType).ToList();
            var actualSignatures = new HashSet<string>(actual.Select(Signature));
            foreach (string signature in expectedType.Members.Where(s => !actualSignatures.Contains(s)))
            {
                string name = MemberName(signature);
                var sameName = actual.FirstOrDefault(m => (m is IMethodSymbol { MethodKind: MethodKind.Constructor } ? m.ContainingType.Name : m.Name) == name);
                var location = (sameName ?? actualType).Locations.FirstOrDefault(l => l.SourceTree == tree) ?? Location.Create(tree, default);
                findings.Add(new Finding(tree.FilePath, location.GetLineSpan().StartLinePosition.Line + 1, sameName is null
                        ? $"{signature} is missing: keep every public member of the handout."
                        : $"{signature} was changed to {Signature(sameName)}: keep the handout's signature (name, parameters, return type).",
                    location.SourceSpan.Start, Category, location.SourceSpan.Length));
            }
        }
        return findings;
    }

    /// <summary>A member's signature: modifiers, return type, containing type, name and parameters with their defaults.</summary>
    public static string Signature(ISymbol member) => member.ToDisplayString(SignatureFormat);

    /// <summary>The types a file declares (a partial type once), optionally only the public ones.</summary>
    public static IEnumerable<INamedTypeSymbol> DeclaredTypes(SemanticModel model, bool publicOnly) =>
        // Type declarations only: other nodes declare symbols too (a tuple literal declares its tuple type), and
        // a partial class may be declared twice in one file.
        model.SyntaxTree.GetRoot().DescendantNodes()
            .Where(node => node is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
            .Select(node => model.GetDeclaredSymbol(node))
            .OfType<INamedTypeSymbol>()
            .Where(t => !publicOnly || t.DeclaredAccessibility == Accessibility.Public)
            .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default);

    /// <summary>The members a submission must keep: public or protected, declared in source.</summary>
    public static IEnumerable<ISymbol> Surface(INamedTypeSymbol type) =>
        type.GetMembers().Where(m => !m.IsImplicitlyDeclared
            && m.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
            && m is not INamedTypeSymbol);

    /// <summary>The member's simple name in a signature ("Forward" in "public Matrix&lt;double&gt; TwoLayerNet.Forward(...)").</summary>
    private static string MemberName(string signature)
    {
        string head = signature.Split('(', '{')[0].TrimEnd();
        string last = head.Split(' ').Last();
        return last.Split('.').Last();
    }
}
