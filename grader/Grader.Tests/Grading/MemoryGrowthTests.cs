using Assignment1.Grader.Grading;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>
/// Faulting in fresh memory is a sign of life; a flat pause is not. The reference's silences are measured in one warm
/// process, but after any restart (an earlier test's hang or crash, an out-of-memory rerun) a test runs in a new process
/// and faults in afresh the memory the warm one reused: seconds on a virtual machine (CI lost 9.6 and 9.7 so, silent
/// 6.2 and 4.7 s where the reference paused 0.1 s). The supervisor therefore takes the growth of the runner's resident
/// memory as a sign of life, while a busy loop that allocates nothing fails at its silence limit as before.
/// </summary>
[TestFixture]
// Its gradings run two at a time with the other grading fixtures', at the limits of --jobs 2 (GradingFixture.Limits).
[Parallelizable(ParallelScope.All)]
public class MemoryGrowthTests
{
    private const string ReLUDev = "return x.Map(value => value > 0.0 ? 1.0 : 0.0);";
    private const double SilenceLimit = 3;

    [Test]
    public void ATestSilentWhileItFaultsInFreshMemory_IsNotAHang()
    {
        // Six seconds without a beat, twice the silence limit, allocating and touching 32 MB every quarter of a second (1.5 GB in all).
        var report = GradeReLUDevTest("""
            var held = new List<byte[]>();
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    while (clock.ElapsedMilliseconds < 6_000)
                    {
                        if (clock.ElapsedMilliseconds >= 250 * held.Count)
                        {
                            var block = new byte[32 << 20];
                            for (int i = 0; i < block.Length; i += 4096)
                            {
                                block[i] = 1;
                            }
                            held.Add(block);
                        }
                    }
                    return held.Count > 0 ? x.Map(value => value > 0.0 ? 1.0 : 0.0) : x;
            """);

        report.Passed.Should().BeTrue($"memory growing by 128 MB a second is work, not a hang: {report.Message}");
        report.Seconds.Should().BeGreaterThan(SilenceLimit, "the test was silent for longer than its silence limit");
    }

    [Test]
    public void ATestSilentInABusyLoopThatAllocatesNothing_FailsAtItsSilenceLimit()
    {
        var report = GradeReLUDevTest("""
            var clock = System.Diagnostics.Stopwatch.StartNew();
                    while (clock.ElapsedMilliseconds < 6_000)
                    {
                    }
                    return x.Map(value => value > 0.0 ? 1.0 : 0.0);
            """);

        report.Passed.Should().BeFalse();
        report.Message.Should().StartWith($"Timed out: the test made no progress for {SilenceLimit:0.#} seconds");
    }

    private static TestOutcome GradeReLUDevTest(string body)
    {
        var files = GradingFixture.ReferenceFiles(GradingFixture.Edit("student/Models/BaseNetwork.cs", ReLUDev, body));
        var kit = GradingFixture.Kit.Only(t => t.FullName.EndsWith(".ReLUDev_MatchesTheOriginalValues"))
            .Select(t => t with { TimeoutSeconds = 60, SilenceSeconds = SilenceLimit });
        kit.Tests.Should().HaveCount(1);
        return GradingFixture.Grade(files, kit).Outcomes.Single();
    }
}
