using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assignment1.Rules;

/// <summary>
/// Judges a submitted file against <see cref="SubmissionRules"/>: every name is resolved to its symbol with the
/// compilation's semantic model (so aliases, <c>using static</c> and fully qualified names are seen for what
/// they are) and must be allowed; every expression of type <c>dynamic</c> is refused; so are the constructs no
/// name reveals (<c>unsafe</c>, pointers, <c>extern</c>, finalizers, <c>__makeref</c> …), bases that make an
/// object look like something it is not, and parts added to types declared elsewhere.
/// </summary>
public static class SubmissionRulesChecker
{
    /// <summary>The category of constructs no name reveals (<c>unsafe</c>, pointers, finalizers …).</summary>
    public const string LanguageConstructs = "language constructs";

    /// <summary>The category of types that extend or add to the library's or the handout's types; grading removes the whole type.</summary>
    public const string ProvidedTypes = "provided types";

    private static readonly SymbolDisplayFormat FullName = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);

    /// <summary>Every rule broken in the file of <paramref name="model"/>, one finding per line and message.</summary>
    /// <param name="model">The semantic model of the submitted file, from a compilation that holds the other submitted files.</param>
    /// <param name="submittedTrees">All submitted files: what they declare is the student's own code.</param>
    /// <param name="handoutBases">For each type of the handout's files (full name), the bases it declares; they may stay.</param>
    /// <param name="rules">The rules; <see cref="SubmissionRules.Default"/> when null.</param>
    public static IReadOnlyList<Finding> Check(SemanticModel model, IReadOnlyCollection<SyntaxTree> submittedTrees,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>> handoutBases, SubmissionRules? rules = null)
    {
        rules ??= SubmissionRules.Default;
        var tree = model.SyntaxTree;
        var findings = new List<Finding>();
        foreach (var node in tree.GetRoot().DescendantNodes(descendIntoTrivia: false))
        {
            if (Construct(node) is { } construct)
            {
                findings.Add(At(tree, node, $"'{construct}' is not allowed in a submission.", LanguageConstructs));
                continue;
            }
            if (node is BaseTypeDeclarationSyntax declaration)
            {
                findings.AddRange(CheckDeclaration(model, tree, declaration, submittedTrees, handoutBases, rules));
            }
            if (node is ExpressionSyntax expression && IsDynamic(model, expression))
            {
                var verdict = rules.Judge("dynamic");
                findings.Add(At(tree, node, $"uses 'dynamic': {verdict.Reason} is not allowed in a submission.", verdict.Category));
                continue;
            }
            if (node is not (SimpleNameSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or AttributeSyntax)
                || node.Ancestors().Any(a => a is UsingDirectiveSyntax || (a is BaseNamespaceDeclarationSyntax ns && ns.Name.Span.Contains(node.Span))))
            {
                // A using directive or a namespace's name runs nothing; what it names is judged where it is used.
                continue;
            }
            var info = model.GetSymbolInfo(node);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            if (symbol is null || IsOwnCode(symbol, submittedTrees))
            {
                continue;
            }
            if (NameOf(symbol) is { } fullName && rules.Judge(fullName, isType: symbol is ITypeSymbol) is { Allowed: false } refused)
            {
                findings.Add(At(tree, node, $"uses {Describe(symbol)}: {refused.Reason} is not allowed in a submission.", refused.Category));
            }
        }
        return findings.GroupBy(f => (f.Line, f.Message)).Select(g => g.First()).ToList();
    }

    /// <summary>The name a symbol is judged by; null for what needs no judging (locals, parameters, namespaces, anonymous types).</summary>
    internal static string? NameOf(ISymbol symbol)
    {
        switch (symbol)
        {
            case IDynamicTypeSymbol:
                return "dynamic";
            case IArrayTypeSymbol array:
                return NameOf(array.ElementType);
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return "System.Runtime.InteropServices.Pointer";
            case INamedTypeSymbol { IsAnonymousType: true } or ITypeParameterSymbol or IErrorTypeSymbol:
                return null;
            case INamedTypeSymbol type:
                return TypeName(type);
            case ITypeSymbol type:
                return type.OriginalDefinition.ToDisplayString(FullName);
            case IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol when symbol.ContainingType is { } containing:
                if (containing.IsAnonymousType || containing.TypeKind == TypeKind.Error)
                {
                    return null;
                }
                var member = symbol is IMethodSymbol { ReducedFrom: { } extension } ? extension : symbol;
                string memberName = member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } ? "ctor" : member.Name;
                return TypeName(member.ContainingType) + "." + memberName;
            default:
                return null;
        }
    }

    /// <summary>Namespace, containing types and name, without type arguments or the special forms of tuples and nullables.</summary>
    internal static string TypeName(INamedTypeSymbol type)
    {
        type = type.OriginalDefinition;
        string name = type.ContainingType is { } outer ? TypeName(outer) + "." + type.Name
            : type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.Name
            : type.Name;
        return name;
    }

    private static IEnumerable<Finding> CheckDeclaration(SemanticModel model, SyntaxTree tree, BaseTypeDeclarationSyntax declaration,
        IReadOnlyCollection<SyntaxTree> submittedTrees, IReadOnlyDictionary<string, IReadOnlyCollection<string>> handoutBases, SubmissionRules rules)
    {
        if (model.GetDeclaredSymbol(declaration) is not INamedTypeSymbol type)
        {
            yield break;
        }
        string typeName = TypeName(type);
        var elsewhere = type.DeclaringSyntaxReferences.Select(r => r.SyntaxTree).Where(t => t != tree).ToList();
        if (elsewhere.Any(t => !submittedTrees.Contains(t)))
        {
            string where = string.Join(", ", elsewhere.Select(t => t.FilePath).Distinct());
            yield return At(tree, declaration.Identifier, $"adds a part to {typeName}, which is declared in {where}: a submission may add to the handout's classes only in their own file.", ProvidedTypes);
        }
        if (type.ContainingType is null && Imported(model.Compilation, type) is { } imported)
        {
            // A type of the same full name as a referenced one shadows it in the whole student assembly (CS0436):
            // provided code would call the submission's imitation instead of the library's or the kit's type.
            string assembly = imported.ContainingAssembly.Name;
            yield return At(tree, declaration.Identifier, declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
                ? $"adds a part to {typeName}, which is declared in {assembly}: a submission may add to the handout's classes only in their own file."
                : $"declares {typeName}, which {assembly} already declares: a submission may not imitate the library's or the assignment's types.", ProvidedTypes);
        }
        var allowedBases = handoutBases.TryGetValue(typeName, out var declared) ? declared : [];
        foreach (var baseType in declaration.BaseList?.Types ?? [])
        {
            if (model.GetTypeInfo(baseType.Type).Type is not INamedTypeSymbol based || IsOwnCode(based, submittedTrees))
            {
                continue;
            }
            string baseName = TypeName(based);
            if (rules.NotInheritable.Any(p => SubmissionRules.Covers(p, baseName)) && !allowedBases.Contains(baseName))
            {
                yield return At(tree, baseType, $"{typeName} derives from {based.ToDisplayString()}: a submission may not extend or imitate the library's or the assignment's types (an object that only looks like a matrix could answer tests with something it never computed).", ProvidedTypes);
            }
        }
    }

    /// <summary>A type of <paramref name="type"/>'s full name that a referenced assembly declares, if any.</summary>
    private static INamedTypeSymbol? Imported(Compilation compilation, INamedTypeSymbol type)
    {
        string metadataName = type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;
        return compilation.GetTypesByMetadataName(metadataName).FirstOrDefault(t => t.Locations.Any(l => l.IsInMetadata));
    }

    private static bool IsOwnCode(ISymbol symbol, IReadOnlyCollection<SyntaxTree> submittedTrees)
    {
        var declared = (symbol as IMethodSymbol)?.ReducedFrom ?? symbol.OriginalDefinition;
        return declared.DeclaringSyntaxReferences.Length > 0
               && declared.DeclaringSyntaxReferences.All(r => submittedTrees.Contains(r.SyntaxTree));
    }

    private static bool IsDynamic(SemanticModel model, ExpressionSyntax expression)
    {
        if (expression.Parent is QualifiedNameSyntax or AliasQualifiedNameSyntax)
        {
            return false;
        }
        var info = model.GetTypeInfo(expression);
        return info.Type is IDynamicTypeSymbol || info.ConvertedType is IDynamicTypeSymbol;
    }

    private static string? Construct(SyntaxNode node) => node switch
    {
        UnsafeStatementSyntax => "unsafe",
        PointerTypeSyntax => "pointer types",
        FunctionPointerTypeSyntax => "function pointers",
        FixedStatementSyntax => "fixed",
        DestructorDeclarationSyntax => "finalizers (they run at times no test can be charged for)",
        MakeRefExpressionSyntax or RefTypeExpressionSyntax or RefValueExpressionSyntax => "typed references",
        ExternAliasDirectiveSyntax => "extern alias",
        MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.UnsafeKeyword) => "unsafe",
        MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.ExternKeyword) => "extern",
        LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.ExternKeyword) || local.Modifiers.Any(SyntaxKind.UnsafeKeyword) => "extern/unsafe",
        _ => null,
    };

    private static string Describe(ISymbol symbol) => symbol switch
    {
        IDynamicTypeSymbol => "'dynamic'",
        _ => NameOf(symbol) ?? symbol.Name,
    };

    private static Finding At(SyntaxTree tree, SyntaxNode node, string message, string category) =>
        new(tree.FilePath, node.GetLocation().GetLineSpan().StartLinePosition.Line + 1, message, node.SpanStart, category, node.Span.Length);

    private static Finding At(SyntaxTree tree, SyntaxToken token, string message, string category) =>
        new(tree.FilePath, token.GetLocation().GetLineSpan().StartLinePosition.Line + 1, message, token.SpanStart, category, token.Span.Length);
}
