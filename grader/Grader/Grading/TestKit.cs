using Assignment1.TestRunner;

namespace Assignment1.Grader.Grading;

/// <summary>
/// The built test runner with the suites, their dependencies and fixtures (grader/Runner built with the
/// reference solution), and the graded tests it holds, listed with the trusted reference assembly in place.
/// </summary>
public sealed class TestKit
{
    /// <summary>The test assemblies a kit may hold; they are handed to the runner as bytes and never copied into a submission's sandbox.</summary>
    public static readonly IReadOnlyList<string> TestAssemblyNames = ["Assignment1.Tests", "Assignment1.PrivateTests"];

    private TestKit(string directory, IReadOnlyList<GradedTest> tests) => (Directory, Tests) = (directory, tests);

    /// <summary>The bytes of the test assemblies in the kit.</summary>
    public IReadOnlyList<byte[]> TestAssemblies() => TestAssemblyFiles(Directory).Select(File.ReadAllBytes).ToList();

    /// <summary>Copies the kit to <paramref name="target"/> without its test assemblies (nor their PDBs or manifest entries).</summary>
    public void CopyWithoutTests(string target)
    {
        foreach (string folder in System.IO.Directory.EnumerateDirectories(Directory, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(Directory, folder);
            if (!ForAnotherPlatform(relative))
            {
                System.IO.Directory.CreateDirectory(Path.Combine(target, relative));
            }
        }
        System.IO.Directory.CreateDirectory(target);
        var excluded = TestAssemblyNames.SelectMany(n => new[] { n + ".dll", n + ".pdb", n + ".xml", n + ".deps.json", n + ".runtimeconfig.json" }).ToHashSet();
        foreach (string file in System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(Directory, file);
            if (!excluded.Contains(relative) && !ForAnotherPlatform(relative))
            {
                File.Copy(file, Path.Combine(target, relative));
            }
        }
        RemoveFromManifest(Path.Combine(target, "Assignment1.TestRunner.deps.json"));
    }

    /// <summary>
    /// Native assets of other platforms (<c>runtimes/win-x64/…</c>, <c>runtimes/osx/…</c>: SkiaSharp ships fifteen, 150 MB)
    /// are never loaded here, so a submission's copy leaves them out (a folder under runtimes/ or a file in one). Kept:
    /// this machine's RID, its OS and <c>unix</c>.
    /// </summary>
    internal static bool ForAnotherPlatform(string relativePath)
    {
        string[] parts = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (parts.Length < 2 || parts[0] != "runtimes")
        {
            return false;
        }
        string rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        return parts[1] != rid && parts[1] != rid.Split('-')[0] && parts[1] != "unix";
    }

    private static IEnumerable<string> TestAssemblyFiles(string directory) =>
        TestAssemblyNames.Select(n => Path.Combine(directory, n + ".dll")).Where(File.Exists);

    /// <summary>The host refuses to start when its manifest names an assembly that is not there: drop the test assemblies from it.</summary>
    private static void RemoveFromManifest(string depsJson)
    {
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(depsJson))!;
        foreach (var target in manifest["targets"]!.AsObject())
        {
            foreach (var library in target.Value!.AsObject())
            {
                if (library.Value?["runtime"] is System.Text.Json.Nodes.JsonObject runtime)
                {
                    foreach (string name in TestAssemblyNames)
                    {
                        runtime.Remove(name + ".dll");
                    }
                }
            }
        }
        File.WriteAllText(depsJson, manifest.ToJsonString());
    }

    /// <summary>The kit's folder; copied per submission.</summary>
    public string Directory { get; }

    /// <summary>Every graded test case, in run order.</summary>
    public IReadOnlyList<GradedTest> Tests { get; }

    /// <summary>The same kit restricted to the tests <paramref name="keep"/> selects (for fast, focused gradings in tests).</summary>
    public TestKit Only(Func<GradedTest, bool> keep) => new(Directory, Tests.Where(keep).ToList());

    /// <summary>The same kit with each test passed through <paramref name="change"/> (for the grader's own tests: room for deliberately slow code).</summary>
    internal TestKit Select(Func<GradedTest, GradedTest> change) => new(Directory, Tests.Select(change).ToList());

    /// <summary>
    /// Lists the tests of the kit in <paramref name="directory"/> and checks their grading metadata; their limits are derived
    /// from the kit's reference timings when it has a current measurement, else the declared ones.
    /// </summary>
    /// <exception cref="InvalidOperationException">A test lacks metadata, numbers repeat, or the points do not add up.</exception>
    public static TestKit Load(string directory, GradingLimits limits) =>
        Listed(directory, limits).WithLimitsFrom(ReferenceTimings.Read(directory), limits);

