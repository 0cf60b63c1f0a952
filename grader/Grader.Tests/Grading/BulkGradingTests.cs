using Assignment1.Grader.Commands;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>
/// Bulk grading spread over concurrent jobs and over shards gives the gradebook of a plain bulk run: course staff can
/// fan a course out over machines (one shard each) and merge, or use the cores of one machine, and get the same grades.
/// </summary>
[TestFixture]
[NonParallelizable]
public class BulkGradingTests
{
    [Test]
    public void ShardsMerged_GiveTheGradebookOfTheWholeFolderGradedTwoAtATime()
    {
        string folder = Directory.CreateTempSubdirectory("bulk-shards").FullName;
        try
        {
            // Cheap but different submissions: the skeleton, the skeleton with one file solved, and an upload that is not a zip.
            string uploads = Path.Combine(folder, "uploads");
            Directory.CreateDirectory(uploads);
            var skeleton = Repository.Layout.TodoFiles.ToDictionary(f => "student/" + f, f => File.ReadAllText(Path.Combine(Repository.Layout.StudentDirectory, f)));
            var reference = GradingFixture.ReferenceFiles();
            File.Copy(GradingFixture.Zip(skeleton), Path.Combine(uploads, "ana.zip"));
            File.Copy(GradingFixture.Zip(new Dictionary<string, string>(skeleton) { ["student/Utils.cs"] = reference["student/Utils.cs"] }), Path.Combine(uploads, "ben.zip"));
            File.WriteAllText(Path.Combine(uploads, "cy.zip"), "not a zip");

            string Grade(string name, params string[] options)
            {
                string output = Path.Combine(folder, name);
                string[] args = [uploads, "--out", output, "--kit", GradingFixture.Kit.Directory, "--mnist", Repository.PathOf("data", "mnist"), .. options];
                GradeCommand.Run(args, Repository.Layout).Should().Be(0);
                return output;
            }

            // The whole folder two at a time, against two shards graded one at a time: equal gradebooks show that neither
            // the split over machines nor concurrency changes a grade.
            string whole = Grade("whole", "--jobs", "2");
            string first = Grade("shard-1", "--jobs", "1", "--shard", "1/2");
            string second = Grade("shard-2", "--jobs", "1", "--shard", "2/2");
            MergeCommand.Run(["--out", Path.Combine(folder, "merged"), first, second]).Should().Be(0);

            string expected = File.ReadAllText(Path.Combine(whole, "gradebook.csv"));
            expected.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')[0]).Should().Equal("submission", "ana", "ben", "cy");
            expected.Should().MatchRegex(@"(?m)^ben,.*,[1-9][0-9.]*,$", "the solved Utils.cs earns points");
            Directory.GetDirectories(first).Select(Path.GetFileName).Should().BeEquivalentTo(["ana", "cy"], "shard 1 of 2 grades every second zip from the first");
            Directory.GetDirectories(second).Select(Path.GetFileName).Should().BeEquivalentTo(["ben"]);
            File.ReadAllText(Path.Combine(folder, "merged", "gradebook.csv")).Should().Be(expected, "merged shards give the whole run's gradebook");
            Directory.GetDirectories(Path.Combine(folder, "merged")).Select(Path.GetFileName).Should().BeEquivalentTo(["ana", "ben", "cy"]);
            File.Exists(Path.Combine(folder, "merged", "ben", "results.json")).Should().BeTrue();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Merge_RefusesShardsOfAnotherKit_OrTheSameSubmissionTwice()
    {
        string folder = Directory.CreateTempSubdirectory("merge-refusals").FullName;
        try
        {
            string Shard(string name, string tests, string submission)
            {
                string path = Path.Combine(folder, name);
                Directory.CreateDirectory(path);
                File.WriteAllText(Path.Combine(path, "gradebook.json"),
                    $$"""{"Tests":[{{tests}}],"Rows":[{"Submission":"{{submission}}","Points":[1],"Total":1,"Error":""}]}""");
                return path;
            }
            string a = Shard("a", "\"1.1 Sigmoid\"", "ana");
            string b = Shard("b", "\"1.1 Sigmoid\"", "ana");
            string c = Shard("c", "\"1.2 Other\"", "cy");

            MergeCommand.Run(["--out", Path.Combine(folder, "m1"), a, b]).Should().Be(1, "ana was graded in two shards");
            MergeCommand.Run(["--out", Path.Combine(folder, "m2"), a, c]).Should().Be(1, "c was graded with other tests");
            MergeCommand.Run(["--out", Path.Combine(folder, "m3"), a, Path.Combine(folder, "missing")]).Should().Be(1);
            MergeCommand.Run(["--out", Path.Combine(folder, "m4")]).Should().Be(2, "no shard given");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestCase(null, null, true)]
    [TestCase("2", "3/4", true)]
    [TestCase("0", null, false)]
    [TestCase("two", null, false)]
    [TestCase(null, "0/4", false)]
    [TestCase(null, "5/4", false)]
    [TestCase(null, "1-4", false)]
    public void BulkOptions_AreChecked(string? jobs, string? shard, bool valid)
    {
        BulkOptions.TryParse(jobs, shard, out var options, out string? error).Should().Be(valid);
        if (valid)
        {
            options.Jobs.Should().BeGreaterThanOrEqualTo(1);
        }
        else
        {
            error.Should().Contain(jobs is not null ? "--jobs" : "--shard");
        }
    }

    [Test]
    public void Shards_CoverEverySubmissionOnce_InSharesThatDifferByOneAtMost()
    {
        var zips = Enumerable.Range(0, 11).Select(i => $"s{i:00}.zip").ToList();
        var shares = Enumerable.Range(1, 3).Select(i => new BulkOptions(1, i, 3).Share(zips)).ToList();
        shares.SelectMany(s => s).Should().BeEquivalentTo(zips).And.OnlyHaveUniqueItems();
        shares.Select(s => s.Count).Should().Equal(4, 4, 3);
        BulkOptions.DefaultJobs().Should().BeInRange(1, Environment.ProcessorCount);
    }
}
