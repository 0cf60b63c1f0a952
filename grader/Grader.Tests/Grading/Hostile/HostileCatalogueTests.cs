using Assignment1.Grader.Grading;
using Assignment1.Grader.Results;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading.Hostile;

/// <summary>
/// Grades every entry of <see cref="HostileCatalogue"/> and checks its bound: an attack on the do-nothing submission
/// earns nothing over it, and an attack inside one method of the reference loses only that method's tests. Each
/// grading's results.json stays under 1 MB, whatever the submission printed or threw.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class HostileCatalogueTests
{
    private static readonly GradingLimits FastLimits = GradingLimits.Default with { TestTimeoutSeconds = 4, HeapLimitBytes = 512L << 20 };

    private static TestKit Kit => GradingFixture.Sections("1");

    private static readonly Lazy<double> DoNothingScore = new(() =>
        GradingFixture.Grade(DoNothingSubmission.Files(DoNothingSubmission.TrivialBodies), Kit, FastLimits).Score);

    [Test]
    public void Catalogue_HasAtLeast25Entries_WithUniqueNames()
    {
        HostileCatalogue.All.Should().HaveCountGreaterThanOrEqualTo(25);
        HostileCatalogue.All.Select(e => e.Id).Should().OnlyHaveUniqueItems();
    }

    [TestCaseSource(typeof(HostileCatalogue), nameof(HostileCatalogue.All))]
    public void Attack_RespectsItsBound(HostileEntry entry)
    {
        var files = entry.OnReference
            ? GradingFixture.ReferenceFiles(GradingFixture.Edit(entry.File, entry.Anchor, entry.Replacement))
            : DoNothingEdit(entry);
        var report = GradingFixture.Grade(files, Kit, FastLimits);

        if (entry.OnReference)
        {
            var lost = report.Outcomes.Where(o => !o.Passed).Select(o => o.Test.Number).ToList();
            lost.Should().BeSubsetOf(entry.Broken, $"{entry.Id} ({entry.Attack}) may cost only its own tests; lost: " +
                string.Join("; ", report.Outcomes.Where(o => !o.Passed).Select(o => $"{o.Test.Number}: {o.Message.Split('\n')[0]}")));
        }
        else
        {
            report.Score.Should().BeLessThanOrEqualTo(DoNothingScore.Value, $"{entry.Id} ({entry.Attack}) must earn nothing over a submission with no model code");
        }
        report.Outcomes.Where(o => !o.Passed).Should().OnlyContain(o => o.Message.Length > 0, "every lost test says why");
        GradescopeResults.From(report).ToJsonString().Length.Should().BeLessThan(1 << 20, "results.json stays under 1 MB");
    }

    private static Dictionary<string, string> DoNothingEdit(HostileEntry entry)
    {
        var files = DoNothingSubmission.Files(DoNothingSubmission.TrivialBodies);
        files[entry.File].Should().Contain(entry.Anchor, $"the anchor of {entry.Id} is in the do-nothing submission");
        files[entry.File] = files[entry.File].Replace(entry.Anchor, entry.Replacement);
        return files;
    }
}
