using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Assignment1.TestRunner;

namespace Assignment1.Grader.Grading;

/// <summary>
/// Runs tests in a child runner process and survives whatever they do: a test that hangs is killed at its
/// time limit, one that exits or crashes the process fails with the reason, and in both cases a fresh
/// process carries on with the tests not yet run. Only lines carrying this run's nonce count as results.
/// A test that runs out of memory after other tests ran in the same process is run once more, first in a fresh process,
/// and its outcome there is its outcome: under the heap cap, the regions GC counts memory that earlier tests freed but it
/// kept committed (after a test that held 1.3 GB of batch-sized arrays, 1.3 GB of an empty 1.5 GB heap stayed committed
/// and the next test's 376 MB MNIST array could not be allocated), so only a fresh heap tells a test's own need.
/// Returning that memory before every test instead (a collection in the aggressive mode) made the reference's whole
/// run 40-55% slower here, as each test then faulted in its memory afresh.
/// </summary>
/// <param name="kitDirectory">The folder the runner runs from.</param>
/// <param name="testAssemblies">The test assemblies' bytes, handed to the runner on its standard input.</param>
/// <param name="limits">Time, memory and output limits.</param>
/// <param name="sandbox">How to confine the runner.</param>
/// <param name="environment">Extra environment variables for the runner (MNIST_DIR).</param>
/// <param name="readOnlyFolders">Folders besides the kit the runner may read (MNIST).</param>
/// <param name="kitProbe">
/// Asked when a process dies before saying anything: null when the kit starts on the handout's own skeleton (so the
/// submission is to blame), else why it does not (the grader is to blame, and grading stops). Null: always the submission.
/// </param>
public sealed class TestSupervisor(string kitDirectory, IReadOnlyList<byte[]> testAssemblies, GradingLimits limits, Sandbox sandbox,
    IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> readOnlyFolders, Func<string?>? kitProbe = null)
{
    private const string RunnerDll = "Assignment1.TestRunner.dll";

    /// <summary>How often the runner's memory is looked at while a test is silent.</summary>
    private static readonly TimeSpan MemoryWatchInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Growth of the runner's resident memory that counts as a sign of life: a tenth of a second or more of page faults
    /// on the 2-core VM CI runs on (a fresh 376 MB array took 1.3-1.9 s to fault in there).
    /// </summary>
    private const long MemoryGrowthThatCounts = 32L << 20;

    /// <summary>Lists the test cases of the kit, with their properties, by running the runner in --list mode.</summary>
    public IReadOnlyList<RunnerEvent> List()
    {
        using var process = Start(["--list"], out string nonce, out var lines, out var errors);
        var listed = new List<RunnerEvent>();
        while (Next(lines, nonce, TimeSpan.FromSeconds(limits.ProcessStartSeconds)) is { } e && e.Event != "done")
        {
            listed.Add(e);
        }
        Stop(process);
        if (listed.Count == 0)
        {
            throw new InvalidOperationException($"The test runner in {kitDirectory} listed no tests. Its error output: {string.Join("\n", errors)}");
        }
        return listed;
    }

    /// <summary>Runs <paramref name="tests"/> in order and returns one outcome per test, in the same order.</summary>
    public IReadOnlyList<TestOutcome> Run(IReadOnlyList<GradedTest> tests)
    {
        var outcomes = new Dictionary<string, TestOutcome>();
        var remaining = new Queue<GradedTest>(tests);
        var rerunOnAFreshHeap = new HashSet<string>();
        var budget = Stopwatch.StartNew();
        while (remaining.Count > 0)
        {
            if (budget.Elapsed.TotalSeconds >= limits.BudgetSeconds)
            {
                while (remaining.Count > 0)
                {
                    Record(outcomes, remaining, remaining.Peek(),
                        $"Not run: the grading time budget ({limits.BudgetSeconds:0} s) ran out, after earlier tests hung or ran far too long. Fix those first.");
                }
                break;
            }
            RunOneProcess(remaining, outcomes, rerunOnAFreshHeap, TimeSpan.FromSeconds(limits.BudgetSeconds) - budget.Elapsed);
        }
        return tests.Select(t => outcomes[t.FullName]).Select(o => rerunOnAFreshHeap.Contains(o.Test.FullName)
            ? o with { RanAgainOnAFreshHeap = true, Message = o.Passed ? o.Message : $"{o.Message}\n{TestOutcome.RanAgainNote}" }
            : o).ToList();
    }

    /// <summary>
    /// Runs tests from the front of <paramref name="remaining"/> in one process until it ends, hangs, dies or breaks
    /// the protocol. The supervisor accepts exactly one outcome per started test, in order: "started" for the next test
    /// in the queue, then "finished" for it, with "progress" beats anywhere (those of the running test reset its silence clock); any other event fails the test
    /// concerned and ends the process. A test fails as a hang when it outlives its time limit or stays silent (no start,
    /// beat or growth of the runner's resident memory by <see cref="MemoryGrowthThatCounts"/>) for longer than its silence
    /// limit. Memory growth counts because a new process (after any restart) faults in afresh what the reference's
    /// measurement, one warm process, reused: in CI a first load of MNIST after a restart went silent for 6-7 s where the
    /// reference had paused 0.1-0.5 s, while an infinite loop's memory stays flat.
    /// A death or hang before a test's "started" (a fixture's setup, a static constructor, the process start) is
    /// charged to the test about to run; grading carries on in a fresh process.
    /// </summary>
    private void RunOneProcess(Queue<GradedTest> remaining, Dictionary<string, TestOutcome> outcomes, HashSet<string> rerunOnAFreshHeap, TimeSpan budgetLeft)
    {
        var processClock = Stopwatch.StartNew();
        string namesFile = Path.Combine(kitDirectory, $"tests-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(namesFile, remaining.Select(t => t.FullName));
        using var process = Start(["--run", namesFile, "--max-output", limits.MaxOutputCharacters.ToString()], out string nonce, out var lines, out var errors);
        try
        {
            GradedTest? current = null;
            bool heardFromRunner = false;
            var clock = Stopwatch.StartNew();
            // Since the running test's last sign of life (its start, a progress beat or memory growth), and the longest such silence so far.
            var silence = Stopwatch.StartNew();
            double longestSilence = 0, setupSeconds = 0;
            // The lowest resident memory of the runner seen since the running test's last sign of life (null: not looked at yet).
            long? residentSinceSign = null;
            int testsStarted = 0;
            // True (and the test left at the front of the queue) when the test ran out of memory on a heap that earlier tests had used.
            bool RunAgainOnAFreshHeap(GradedTest test, string? why) =>
                testsStarted > 1 && RanOutOfMemory(why) && rerunOnAFreshHeap.Add(test.FullName);
            while (remaining.Count > 0)
            {
                var next = remaining.Peek();
                // Before a test starts: the process start (first test) or the next fixture's setup, with the test's own limit on top.
                var timeout = current is not null ? TimeSpan.FromSeconds(current.TimeoutSeconds) - clock.Elapsed
                    : TimeSpan.FromSeconds(next.TimeoutSeconds + (heardFromRunner ? 0 : limits.ProcessStartSeconds)) - clock.Elapsed;
                bool silenceBinds = false;
                if (current?.SilenceSeconds is double allowedSilence && TimeSpan.FromSeconds(allowedSilence) - silence.Elapsed < timeout)
                {
                    timeout = TimeSpan.FromSeconds(allowedSilence) - silence.Elapsed;
                    silenceBinds = true;
                }
                var left = budgetLeft - processClock.Elapsed;
                bool budgetBinds = left < timeout;
                timeout = budgetBinds ? left : timeout;
                // While a silence limit binds, the runner's memory is looked at every half second: growth is a sign of life.
                bool watchMemory = silenceBinds && !budgetBinds && timeout > MemoryWatchInterval;
                var e = Next(lines, nonce, watchMemory ? MemoryWatchInterval : timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero);
                if (e is null && watchMemory && !process.HasExited && !lines.IsCompleted)
                {
                    if (ProcessTreeMemory.ResidentBytes(process.Id) is long resident)
                    {
                        residentSinceSign = Math.Min(residentSinceSign ?? resident, resident);
                        if (resident - residentSinceSign >= MemoryGrowthThatCounts)
                        {
                            longestSilence = Math.Max(longestSilence, silence.Elapsed.TotalSeconds);
                            silence.Restart();
                            residentSinceSign = resident;
                        }
                    }
                    continue;
                }
                if (e is null)
                {
                    // Timed out, or the process ended without finishing (or starting) the test at hand.
                    var culprit = current ?? next;
                    bool exited = process.HasExited || lines.IsCompleted;
                    Stop(process);
                    if (exited && current is not null && RunAgainOnAFreshHeap(current, string.Join("\n", errors)))
                    {
                        return;
                    }
                    if (!heardFromRunner && kitProbe?.Invoke() is { } kitFault)
                    {
                        throw new InvalidOperationException($"The test runner failed to start, even on the handout's own skeleton: {kitFault}");
                    }
                    string when = current is null ? "before this test started (while setting it up: a static constructor, a field initializer or a fixture's setup that calls your code)" : "while this test ran";
                    Record(outcomes, remaining, culprit, exited
                        ? Crashed(process, errors, when)
                        : budgetBinds
                            ? $"Timed out: the grading time budget ({limits.BudgetSeconds:0} s) ran out {when}."
                            : silenceBinds
                                ? $"Timed out: the test made no progress for {culprit.SilenceSeconds:0.#} seconds {when}, where the reference solution "
                                  + "never pauses for more than a fraction of that (an infinite loop, or far too slow)."
                                : $"Timed out: the test did not finish within {culprit.TimeoutSeconds:0.#} seconds {when} (an infinite loop, or far too slow).");
                    return;
                }
                heardFromRunner = true;
                if (e.Event == "started" && current is null && e.Test == next.FullName)
                {
                    current = next;
                    testsStarted++;
                    setupSeconds = clock.Elapsed.TotalSeconds;
                    clock.Restart();
                    silence.Restart();
                    residentSinceSign = null;
                    longestSilence = 0;
                }
                else if (e.Event == "progress")
                {
                    // A beat only says the process is alive; one that crosses a test's start or end (NUnit may report those
                    // on another thread than the test's) is no breach of the protocol, and counts for nothing.
                    if (current is not null && e.Test == current.FullName)
                    {
                        longestSilence = Math.Max(longestSilence, silence.Elapsed.TotalSeconds);
                        silence.Restart();
                        residentSinceSign = null;
                    }
                }
                else if (e.Event == "finished" && current is not null && e.Test == current.FullName)
                {
                    bool passed = e.Outcome == "Passed";
                    if (!passed && RunAgainOnAFreshHeap(current, e.Message))
                    {
                        Stop(process);
                        return;
                    }
                    longestSilence = Math.Max(longestSilence, silence.Elapsed.TotalSeconds);
                    Record(outcomes, remaining, current, passed ? "" : e.Message ?? "", e.Output ?? "", e.Seconds ?? 0, passed, longestSilence, setupSeconds, finished: true);
                    current = null;
                    clock.Restart();
                    if (!passed && MayHavePoisonedTheProcess(e.Message))
                    {
                        Stop(process);
                        return;
                    }
                }
                else if (e.Event == "done" && current is null)
                {
                    break;
                }
                else
                {
                    Stop(process);
                    Record(outcomes, remaining, current ?? next,
                        $"The test process broke the grading protocol (it sent '{e.Event}' for another test than expected), so this test fails and a fresh process carries on.");
                    return;
                }
            }
            Stop(process);
            // Anything the runner skipped (an unknown name) fails rather than vanishing.
            while (remaining.Count > 0)
            {
                Record(outcomes, remaining, remaining.Peek(), "The test runner did not run this test.");
            }
        }
        finally
        {
            File.Delete(namesFile);
        }
    }

    private void Record(Dictionary<string, TestOutcome> outcomes, Queue<GradedTest> remaining, GradedTest test,
        string message, string output = "", double seconds = 0, bool passed = false, double longestSilence = 0, double setupSeconds = 0, bool finished = false)
    {
        // What the submission controls is capped here, by the grader: results.json stays small whatever it throws or prints.
        outcomes[test.FullName] = new TestOutcome(test, passed, Truncate(message, limits.MaxMessageCharacters),
            Truncate(output, limits.MaxOutputCharacters + 200), seconds, longestSilence, setupSeconds, finished);
        // Keep the queue in order: drop this test wherever it is.
        var rest = remaining.Where(t => t.FullName != test.FullName).ToList();
        remaining.Clear();
        rest.ForEach(remaining.Enqueue);
    }

    private static bool MayHavePoisonedTheProcess(string? message) =>
        RanOutOfMemory(message) || message?.Contains("InsufficientExecutionStackException", StringComparison.Ordinal) == true;

    /// <summary>
    /// Whether a failure message or a dead process's error output says it ran out of memory: an
    /// <see cref="OutOfMemoryException"/>, or the runtime's fatal "Out of memory." when it cannot even throw one.
    /// </summary>
    private static bool RanOutOfMemory(string? text) =>
        text is not null && (text.Contains(nameof(OutOfMemoryException), StringComparison.Ordinal) || text.Contains("Out of memory", StringComparison.OrdinalIgnoreCase));

    private static string Crashed(Process process, ConcurrentQueue<string> errors, string when)
    {
        process.WaitForExit(5000);
        string code = process.HasExited ? process.ExitCode.ToString() : "unknown";
        string allErrors = string.Join("\n", errors);
        string stderr = string.Join("\n", errors.Take(3));
        string why = allErrors.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase) ? "a stack overflow (unbounded recursion?)"
            : RanOutOfMemory(allErrors) ? "running out of memory (OutOfMemoryException)"
            : allErrors.Contains("TypeInitializationException", StringComparison.Ordinal) ? "an exception in a static constructor or field initializer"
            : "the process exiting (Environment.Exit, a crash, or a kill)";
        return $"Crashed: the test process ended {when}, with exit code {code}, most likely from {why}. "
             + (stderr.Length > 0 ? $"Last error output:\n{Truncate(stderr, 1000)}" : "");
    }

    private Process Start(IEnumerable<string> arguments, out string nonce, out BlockingCollection<string> lines, out ConcurrentQueue<string> errors)
    {
        var childEnvironment = new Dictionary<string, string>(environment)
        {
            ["DOTNET_GCHeapHardLimit"] = "0x" + limits.HeapLimitBytes.ToString("X"),
            ["DOTNET_gcServer"] = "0",
            // Tiered PGO stays on (the default): switching it off made a 10-epoch two-layer training 30% slower and
            // doubled its peak memory (32 s and 4.5 GB against 25 s and 2.1 GB, measured with the training CLI).
        };
        var start = sandbox.Wrap(Build.DotnetHost.Path, arguments.Prepend(Path.Combine(kitDirectory, RunnerDll)), kitDirectory, readOnlyFolders, childEnvironment);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the test runner.");
        nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        try
        {
            process.StandardInput.WriteLine(nonce);
            foreach (byte[] assembly in testAssemblies)
            {
                process.StandardInput.WriteLine("assembly " + Convert.ToBase64String(assembly));
            }
            process.StandardInput.WriteLine("end");
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process ended before reading its input (the runner could not start): it sends no events, so the
            // caller reports it as a process that never started, with its error output, instead of "Broken pipe".
        }

        var collected = new BlockingCollection<string>(boundedCapacity: 10_000);
        var errorLines = new ConcurrentQueue<string>();
        var stdout = process.StandardOutput;
        _ = Task.Run(() =>
        {
            try
            {
                while (stdout.ReadLine() is { } line)
                {
                    collected.Add(line);
                }
            }
            finally
            {
                collected.CompleteAdding();
            }
        });
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && errorLines.Count < 200)
            {
                errorLines.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();
        (lines, errors) = (collected, errorLines);
        return process;
    }

    /// <summary>The next authentic event, or null when <paramref name="timeout"/> passes or the process ends first.</summary>
    private static RunnerEvent? Next(BlockingCollection<string> lines, string nonce, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var left = timeout - deadline.Elapsed;
            if (left < TimeSpan.Zero || !lines.TryTake(out string? line, left))
            {
                return null;
            }
            if (!line.StartsWith(nonce + " ", StringComparison.Ordinal))
            {
                continue;
            }
            try
            {
                return JsonSerializer.Deserialize<RunnerEvent>(line[(nonce.Length + 1)..], RunnerEvent.Json);
            }
            catch (JsonException)
            {
                continue;
            }
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static string Truncate(string text, int max) =>
        text.Length <= max ? text : text[..max] + $"… ({text.Length - max:N0} more characters not shown)";
}
