using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assignment1.Grader.Checks;

/// <summary>
/// Finds uses of <see cref="ForbiddenApiRules"/> in a submitted file by resolving every name to its symbol
/// with the compilation's semantic model, plus the constructs no rule can name: <c>unsafe</c>, <c>extern</c>,
/// pointers, function pointers and <c>[DllImport]</c>-style attributes.
/// </summary>
public static class ForbiddenApiChecker
{
    private static readonly SymbolDisplayFormat FullName = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);

    /// <summary>Every forbidden use in <paramref name="tree"/>, one finding per line and symbol.</summary>
    public static IReadOnlyList<Finding> Check(Compilation compilation, SyntaxTree tree)
    {
        var model = compilation.GetSemanticModel(tree);
        var findings = new List<Finding>();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (Construct(node) is { } construct)
            {
                findings.Add(At(tree, node, $"'{construct}' is not allowed in a submission."));
                continue;
            }
            if (node is not (SimpleNameSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or AttributeSyntax)
                || node.Ancestors().Any(a => a is UsingDirectiveSyntax))
            {
                // A using directive runs nothing; what it names is checked where it is used.
                continue;
            }
            var symbol = model.GetSymbolInfo(node).Symbol ?? model.GetSymbolInfo(node).CandidateSymbols.FirstOrDefault();
            if (symbol is not null && Violation(symbol) is { } rule)
            {
                findings.Add(At(tree, node, $"uses {Describe(symbol)}: {rule.Reason} is not allowed in a submission."));
            }
        }
        return findings.DistinctBy(f => (f.Line, f.Message)).ToList();
    }

    /// <summary>The rule <paramref name="symbol"/> breaks, if any.</summary>
    internal static ForbiddenApiRules.Rule? Violation(ISymbol symbol)
    {
        var candidates = Names(symbol).ToList();
        if (candidates.Any(name => ForbiddenApiRules.Allowed.Any(allowed => Covers(allowed, name))))
        {
            return null;
        }
        return ForbiddenApiRules.Forbidden.FirstOrDefault(rule => candidates.Any(name => Covers(rule.Pattern, name)));
    }

    private static IEnumerable<string> Names(ISymbol symbol)
    {
        switch (symbol)
        {
            case INamespaceSymbol ns:
                yield return ns.ToDisplayString(FullName);
                break;
            case ITypeSymbol type:
                yield return type.OriginalDefinition.ToDisplayString(FullName);
                break;
            default:
                // A member: both "Type.Member" and, through the type, its namespace.
                if (symbol.ContainingType is { } containing)
                {
                    string typeName = containing.OriginalDefinition.ToDisplayString(FullName);
                    yield return typeName + "." + (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ? "ctor" : symbol.Name);
                    yield return typeName;
                }
                break;
        }
    }

    private static bool Covers(string pattern, string name) =>
        name == pattern || name.StartsWith(pattern + ".", StringComparison.Ordinal);

    private static string? Construct(SyntaxNode node) => node switch
    {
        UnsafeStatementSyntax => "unsafe",
        PointerTypeSyntax => "pointer types",
        FunctionPointerTypeSyntax => "function pointers",
        FixedStatementSyntax => "fixed",
        MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.UnsafeKeyword) => "unsafe",
        MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.ExternKeyword) => "extern",
        LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.ExternKeyword) || local.Modifiers.Any(SyntaxKind.UnsafeKeyword) => "extern/unsafe",
        _ => null,
    };

    private static string Describe(ISymbol symbol) => symbol switch
    {
        INamespaceSymbol ns => ns.ToDisplayString(),
        ITypeSymbol type => type.ToDisplayString(),
        _ => $"{symbol.ContainingType?.ToDisplayString()}.{symbol.Name}",
    };

    private static Finding At(SyntaxTree tree, SyntaxNode node, string message) =>
        new(tree.FilePath, node.GetLocation().GetLineSpan().StartLinePosition.Line + 1, message, node.SpanStart);
}
