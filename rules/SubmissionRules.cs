using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Assignment1.Rules;

/// <summary>
/// The allow-list of what code in a submitted file may use, read from <c>rules/submission-rules.yaml</c> (embedded
/// in the grader, so the rules graded by are exactly the file course staff review). A pattern names a namespace,
/// a type or one member (<c>Namespace.Type.Member</c>); the longest pattern that covers a name decides, refused
/// winning a tie, and a name no pattern covers is refused.
/// </summary>
public sealed class SubmissionRules
{
    /// <summary>A refused pattern with the category it belongs to and the reason shown to the student.</summary>
    public sealed record Refusal(string Pattern, string Category, string Reason);

    /// <summary>The verdict on one name: allowed, or refused with a category and a reason.</summary>
    public sealed record Verdict(bool Allowed, string Category, string Reason);

    /// <summary>The category of names no pattern covers.</summary>
    public const string NotListed = "not listed";

    private readonly IReadOnlyList<(string Pattern, string Category)> _allowed;
    private readonly IReadOnlyList<Refusal> _refused;

    private SubmissionRules(IReadOnlyList<(string, string)> allowed, IReadOnlyList<Refusal> refused, IReadOnlyList<string> notInheritable)
        => (_allowed, _refused, NotInheritable) = (allowed, refused, notInheritable);

    /// <summary>Namespaces or types a submitted type may not derive from or implement, unless the handout's type does.</summary>
    public IReadOnlyList<string> NotInheritable { get; }

    /// <summary>The allowed categories, in file order.</summary>
    public IEnumerable<string> AllowedCategories => _allowed.Select(a => a.Category).Distinct();

    /// <summary>The refused categories, in file order.</summary>
    public IEnumerable<string> RefusedCategories => _refused.Select(r => r.Category).Distinct();

    /// <summary>The rules shipped with the grader.</summary>
    public static SubmissionRules Default { get; } = Load(Embedded.Text("submission-rules.yaml"));

    /// <summary>Parses a rules file's text.</summary>
    /// <exception cref="InvalidOperationException">The text is not a valid rules file (the message says where).</exception>
    public static SubmissionRules Load(string yaml)
    {
        RulesFile file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).Build().Deserialize<RulesFile>(yaml)
                   ?? throw new InvalidOperationException("rules/submission-rules.yaml is empty.");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidOperationException($"rules/submission-rules.yaml, line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}", e);
        }
        var allowed = file.Allowed.SelectMany(c => c.Value.Select(p => (p.Trim(), c.Key))).ToList();
        var refused = file.Refused.SelectMany(c => c.Value.Symbols.Select(p => new Refusal(p.Trim(), c.Key, c.Value.Reason))).ToList();
        return new SubmissionRules(allowed, refused, file.NotInheritable);
    }

    /// <summary>Judges a fully qualified name (<c>System.IO.File.ReadAllText</c>, <c>System.Math</c>, <c>dynamic</c>).</summary>
    /// <param name="fullName">The name of a type or member.</param>
    /// <param name="isType">
    /// True for a type: naming a type that has some allowed member (<c>Console</c> for <c>Console.WriteLine</c>) is
    /// allowed, since each member used is judged on its own.
    /// </param>
    public Verdict Judge(string fullName, bool isType = false)
    {
        if (isType && _allowed.Any(a => a.Pattern.StartsWith(fullName + ".", StringComparison.Ordinal)))
        {
            return new Verdict(true, "", "");
        }
        // The first of the longest, as in file order.
        var refusal = _refused.Where(r => Covers(r.Pattern, fullName)).OrderByDescending(r => r.Pattern.Length).FirstOrDefault();
        var allowance = _allowed.Where(a => Covers(a.Pattern, fullName)).Select(a => a.Pattern).OrderByDescending(p => p.Length).FirstOrDefault();
        if (refusal is not null && (allowance is null || refusal.Pattern.Length >= allowance.Length))
        {
            return new Verdict(false, refusal.Category, refusal.Reason);
        }
        return allowance is not null
            ? new Verdict(true, "", "")
            : new Verdict(false, NotListed, "not on the list of what a submission may use (rules/submission-rules.yaml)");
    }

    /// <summary>True when <paramref name="pattern"/> is <paramref name="name"/> or one of its enclosing namespaces or types.</summary>
    public static bool Covers(string pattern, string name) =>
        name == pattern || name.StartsWith(pattern + ".", StringComparison.Ordinal);

    private sealed class RulesFile
    {
        public Dictionary<string, List<string>> Allowed { get; set; } = [];
        public Dictionary<string, RefusedCategory> Refused { get; set; } = [];
        public List<string> NotInheritable { get; set; } = [];
    }

    private sealed class RefusedCategory
    {
        public string Reason { get; set; } = "";
        public List<string> Symbols { get; set; } = [];
    }
}
