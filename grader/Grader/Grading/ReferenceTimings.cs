using System.Security.Cryptography;
using System.Text.Json;

namespace Assignment1.Grader.Grading;

/// <summary>
/// How long the reference solution takes on each test, on the grading machine, measured once per kit build
/// (<c>grader build</c>, or the first grading after a build). Every test's limits derive from it:
/// <list type="bullet">
/// <item>time limit = floor + factor × the reference's seconds (its fixture's setup included);</item>
/// <item>silence limit = floor + factor × the reference's longest silence (the longest it went without a sign of life:
/// its start, a progress beat of the suites' <c>Liveness</c>, its end).</item>
/// </list>
/// A slow machine measures slow times and so grants long limits; a submission that hangs fails within seconds instead
/// of waiting out a fixed limit on every test that calls the hanging method.
/// </summary>
/// <param name="KitFingerprint">SHA-256 of the kit's assemblies: a rebuilt kit (new tests, new reference) is measured again.</param>
/// <param name="MeasuredAt">When the measurement ran.</param>
/// <param name="Tests">Per test's full name, what the reference took.</param>
public sealed record ReferenceTimings(string KitFingerprint, DateTimeOffset MeasuredAt, IReadOnlyDictionary<string, TestTiming> Tests)
{
    /// <summary>The file in the kit's folder that holds the measurement.</summary>
    public const string FileName = "reference-timings.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The measurement stored in <paramref name="kitDirectory"/>, or null when there is none or it belongs to another build.</summary>
    public static ReferenceTimings? Read(string kitDirectory)
    {
        string path = Path.Combine(kitDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            var timings = JsonSerializer.Deserialize<ReferenceTimings>(File.ReadAllText(path), Json);
            return timings is not null && timings.KitFingerprint == Fingerprint(kitDirectory) ? timings : null;
        }
        catch (JsonException)
        {
            return null; // a damaged file is measured again
        }
    }

    /// <summary>
    /// Runs every test of <paramref name="kit"/> on the reference solution the kit was built with (trusted code: no sandbox,
    /// the shipped heap cap) and returns what each took. Every test must pass: a reference that fails here cannot set limits.
    /// </summary>
    /// <exception cref="InvalidOperationException">A test fails on the reference.</exception>
    public static ReferenceTimings Measure(TestKit kit, GradingLimits limits, string mnistDirectory)
    {
        var supervisor = new TestSupervisor(kit.Directory, kit.TestAssemblies(), limits with { BudgetSeconds = TimeSpan.FromDays(1).TotalSeconds }, Sandbox.ForTrustedCode,
            new Dictionary<string, string> { ["MNIST_DIR"] = mnistDirectory }, [mnistDirectory]);
        var outcomes = supervisor.Run(kit.Tests);
        var failed = outcomes.Where(o => !o.Passed).ToList();
        if (failed.Count > 0)
        {
            throw new InvalidOperationException(
                $"The reference solution fails {failed.Count} test(s) of the kit in {kit.Directory}, so the kit's time limits cannot be measured: "
                + string.Join("; ", failed.Take(3).Select(o => $"{o.Test.Number} {o.Test.DisplayName}: {o.Message.Split('\n')[0]}"))
                + $". Is MNIST complete in {mnistDirectory}? Rebuild with ./grader/grader build.");
        }
        return new ReferenceTimings(Fingerprint(kit.Directory), DateTimeOffset.UtcNow,
            outcomes.ToDictionary(o => o.Test.FullName, o => new TestTiming(o.SetupSeconds + o.Seconds, o.LongestSilenceSeconds)));
    }

    /// <summary>Stores the measurement in <paramref name="kitDirectory"/> (written whole, then renamed, so a reader never sees half a file).</summary>
    public void Write(string kitDirectory)
    {
        string path = Path.Combine(kitDirectory, FileName);
        string partial = path + $".{Environment.ProcessId}.tmp";
        File.WriteAllText(partial, JsonSerializer.Serialize(this, Json));
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>
    /// <paramref name="test"/> with the limits derived from the reference's time on it; unchanged when the test was not measured.
    /// </summary>
    public GradedTest LimitsFor(GradedTest test, GradingLimits limits) =>
        Tests.TryGetValue(test.FullName, out var timing)
            ? test with
            {
                TimeoutSeconds = limits.TimeFloorSeconds + limits.TimeFactor * Math.Max(timing.Seconds, timing.LongestSilenceSeconds),
                SilenceSeconds = limits.TimeFloorSeconds + limits.TimeFactor * timing.LongestSilenceSeconds,
            }
            : test;

    /// <summary>SHA-256 over the names and bytes of the kit's assemblies, in ordinal order of names.</summary>
    public static string Fingerprint(string kitDirectory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string file in Directory.EnumerateFiles(kitDirectory, "*.dll").Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}

/// <summary>What the reference took on one test.</summary>
/// <param name="Seconds">Its fixture's setup (the grader's clock) and its body (NUnit's).</param>
/// <param name="LongestSilenceSeconds">The longest interval without a sign of life (start, beat, memory growth, end), as the grader's clock saw it.</param>
public sealed record TestTiming(double Seconds, double LongestSilenceSeconds);
