using Assignment1.Grader.Grading;
using Assignment1.TestRunner;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>
/// Time limits derived from the reference's own time on the grading machine: every test of a measured kit gets
/// floor + factor × the reference's time, and floor + factor × its longest silence, so that a hang costs seconds.
/// </summary>
[TestFixture]
// Its gradings run two at a time with the other grading fixtures', at the limits of --jobs 2 (GradingFixture.Limits).
[Parallelizable(ParallelScope.All)]
public class TimeLimitTests
{
    [Test]
    public void MeasuredKit_DerivesEveryTestsLimits_FromTheReferencesTime()
    {
        var timings = ReferenceTimings.Read(GradingFixture.Kit.Directory);
        timings.Should().NotBeNull("the fixture's kit is measured, as grader build measures it");
        var limits = GradingFixture.Limits;
        foreach (var test in GradingFixture.Kit.Tests)
        {
            var timing = timings!.Tests[test.FullName];
            test.TimeoutSeconds.Should().BeApproximately(limits.TimeFloorSeconds + limits.TimeFactor * Math.Max(timing.Seconds, timing.LongestSilenceSeconds), 1e-9, test.Number);
            test.SilenceSeconds.Should().BeApproximately(limits.TimeFloorSeconds + limits.TimeFactor * timing.LongestSilenceSeconds, 1e-9, test.Number);
        }
        var training = GradingFixture.Kit.Tests.Single(t => t.Number == "12.2");
        timings!.Tests[training.FullName].LongestSilenceSeconds.Should().BeLessThan(timings.Tests[training.FullName].Seconds / 5,
            "a 10-epoch training beats after every batch, so its longest silence is a small part of it");
    }

    [Test]
    public void UnmeasuredKit_UsesTheDeclaredLimits()
    {
        var complete = new Dictionary<string, string> { ["Number"] = "1", ["Points"] = "100", ["DisplayName"] = "a" };
        var declared = TestKit.ToGradedTests([new RunnerEvent("listed", "A.B") { Properties = new(complete) { ["TimeoutSeconds"] = "180" } }], GradingLimits.Default);
        declared.Single().TimeoutSeconds.Should().Be(180);
        declared.Single().SilenceSeconds.Should().BeNull("without a measurement nothing says how long a silence is normal");
        TestKit.ToGradedTests([new RunnerEvent("listed", "A.B") { Properties = complete }], GradingLimits.Default)
            .Single().TimeoutSeconds.Should().Be(GradingLimits.Default.TestTimeoutSeconds);
    }

    [Test]
    public void AMeasurement_OfAnotherBuild_OrDamaged_IsNotUsed()
    {
        string folder = Directory.CreateTempSubdirectory("timings").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "Assignment1.TestRunner.dll"), "one build");
            var timings = new ReferenceTimings(ReferenceTimings.Fingerprint(folder), DateTimeOffset.UtcNow, new Dictionary<string, TestTiming> { ["A.B"] = new(1, 0.5) });
            timings.Write(folder);
            ReferenceTimings.Read(folder)!.Tests["A.B"].Should().Be(new TestTiming(1, 0.5));

            File.WriteAllText(Path.Combine(folder, "Assignment1.TestRunner.dll"), "another build");
            ReferenceTimings.Read(folder).Should().BeNull("a rebuilt kit is measured again");

            File.WriteAllText(Path.Combine(folder, ReferenceTimings.FileName), "{ not json");
            ReferenceTimings.Read(folder).Should().BeNull();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void SharingTheMachine_StretchesTheDerivedLimits()
    {
        var alone = GradingLimits.Default.SharedBy(1);
        alone.Should().Be(GradingLimits.Default);
        var crowded = GradingLimits.Default.SharedBy(Environment.ProcessorCount);
        crowded.TimeFactor.Should().BeApproximately(GradingLimits.Default.TimeFactor * 2, 1e-12, "each grading keeps about two cores busy");
        crowded.TimeFloorSeconds.Should().BeApproximately(GradingLimits.Default.TimeFloorSeconds * 2, 1e-12);
    }

    /// <summary>
    /// A hang in a method that many tests call fails each of them within its derived limits, not at a fixed 15 s or, for
    /// the 10-epoch trainings, 400 s: those beat after every batch, so a hang shows as silence within seconds.
    /// </summary>
    [Test]
    public void HangOnEveryCall_FailsEachCallingTest_WithinSeconds()
    {
        const string softmax = "var shifted = scores.SubtractFromEachRow(scores.MaxPerRow());";
        var files = GradingFixture.ReferenceFiles(GradingFixture.Edit("student/Models/BaseNetwork.cs", softmax, "while (true) { }\n        " + softmax));
        // One of the two trainings is enough to show a training's silence limit at work, and halves this test's time.
        var kit = GradingFixture.Kit.Only(t => GradingFixture.Section(t) is "1" or "8" || t.Number == "12.2");
        string[] hanging = ["1.5", "8.1", "8.2", "8.12", "12.2"];

        var report = GradingFixture.Grade(files, kit);

        foreach (var outcome in report.Outcomes)
        {
            if (hanging.Contains(outcome.Test.Number))
            {
                outcome.Passed.Should().BeFalse(outcome.Test.Number);
                outcome.Message.Should().StartWith("Timed out", outcome.Test.Number);
            }
            else
            {
                outcome.Passed.Should().BeTrue($"{outcome.Test.Number} never calls Softmax: {outcome.Message}");
            }
        }
        report.Outcomes.Single(o => o.Test.Number == "12.2").Message.Should().Contain("made no progress",
            "a training that stops beating fails at its silence limit");
        double allowed = report.Outcomes.Where(o => hanging.Contains(o.Test.Number)).Sum(o => o.Test.SilenceSeconds!.Value + 2)
                         + report.Outcomes.Where(o => !hanging.Contains(o.Test.Number)).Sum(o => o.Seconds + 1) + 60;
        report.Seconds.Should().BeLessThan(allowed, "each hanging test costs its silence limit and a fresh process, not its whole time limit");
        report.Seconds.Should().BeLessThan(kit.Tests.Single(t => t.Number == "12.2").TimeoutSeconds, "the trainings' own limits are never waited out");
    }
}
