using Assignment1.Grader.Grading;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading.Catalogue;

/// <summary>
/// The other side of the bug catalogue: ways of writing a method that differ from the reference and are not mistakes.
/// Each is the reference with one edit and must lose nothing, the hidden tests and their checks on other data included.
/// The long training tests are left out, as in the catalogue. (An ε added to softmax's row sums is not among them: the
/// original's own gradient tests, which the public suite reproduces at their tolerance, already fail it.)
/// </summary>
[TestFixture]
// Its gradings run two at a time with the other grading fixtures', at the limits of --jobs 2 (GradingFixture.Limits).
[Parallelizable(ParallelScope.All)]
public class HarmlessVariantTests
{
    private const string Base = "student/Models/BaseNetwork.cs";

    /// <summary>Id, file, the reference's text, and the variant's.</summary>
    public static readonly object[][] Variants =
    [
        ["loss-epsilon-inside-log", Base, "Math.Log(Math.Max(xPred[i, y[i]], double.Epsilon))", "Math.Log(xPred[i, y[i]] + 1e-8)"],
        ["sigmoid-piecewise-stable", Base, "return x.Map(value => 1.0 / (1.0 + Math.Exp(-value)));",
            "return x.Map(value => value >= 0 ? 1.0 / (1.0 + Math.Exp(-value)) : Math.Exp(value) / (1.0 + Math.Exp(value)));"],
    ];

    [Test]
    public void Variants_LoseNoPoint()
    {
        // All in one grading (each edits another method), to keep CI's time: a lost test names its method's variant.
        var edits = Variants.Select(v => GradingFixture.Edit((string)v[1], (string)v[2], (string)v[3])).ToList();
        var files = GradingFixture.ReferenceFiles((path, text) => edits.Aggregate(text, (current, edit) => edit(path, current)));
        var kit = GradingFixture.Kit.Only(t => GradingFixture.Section(t) is not ("6" or "12"));
        var report = GradingFixture.Grade(files, kit);
        report.Outcomes.Where(o => !o.Passed).Should().BeEmpty(
            $"{string.Join(", ", Variants.Select(v => v[0]))} are no mistakes; lost: " + string.Join("; ",
                report.Outcomes.Where(o => !o.Passed).Select(o => $"{o.Test.Number}: {o.Message.Split('\n')[0]}")));
    }
}
