using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Assignment1.Rules;

/// <summary>
/// One diagnostic per rule category of the grader, each with its ID (listed in AnalyzerReleases.Shipped.md).
/// The message is the grader's own finding followed by what grading will do about it. Warnings, not errors: a
/// student may debug with a refused call for a while, and the build must still run the tests; collect_submission
/// refuses to zip while any of them is reported.
/// </summary>
public static class RuleCatalogue
{
    private const string Category = "Assignment1.Submission";
    private const string Message = "{0} {1}";
    private const string Description = "The grader checks the five submitted files against the rules in rules/; this is what it would find.";

    /// <summary>A1000: For a refused category that course staff added to the rules file and this catalogue does not name yet.</summary>
    public static readonly DiagnosticDescriptor OtherRefusal = new("A1000", "Refused by rules/submission-rules.yaml", Message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: Description);

    /// <summary>A1001: Category <see cref="SubmissionRules.NotListed"/>.</summary>
    public static readonly DiagnosticDescriptor NotListed = new("A1001", "Not on the allow-list of rules/submission-rules.yaml", Message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: Description);

    /// <summary>A1002: Category <c>dynamic</c>.</summary>
    public static readonly DiagnosticDescriptor Dynamic = new("A1002", "'dynamic' is not allowed in a submission", Message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: Description);

    /// <summary>A1003: Category <c>reflection</c>.</summary>
    public static readonly DiagnosticDescriptor Reflection = new("A1003", "Reflection is not allowed in a submission", Message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: Description);

    /// <summary>A1004: Category <c>process and environment</c>.</summary>
    public static readonly DiagnosticDescriptor ProcessAndEnvironment = new("A1004", "Process and environment access is not allowed in a submission", Message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: Description);

    /// <summary>A1005: Category <c>file system and network</c>.</summary>
    public static readonly DiagnosticDescriptor FileSystemAndNetwork = new("A1005", "File system or network access is not allowed in a submission", Message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: Description);

    /// <summary>A1006: Category <c>interop and raw memory</c>.</summary>
    public static readonly DiagnosticDescriptor InteropAndRawMemory = new("A1006", "Native interop or raw memory access is not allowed in a submission", Message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: Description);

    /// <summary>A1007: Category <c>threads, tasks and timers</c>.</summary>
    public static readonly DiagnosticDescriptor ThreadsTasksAndTimers = new("A1007", "Threads, tasks and timers are not allowed in a submission", Message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: Description);

    /// <summary>A1008: Category <c>process-wide numerical settings</c>.</summary>
    public static readonly DiagnosticDescriptor ProcessWideNumericalSettings = new("A1008", "MathNet's process-wide settings and providers may not be changed", Message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: Description);

    /// <summary>A1009: Category <see cref="SubmissionRulesChecker.LanguageConstructs"/>.</summary>
    public static readonly DiagnosticDescriptor LanguageConstructs = new("A1009", "Language construct not allowed in a submission", Message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: Description);

    /// <summary>A1010: Category <see cref="SubmissionRulesChecker.ProvidedTypes"/>.</summary>
    public static readonly DiagnosticDescriptor ProvidedTypes = new("A1010", "A submission may not extend or add to provided types", Message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: Description);

    /// <summary>A1011: Category <see cref="PublicSurfaceChecker.Category"/>.</summary>
    public static readonly DiagnosticDescriptor PublicSurface = new("A1011", "The handout's public types and members must be kept", Message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: Description);

    /// <summary>The diagnostic for each category (see rules/submission-rules.yaml and the checkers).</summary>
    public static IReadOnlyDictionary<string, DiagnosticDescriptor> ByCategory { get; } = new Dictionary<string, DiagnosticDescriptor>
    {
        [SubmissionRules.NotListed] = NotListed,
        ["dynamic"] = Dynamic,
        ["reflection"] = Reflection,
        ["process and environment"] = ProcessAndEnvironment,
        ["file system and network"] = FileSystemAndNetwork,
        ["interop and raw memory"] = InteropAndRawMemory,
        ["threads, tasks and timers"] = ThreadsTasksAndTimers,
        ["process-wide numerical settings"] = ProcessWideNumericalSettings,
        [SubmissionRulesChecker.LanguageConstructs] = LanguageConstructs,
        [SubmissionRulesChecker.ProvidedTypes] = ProvidedTypes,
        [PublicSurfaceChecker.Category] = PublicSurface,
    };

    /// <summary>Every diagnostic the analyzer may report.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ByCategory.Values.Prepend(OtherRefusal).ToImmutableArray();

    /// <summary>The diagnostic for a finding's category.</summary>
    public static DiagnosticDescriptor For(string category) => ByCategory.TryGetValue(category, out var rule) ? rule : OtherRefusal;
}
