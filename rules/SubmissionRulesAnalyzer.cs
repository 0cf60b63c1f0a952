using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Assignment1.Rules;

/// <summary>
/// The grader's static checks, in the student's build: in each of the five submitted files (those listed in
/// rules/handout-surface.txt), every use the rules refuse, every type that extends or adds to provided types, and
/// every public type or member of the handout that is missing or changed, worded as the grader words them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SubmissionRulesAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The MSBuild property (made visible to analyzers by student/Assignment1.csproj) that locates the submitted files.</summary>
    public const string ProjectDirectoryOption = "build_property.projectdir";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => RuleCatalogue.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(ProjectDirectoryOption, out string? projectDirectory);
            var surface = HandoutSurface.Default;
            var submitted = start.Compilation.SyntaxTrees
                .Select(tree => (tree, file: SubmittedFile(tree.FilePath, projectDirectory, surface)))
                .Where(x => x.file is not null)
                .ToDictionary(x => x.tree, x => x.file!);
            if (submitted.Count == 0)
            {
                return;
            }
            var trees = submitted.Keys.ToList();
            var bases = surface.Bases;
            start.RegisterSemanticModelAction(analysis =>
            {
                var model = analysis.SemanticModel;
                if (!submitted.TryGetValue(model.SyntaxTree, out string? file))
                {
                    return;
                }
                var findings = PublicSurfaceChecker.Check(surface.Files[file], model)
                    .Concat(SubmissionRulesChecker.Check(model, trees, bases));
                foreach (var finding in findings)
                {
                    analysis.CancellationToken.ThrowIfCancellationRequested();
                    analysis.ReportDiagnostic(Diagnostic.Create(RuleCatalogue.For(finding.Category),
                        Location.Create(model.SyntaxTree, new TextSpan(Math.Max(0, finding.Position), finding.Length)),
                        finding.Message, GradedUnit.Consequence(model.SyntaxTree, finding)));
                }
            });
        });
    }

    /// <summary>
    /// The TODO file <paramref name="path"/> is (its path under student/), or null: relative to the project's folder
    /// when the build says where that is, otherwise the part after the last "student/".
    /// </summary>
    internal static string? SubmittedFile(string path, string? projectDirectory, HandoutSurface surface)
    {
        string normalized = path.Replace('\\', '/');
        string? relative = null;
        if (!string.IsNullOrEmpty(projectDirectory))
        {
            string folder = projectDirectory!.Replace('\\', '/').TrimEnd('/') + "/";
            relative = normalized.StartsWith(folder, StringComparison.OrdinalIgnoreCase) ? normalized.Substring(folder.Length) : null;
        }
        else
        {
            int student = normalized.LastIndexOf("student/", StringComparison.Ordinal);
            relative = student >= 0 ? normalized.Substring(student + "student/".Length) : normalized;
        }
        return relative is not null && surface.Files.ContainsKey(relative) ? relative : null;
    }
}
