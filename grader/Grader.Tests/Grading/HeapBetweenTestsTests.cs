using Assignment1.Grader.Grading;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>
/// A test's memory is its own: what an earlier test allocated and let go never costs a later test under the heap cap.
/// Under a hard heap limit, .NET's regions GC keeps the memory it freed committed, and that memory counts against the
/// limit: after a test that held many batch-sized arrays (as a training's epoch holds its batches), a full blocking
/// collection left 1.3 GB of an empty 1.5 GB heap committed, and the next test's 376 MB MNIST array could not be
/// allocated (reproduced outside the grader, and seen in CI as a correct solution losing the test after a training).
/// A test that runs out of memory on a heap that earlier tests used is therefore run once more, first in a fresh
/// process, and counts as it does there; on a fresh heap, an allocation beyond the cap still fails
/// (<see cref="HostileSubmissionTests"/>, "unbounded allocation").
/// </summary>
[TestFixture]
// Its gradings run two at a time with the other grading fixtures', at the limits of --jobs 2 (GradingFixture.Limits).
[Parallelizable(ParallelScope.All)]
public class HeapBetweenTestsTests
{
    [Test]
    public void AfterATestThatHeldAGigabyteOfBatchSizedArrays_TheNextTestStillLoadsMnist()
    {
        // ReLUDev holds 3,200 arrays of one 64x784 batch each (1.3 GB) before it answers, then lets them go: harmless code.
        var files = GradingFixture.ReferenceFiles(GradingFixture.Edit("student/Models/BaseNetwork.cs",
            "return x.Map(value => value > 0.0 ? 1.0 : 0.0);",
            """
            var held = new List<double[]>();
                    for (int i = 0; i < 3_200; i++)
                    {
                        held.Add(new double[64 * 784]);
                    }
                    return held.Count > 0 ? x.Map(value => value > 0.0 ? 1.0 : 0.0) : x;
            """));
        // Half the shipped cap: MNIST and its split (750 MB) fit with room to spare, 1.3 GB of garbage kept committed does not.
        var limits = GradingFixture.Limits with { HeapLimitBytes = GradingLimits.Default.HeapLimitBytes / 2 };
        var kit = GradingFixture.Kit
            .Only(t => t.FullName.EndsWith(".ReLUDev_MatchesTheOriginalValues") || t.FullName.EndsWith(".LoadMnistTrainVal_KeepsFourTimesAsManyTrainingAsValidationImages"))
            .Select(t => t with { TimeoutSeconds = 120, SilenceSeconds = 120 }); // faulting in 1 GB takes seconds on a slow VM
        kit.Tests.Should().HaveCount(2);

        var report = GradingFixture.Grade(files, kit, limits);

        report.Outcomes.Select(o => o.Test.FullName).Should().ContainInOrder(kit.Tests.Select(t => t.FullName), "the heavy test runs first");
        report.Outcomes.Should().OnlyContain(o => o.Passed, "each test gets a heap with room for its own data: "
            + string.Join("; ", report.Outcomes.Where(o => !o.Passed).Select(o => $"{o.Test.Number}: {o.Message}")));
        // Whether the used heap runs out depends on when the GC ran (it did in two runs on 2026-12-01, not in a third); a test that
        // was first in its process is never run again.
        report.Outcomes[0].RanAgainOnAFreshHeap.Should().BeFalse("the heavy test ran first in its process");
    }
}