    /// <summary>
    /// Loads the kit in <paramref name="directory"/> with every test's limits derived from the reference's own time on this
    /// machine, measuring it first (about a minute, once per kit build) when the kit has no current measurement.
    /// </summary>
    /// <param name="directory">The kit's folder.</param>
    /// <param name="limits">The limits, with the factor and floor the derived ones use.</param>
    /// <param name="mnistDirectory">MNIST, which the measured tests load.</param>
    /// <param name="log">Told when a measurement starts and ends.</param>
    public static TestKit LoadMeasured(string directory, GradingLimits limits, string mnistDirectory, Action<string> log)
    {
        var listed = Listed(directory, limits);
        var timings = ReferenceTimings.Read(directory);
        if (timings is null)
        {
            lock (MeasuringGate)
            {
                timings = ReferenceTimings.Read(directory);
                if (timings is null)
                {
                    log("Measuring the reference solution's time on every test, once per kit build, to set the tests' time limits…");
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    timings = ReferenceTimings.Measure(listed, limits, mnistDirectory);
                    timings.Write(directory);
                    log($"Measured in {clock.Elapsed.TotalSeconds:0} s; stored in {Path.Combine(directory, ReferenceTimings.FileName)}.");
                }
            }
        }
        return listed.WithLimitsFrom(timings, limits);
    }

    private static readonly Lock MeasuringGate = new();

    /// <summary>The kit's tests as the runner lists them, with their declared limits.</summary>
    private static TestKit Listed(string directory, GradingLimits limits)
    {
        if (!File.Exists(Path.Combine(directory, "Assignment1.TestRunner.dll")))
        {
            throw new InvalidOperationException($"No test kit in '{directory}'. Build it with ./grader/grader (it builds the kit on first use).");
        }
        // The listing runs only trusted code (the reference build and the suites), so it needs no sandbox.
        var listed = new TestSupervisor(directory, TestAssemblyFiles(directory).Select(File.ReadAllBytes).ToList(), limits,
            Sandbox.ForTrustedCode, new Dictionary<string, string>(), []).List();
        return new TestKit(directory, ToGradedTests(listed, limits));
    }

    /// <summary>This kit with the limits <paramref name="timings"/> derive; unchanged without a measurement.</summary>
    private TestKit WithLimitsFrom(ReferenceTimings? timings, GradingLimits limits) =>
        timings is null ? this : new TestKit(Directory, Tests.Select(t => timings.LimitsFor(t, limits)).ToList());

    /// <summary>Turns the runner's listing into graded tests; refuses a suite whose metadata is missing or inconsistent.</summary>
    internal static IReadOnlyList<GradedTest> ToGradedTests(IReadOnlyList<RunnerEvent> listed, GradingLimits limits)
    {
        var problems = new List<string>();
        var tests = new List<GradedTest>();
        foreach (var group in listed.GroupBy(e => e.Properties?.GetValueOrDefault("Number") ?? ""))
        {
            int index = 0;
            foreach (var e in group)
            {
                var p = e.Properties ?? new Dictionary<string, string>();
                if (group.Key == "" || !p.TryGetValue("Points", out string? points) || !p.TryGetValue("DisplayName", out string? name)
                    || !double.TryParse(points, System.Globalization.CultureInfo.InvariantCulture, out double value) || value < 0)
                {
                    problems.Add($"{e.Test} has no complete [Graded(number, points, name)] attribute.");
                    continue;
                }
                bool several = group.Count() > 1;
                string firstArgument = (e.Arguments ?? "").Split(',')[0].Trim('"');
                tests.Add(new GradedTest(
                    e.Test,
                    several ? $"{group.Key}.{++index}" : group.Key,
                    several ? $"{name} [{firstArgument}]" : name,
                    value,
                    p.GetValueOrDefault("Visibility") ?? "visible",
                    double.TryParse(p.GetValueOrDefault("TimeoutSeconds"), System.Globalization.CultureInfo.InvariantCulture, out double timeout) ? timeout : limits.TestTimeoutSeconds,
                    Confirms: p.GetValueOrDefault("Confirms")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            }
        }
        double total = tests.Sum(t => t.Points);
        if (Math.Abs(total - limits.TotalPoints) > 1e-9)
        {
            problems.Add($"The tests' points add up to {total}, not {limits.TotalPoints}.");
        }
        foreach (var duplicate in tests.GroupBy(t => t.Number).Where(g => g.Count() > 1))
        {
            problems.Add($"Test number {duplicate.Key} is used by {string.Join(", ", duplicate.Select(t => t.FullName))}.");
        }
        foreach (var check in tests.Where(t => t.Confirms is { Count: > 0 }))
        {
            foreach (string number in check.Confirms!.Where(n => !tests.Any(t => t.Visibility == "visible" && GradedTest.Names(n, t))))
            {
                problems.Add($"{check.FullName} confirms test {number}, which is not a visible test of the suites.");
            }
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The test suites' grading metadata is inconsistent:\n  " + string.Join("\n  ", problems));
        }
        return tests.OrderBy(t => t.Number, NumberComparer.Instance).ToList();
    }

    /// <summary>Orders "1.10" after "1.9".</summary>
    private sealed class NumberComparer : IComparer<string>
    {
        public static readonly NumberComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            int[] a = Parts(x), b = Parts(y);
            for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                if (a[i] != b[i])
                {
                    return a[i].CompareTo(b[i]);
                }
            }
            return a.Length.CompareTo(b.Length);
        }

        private static int[] Parts(string? number) =>
            (number ?? "").Split('.').Select(p => int.TryParse(p, out int n) ? n : int.MaxValue).ToArray();
    }
}
