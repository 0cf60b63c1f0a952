using Assignment1.Grader.Grading;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading.Catalogue;

/// <summary>
/// Grades every catalogued student mistake and checks that exactly the expected tests fail, each with a
/// message, and that the score is 100 minus their points. The long training tests (6.x, 12.x) are left out:
/// they cost minutes per grading and are run in full gradings elsewhere. A mistake is graded with the tests that run
/// the file it edits (<see cref="TestsRunning"/>): every other test's outcome cannot change, and leaving them out
/// halves CI's time here (MNIST's split tests alone were a third of each grading).
/// </summary>
[TestFixture]
// Each case is a separate grading in its own folder and process: two at a time halve the wall-clock time on 2 cores.
[Parallelizable(ParallelScope.All)]
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
        var running = TestsRunning(bug.File);
        var report = GradingFixture.Grade(files, WithoutLongTraining.Only(t => running.Contains(t.Number)));

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

    /// <summary>
    /// Every catalogued mistake edits the body of a TODO method in one file, so it can change only the outcome of a test
    /// that runs one of that file's TODO methods. Those are the tests that fail when the file is the handout's own (where
    /// every TODO method throws) and the other four are the reference's: a test that passes so never runs them. The
    /// reference itself passes every test (the kit's measurement checks it).
    /// </summary>
    [Test]
    public void TestsRunningAFile_AreTheOnesThatFailWithItsHandoutVersion_AndIncludeEveryMistakesCataloguedTests()
    {
        foreach (var file in StudentBugCatalogue.All.Select(b => b.File).Distinct())
        {
            var running = TestsRunning(file);
            running.Should().NotBeEmpty().And.HaveCountLessThan(WithoutLongTraining.Tests.Count, $"some tests run {file} and some do not");
            foreach (var bug in StudentBugCatalogue.All.Where(b => b.File == file))
            {
                running.Should().Contain(bug.FailingTests, $"{bug.Id}'s catalogued tests run {file}");
            }
        }
        TestsRunning("student/Utils.cs").Should().Contain(["3.1", "7.1"], "the split's tests run LoadMnistTrainVal");
        TestsRunning("student/Models/TwoLayerNet.cs").Should().NotContain(["3.1", "7.1"], "the split's tests run no model");
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<IReadOnlySet<string>>> Running = new();

    /// <summary>The numbers of the tests (minus the long trainings) that run a TODO method of <paramref name="file"/>: those that fail with its handout version.</summary>
    private static IReadOnlySet<string> TestsRunning(string file) => Running.GetOrAdd(file, _ => new Lazy<IReadOnlySet<string>>(() =>
    {
        // A submission without the file is graded with the handout's version in its place.
        var files = GradingFixture.ReferenceFiles();
        files.Remove(file).Should().BeTrue();
        return GradingFixture.Grade(files, WithoutLongTraining).Outcomes.Where(o => !o.Passed).Select(o => o.Test.Number).ToHashSet();
    })).Value;

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
