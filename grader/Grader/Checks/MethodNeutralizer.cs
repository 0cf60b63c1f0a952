using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assignment1.Grader.Checks;

/// <summary>
/// Takes the methods that hold forbidden code out of a submitted file: each such method's body becomes a
/// <c>throw new NotImplementedException(reason)</c>, so the method costs only its own tests and the rest of
/// the file is graded. Findings outside any method body cannot be isolated that way.
/// </summary>
public static class MethodNeutralizer
{
    /// <summary>The prefix of every message the grader puts into a neutralised method; tests' failure messages carry it.</summary>
    public const string Marker = "[not graded]";

    /// <summary>
    /// Rewrites <paramref name="tree"/>; returns null when some finding is not inside a method, constructor or
    /// accessor body (the caller then replaces the whole file).
    /// </summary>
    public static string? Neutralize(SyntaxTree tree, IReadOnlyList<Finding> findings)
    {
        var root = tree.GetRoot();
        var methods = new Dictionary<BaseMethodDeclarationSyntax, List<Finding>>();
        foreach (var finding in findings)
        {
            var method = finding.Position < 0 ? null
                : root.FindToken(finding.Position).Parent?.AncestorsAndSelf().OfType<BaseMethodDeclarationSyntax>().FirstOrDefault();
            if (method is null || (method.Body is null && method.ExpressionBody is null))
            {
                return null;
            }
            if (!methods.TryGetValue(method, out var list))
            {
                methods[method] = list = [];
            }
            list.Add(finding);
        }

        var rewritten = root.ReplaceNodes(methods.Keys, (original, _) =>
        {
            string reason = $"{Marker} {Name(original)} in {tree.FilePath} was not run, because it " +
                            string.Join("; ", methods[original].Select(f => $"{f.Message.TrimEnd('.')} (line {f.Line})")) + ".";
            var body = SyntaxFactory.Block(SyntaxFactory.ParseStatement(
                $"throw new System.NotImplementedException({SymbolDisplay.FormatLiteral(reason, quote: true)});"));
            return original.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body);
        });
        return rewritten.ToFullString();
    }

    private static string Name(BaseMethodDeclarationSyntax method)
    {
        string type = method.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text ?? "";
        return method switch
        {
            MethodDeclarationSyntax m => $"{type}.{m.Identifier.Text}",
            ConstructorDeclarationSyntax => $"{type} constructor",
            _ => $"{type}.{method.Kind()}",
        };
    }
}
