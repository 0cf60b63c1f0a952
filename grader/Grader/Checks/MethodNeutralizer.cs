using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Assignment1.Rules;

namespace Assignment1.Grader.Checks;

/// <summary>
/// Takes refused code out of a submitted file, as little of it as possible:
/// <list type="bullet">
/// <item>a method, constructor, operator or accessor holding refused code keeps its signature, loses its attributes
/// (a <c>[ModuleInitializer]</c> must not run even an empty body), and its body becomes a
/// <c>throw new NotImplementedException(reason)</c>, so it costs only the tests that call it;</item>
/// <item>a finalizer is removed (a throwing finalizer would crash the process at a time no test can be charged for);</item>
/// <item>a type that adds a part to a type declared elsewhere, or derives from a type it may not, is removed.</item>
/// </list>
/// Findings anywhere else (a field initializer, an attribute on the assembly) cannot be isolated: the caller then
/// replaces the whole file.
/// </summary>
public static class MethodNeutralizer
{
    /// <summary>The prefix of every message the grader puts into a neutralised method; tests' failure messages carry it.</summary>
    public const string Marker = "[not graded]";

    /// <summary>
    /// Rewrites <paramref name="tree"/>; returns null when some finding lies outside anything that can be taken
    /// out on its own (the caller then replaces the whole file).
    /// </summary>
    public static string? Neutralize(SyntaxTree tree, IReadOnlyList<Finding> findings)
    {
        var root = tree.GetRoot();
        var units = new Dictionary<SyntaxNode, List<Finding>>();
        foreach (var finding in findings)
        {
            var unit = GradedUnit.Of(tree, finding);
            if (unit is null)
            {
                return null;
            }
            if (!units.TryGetValue(unit, out var list))
            {
                units[unit] = list = [];
            }
            list.Add(finding);
        }
        // A unit inside another one goes with it.
        var outermost = units.Keys.Where(u => !units.Keys.Any(o => o != u && o.Span.Contains(u.Span))).ToList();
        var removed = outermost.Where(u => u is DestructorDeclarationSyntax or BaseTypeDeclarationSyntax).ToList();
        var rewritten = root.TrackNodes(outermost);
        foreach (var unit in outermost.Except(removed))
        {
            var current = rewritten.GetCurrentNode(unit)!;
            rewritten = rewritten.ReplaceNode(current, Replacement(current, Reason(unit, units, tree)));
        }
        rewritten = rewritten.RemoveNodes(removed.Select(r => rewritten.GetCurrentNode(r)!), SyntaxRemoveOptions.KeepExteriorTrivia)!;
        return rewritten.ToFullString();
    }

    private static SyntaxNode Replacement(SyntaxNode original, string reason)
    {
        var body = SyntaxFactory.Block(SyntaxFactory.ParseStatement(
            $"throw new System.NotImplementedException({SymbolDisplay.FormatLiteral(reason, quote: true)});"));
        return original switch
        {
            BaseMethodDeclarationSyntax method => method.WithAttributeLists(default).WithExpressionBody(null).WithSemicolonToken(default).WithBody(body)
                .WithLeadingTrivia(method.GetLeadingTrivia()),
            AccessorDeclarationSyntax accessor => accessor.WithAttributeLists(default).WithExpressionBody(null).WithSemicolonToken(default).WithBody(body),
            PropertyDeclarationSyntax property => property.WithAttributeLists(default).WithExpressionBody(null).WithSemicolonToken(default)
                .WithAccessorList(SyntaxFactory.AccessorList(SyntaxFactory.SingletonList(SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, body)))),
            IndexerDeclarationSyntax indexer => indexer.WithAttributeLists(default).WithExpressionBody(null).WithSemicolonToken(default)
                .WithAccessorList(SyntaxFactory.AccessorList(SyntaxFactory.SingletonList(SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, body)))),
            _ => original,
        };
    }

    private static string Reason(SyntaxNode unit, Dictionary<SyntaxNode, List<Finding>> units, SyntaxTree tree)
    {
        var inside = units.Where(u => unit.Span.Contains(u.Key.Span)).SelectMany(u => u.Value);
        return $"{Marker} {GradedUnit.Name(unit)} in {tree.FilePath} was not run, because it " +
               string.Join("; ", inside.Select(f => $"{f.Message.TrimEnd('.')} (line {f.Line})")) + ".";
    }
}
