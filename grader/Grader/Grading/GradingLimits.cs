namespace Assignment1.Grader.Grading;

/// <summary>
/// Every limit the grader enforces, with its default, in one place. A test may raise its own time limit with
/// a <c>TimeoutSeconds</c> property next to its <c>[Graded]</c> attribute.
/// </summary>
/// <param name="TestTimeoutSeconds">Wall-clock seconds one test may take before it fails as a hang, when the kit's reference timings are not
/// measured (tests that train or load all of MNIST declare more). Measured kits derive each test's limits from the reference (<see cref="ReferenceTimings"/>).</param>
/// <param name="BudgetSeconds">Wall-clock seconds for all of one submission's tests. Past it, the tests not yet run fail: a
/// submission whose tests hang one after another must still get results before Gradescope's 10-minute limit, which would score 0 and hide everything.</param>
/// <param name="ProcessStartSeconds">Seconds the runner may take to start and load the tests.</param>
/// <param name="HeapLimitBytes">Managed heap cap of the test process (<c>DOTNET_GCHeapHardLimit</c>); MNIST alone takes ~0.8 GB.</param>
/// <param name="MaxOutputCharacters">Characters of a test's console output kept in its feedback.</param>
/// <param name="MaxZipEntries">Entries a submitted zip may hold.</param>
/// <param name="MaxUncompressedBytes">Bytes a submitted zip may expand to, in all.</param>
/// <param name="MaxFileBytes">Bytes one submitted file may have.</param>
/// <param name="TotalPoints">Points the suites must add up to.</param>
/// <param name="MaxMessageCharacters">Characters of a test's failure message kept (a submission's exception messages can be megabytes).</param>
/// <param name="TimeFactor">How many times the reference's own time (and longest silence) a test may take on the grading machine.
/// Correct styles shipped take up to 5 times the reference's time (a split through <c>DenseOfRows</c>), 2.5 times for explicit loops.</param>
/// <param name="TimeFloorSeconds">Seconds added to every derived limit: room for a garbage collection, the JIT or a busy machine in tests the reference runs in milliseconds.</param>
/// <param name="CompileSeconds">Seconds the compiler may spend binding a submission (after its own start-up); a file that takes longer is replaced by the handout's version.</param>
public sealed record GradingLimits(
    double TestTimeoutSeconds = 15,
    double BudgetSeconds = 480,
    double ProcessStartSeconds = 60,
    long HeapLimitBytes = 3L << 30,
    int MaxOutputCharacters = 10_000,
    int MaxZipEntries = 1_000,
    long MaxUncompressedBytes = 50L << 20,
    long MaxFileBytes = 1L << 20,
    double TotalPoints = 100,
    double CompileSeconds = 20,
    int MaxMessageCharacters = 4_000,
    double TimeFactor = 10,
    double TimeFloorSeconds = 2)
{
    /// <summary>The defaults.</summary>
    public static GradingLimits Default { get; } = new();

    /// <summary>
    /// These limits for <paramref name="concurrentGradings"/> gradings sharing this machine (<c>grade --jobs N</c>): the reference was
    /// measured alone, and a grading keeps about two cores busy, so with more gradings than half the cores each test may take
    /// proportionally longer.
    /// </summary>
    public GradingLimits SharedBy(int concurrentGradings)
    {
        double load = Math.Max(1.0, concurrentGradings * 2.0 / Environment.ProcessorCount);
        return this with { TimeFactor = TimeFactor * load, TimeFloorSeconds = TimeFloorSeconds * load };
    }
}
