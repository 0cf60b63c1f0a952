using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assignment1.Rules;

/// <summary>
/// What grading takes out for a finding, as little as possible: the method, constructor, operator, accessor or
/// finalizer that holds it; the whole type for a <see cref="SubmissionRulesChecker.ProvidedTypes"/> finding; or the
/// whole file, for a <see cref="PublicSurfaceChecker.Category"/> finding and for a finding outside all of these (a field
/// initializer, an attribute on a type).
/// </summary>
public static class GradedUnit
{
    /// <summary>The node taken out for a finding at <paramref name="node"/>; null when the whole file must go.</summary>
    public static SyntaxNode? Of(SyntaxNode? node, string category)
    {
        if (node is null || category == PublicSurfaceChecker.Category)
        {
            // A changed public surface cannot be taken out piecemeal: the provided code and tests rely on all of it.
            return null;
        }
        if (category == SubmissionRulesChecker.ProvidedTypes)
        {
            return node.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault();
        }
        var unit = node.AncestorsAndSelf().FirstOrDefault(n => n is DestructorDeclarationSyntax
            or BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null }
            or AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null }
            or PropertyDeclarationSyntax { ExpressionBody: not null } or IndexerDeclarationSyntax { ExpressionBody: not null }
            or BaseTypeDeclarationSyntax);
        // A type declaration reached first means the finding is in a field or an attribute of the type: not isolable.
        return unit is BaseTypeDeclarationSyntax ? null : unit;
    }

    /// <summary>The unit of <paramref name="finding"/> in <paramref name="tree"/>; null when the whole file must go.</summary>
    public static SyntaxNode? Of(SyntaxTree tree, Finding finding) =>
        finding.Position < 0 ? null : Of(tree.GetRoot().FindToken(finding.Position).Parent, finding.Category);

    /// <summary>How a student reads a unit: <c>BaseNetwork.ReLU</c>, <c>Sgd constructor</c>, <c>TwoLayerNet.Params get</c>.</summary>
    public static string Name(SyntaxNode unit)
    {
        string type = unit.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text ?? "";
        return unit switch
        {
            MethodDeclarationSyntax m => $"{type}.{m.Identifier.Text}",
            ConstructorDeclarationSyntax => $"{type} constructor",
            AccessorDeclarationSyntax a => $"{a.Ancestors().OfType<BasePropertyDeclarationSyntax>().FirstOrDefault() switch { PropertyDeclarationSyntax p => $"{type}.{p.Identifier.Text}", _ => type }} {a.Keyword.Text}",
            PropertyDeclarationSyntax p => $"{type}.{p.Identifier.Text}",
            BaseTypeDeclarationSyntax t => t.Identifier.Text,
            _ => $"{type}.{unit.Kind()}",
        };
    }

    /// <summary>What grading will do about <paramref name="finding"/>, in a sentence for the student.</summary>
    public static string Consequence(SyntaxTree tree, Finding finding) => Of(tree, finding) switch
    {
        null => "When graded, the whole file is replaced by the handout's version.",
        DestructorDeclarationSyntax => "When graded, the finalizer is removed.",
        BaseTypeDeclarationSyntax type => $"When graded, {type.Identifier.Text} is removed.",
        var unit => $"When graded, {Name(unit)} is not run: the tests that call it fail.",
    };
}
