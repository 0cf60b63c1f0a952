using Assignment1.Grader.Grading;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading.Catalogue;

/// <summary>
/// Grades every catalogued student mistake and checks that exactly the expected tests fail, each with a
/// message, and that the score is 100 minus their points. The long training tests (6.x, 12.x) are left out:
/// they cost minutes per grading and are run in full gradings elsewhere.
/// </summary>
[TestFixture]
// Each case is a separate grading in its own folder and process: two at a time halve the wall-clock time on 2 cores.
[Parallelizable(ParallelScope.Children)]
public class StudentBugCatalogueTests
{
    private static TestKit WithoutLongTraining => GradingFixture.Kit.Only(t => GradingFixture.Section(t) is not ("6" or "12"));

    [Test]
    public void Catalogue_HasThirtyMistakes_InEveryTodoFile_EachAnchoredOnceInTheReference()
    {
        StudentBugCatalogue.All.Should().HaveCountGreaterThanOrEqualTo(30);
        StudentBugCatalogue.All.Select(b => b.Id).Should().OnlyHaveUniqueItems();
        StudentBugCatalogue.All.Select(b => b.File).Distinct().Should().BeEquivalentTo(Repository.Layout.TodoFiles.Select(f => "student/" + f));
        var reference = GradingFixture.ReferenceFiles();
        foreach (var bug in StudentBugCatalogue.All)
        {
            Occurrences(reference[bug.File], bug.Original).Should().Be(1, $"the anchor of {bug.Id} must name one place in {bug.File}");
            bug.FailingTests.Should().NotBeEmpty($"{bug.Id} must be caught by at least one test");
            bug.FailingTests.Should().OnlyContain(n => WithoutLongTraining.Tests.Any(t => t.Number == n), $"{bug.Id} names tests that exist");
        }
    }

    [TestCaseSource(typeof(StudentBugCatalogue), nameof(StudentBugCatalogue.All))]
    public void Mistake_LosesExactlyTheExpectedTests(StudentBug bug)
    {
        var files = GradingFixture.ReferenceFiles(GradingFixture.Edit(bug.File, bug.Original, bug.Replacement));
        var report = GradingFixture.Grade(files, WithoutLongTraining);

        var failed = report.Outcomes.Where(o => !o.Passed).ToList();
        string actual = string.Join(", ", failed.Select(o => $"\"{o.Test.Number}\""));
        failed.Select(o => o.Test.Number).Should().BeEquivalentTo(bug.FailingTests,
            $"{bug.Id} ({bug.Mistake}) must fail exactly the catalogued tests; it failed [{actual}]:\n" +
            string.Join("\n", failed.Select(o => $"  {o.Test.Number}: {o.Message.Split('\n')[0]}")));
        failed.Should().OnlyContain(o => o.Message.Length > 0, "every lost test says why");
        if (bug.Explained is var (test, words))
        {
            failed.Single(o => o.Test.Number == test).Message.Should().Contain(words, $"the public test {test} names the real cause of {bug.Id}");
        }
        report.Score.Should().Be(report.MaxScore - failed.Sum(o => o.Test.Points));
    }

    private static int Occurrences(string text, string value)
    {
        int count = 0;
        for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
