using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assignment1.Grader.Checks;

/// <summary>
/// Checks that a submitted file still declares everything the skeleton's version declares, with the same
/// shape: every type, and every public or protected member with the same signature. Tests and provided
/// code call these; a renamed parameter type or a removed overload would break them.
/// </summary>
public static class PublicSurfaceChecker
{
    private static readonly SymbolDisplayFormat Signature = SymbolDisplayFormat.CSharpErrorMessageFormat
        .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeDefaultValue)
        .WithMemberOptions(SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeModifiers);

    /// <summary>Differences between the skeleton's file and the submitted one.</summary>
    /// <param name="skeleton">A compilation holding the skeleton's version of the file.</param>
    /// <param name="skeletonTree">The skeleton's file.</param>
    /// <param name="submission">A compilation holding the submitted version.</param>
    /// <param name="submittedTree">The submitted file.</param>
    public static IReadOnlyList<Finding> Check(Compilation skeleton, SyntaxTree skeletonTree, Compilation submission, SyntaxTree submittedTree)
    {
        var findings = new List<Finding>();
        var submittedTypes = DeclaredTypes(submission, submittedTree).ToDictionary(t => t.ToDisplayString());
        foreach (var expectedType in DeclaredTypes(skeleton, skeletonTree))
        {
            string typeName = expectedType.ToDisplayString();
            if (!submittedTypes.TryGetValue(typeName, out var actualType))
            {
                findings.Add(new Finding(submittedTree.FilePath, 1, $"type {typeName} is missing: keep every class of the handout, with its name and namespace."));
                continue;
            }
            var actualSignatures = Surface(actualType).ToDictionary(m => m.ToDisplayString(Signature), m => m);
            foreach (var expected in Surface(expectedType))
            {
                string signature = expected.ToDisplayString(Signature);
                if (actualSignatures.ContainsKey(signature))
                {
                    continue;
                }
                var sameName = Surface(actualType).FirstOrDefault(m => m.Name == expected.Name);
                var location = (sameName ?? (ISymbol)actualType).Locations.FirstOrDefault(l => l.SourceTree == submittedTree);
                int line = location is null ? 1 : location.GetLineSpan().StartLinePosition.Line + 1;
                findings.Add(new Finding(submittedTree.FilePath, line, sameName is null
                    ? $"{signature} is missing: keep every public member of the handout."
                    : $"{signature} was changed to {sameName.ToDisplayString(Signature)}: keep the handout's signature (name, parameters, return type)."));
            }
        }
        return findings;
    }

    private static IEnumerable<INamedTypeSymbol> DeclaredTypes(Compilation compilation, SyntaxTree tree)
    {
        var model = compilation.GetSemanticModel(tree);
        // Type declarations only: other nodes declare symbols too (a tuple literal declares its tuple type), and
        // a partial class may be declared twice in one file.
        return tree.GetRoot().DescendantNodes()
            .Where(node => node is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
            .Select(node => model.GetDeclaredSymbol(node))
            .OfType<INamedTypeSymbol>()
            .Where(t => t.DeclaredAccessibility == Accessibility.Public)
            .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default);
    }

    private static IEnumerable<ISymbol> Surface(INamedTypeSymbol type) =>
        type.GetMembers().Where(m => !m.IsImplicitlyDeclared
            && m.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
            && m is not INamedTypeSymbol);
}
