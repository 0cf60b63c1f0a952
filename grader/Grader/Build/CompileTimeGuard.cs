using System.Diagnostics;
using System.Text.Json;

namespace Assignment1.Grader.Build;

/// <summary>
/// Decides whether the compiler binds a set of submitted files within a time limit, by binding them in a child
/// process that is killed at the limit. Roslyn does not stop binding when cancelled (a nested-lambda overload bomb
/// kept a core busy long after its cancellation token fired), so an in-process limit would leave a thread spinning
/// for the rest of a bulk run and slow every later submission's tests. Once a set is known to bind in time, the
/// grader compiles it in its own process as usual.
/// </summary>
/// <param name="studentDirectory">The grader's student/ folder (its provided files).</param>
/// <param name="todoFiles">The TODO files, relative to student/.</param>
/// <param name="kitDirectory">The test kit, with the recorded build options.</param>
/// <param name="warmUp">Files the child binds first, untimed (the handout's), so that the limit measures the submission's binding and not the compiler's own start-up and JIT.</param>
public sealed class CompileTimeGuard(string studentDirectory, IReadOnlyList<string> todoFiles, string kitDirectory, IReadOnlyDictionary<string, string> warmUp)
{
    /// <summary>The hidden grader command the child runs.</summary>
    public const string Command = "bind-check";

    /// <summary>Managed heap cap of the child: binding five small files needs a fraction of it.</summary>
    private const long ChildHeapBytes = 2L << 30;

    /// <summary>Seconds the child may take to start and bind the warm-up files before the grader reports itself at fault.</summary>
    private const double StartSeconds = 180;

    private readonly object _oneCheckAtATime = new();
    private Process? _child;
    private bool _childReady;

    /// <summary>The process id of the last child started (for tests: once killed, it must be gone when the check returns).</summary>
    internal int LastChildId { get; private set; }

    /// <summary>
    /// True when the compiler binds <paramref name="sources"/> (path under student/ → text, one per TODO file)
    /// within <paramref name="limitSeconds"/> and the child's memory cap; false when it does not. The child stays
    /// warm between checks (starting one costs seconds) and is killed, then replaced, when a check fails.
    /// Thread-safe: checks run one at a time.
    /// </summary>
    /// <exception cref="InvalidOperationException">The child failed to start or to bind the warm-up files: a fault of the grader or the machine, not of the submission.</exception>
    public bool BindsInTime(IReadOnlyDictionary<string, string> sources, double limitSeconds)
    {
        lock (_oneCheckAtATime)
        {
            var child = _child ??= Launch();
            if (!_childReady)
            {
                _child = null;
                AwaitReady(child);
                (_child, _childReady) = (child, true);
            }
            child.StandardInput.WriteLine(JsonSerializer.Serialize(sources));
            child.StandardInput.Flush();
            if (ReadLine(child, limitSeconds) == "bound")
            {
                return true;
            }
            Stop(child);
            (_child, _childReady) = (null, false);
            return false;
        }
    }

    /// <summary>
    /// Starts the child and its warm-up without waiting for it (a couple of seconds of the compiler's start-up and JIT), so
    /// that it overlaps whatever the grader does before its first check. Does nothing when a child is already there.
    /// </summary>
    public void StartWarmingUp()
    {
        lock (_oneCheckAtATime)
        {
            _child ??= Launch();
        }
    }

    /// <summary>Starts the child process and sends it its setup; <see cref="AwaitReady"/> waits for its warm-up.</summary>
    private Process Launch()
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { typeof(CompileTimeGuard).Assembly.Location, Command },
            Environment = { ["DOTNET_GCHeapHardLimit"] = "0x" + ChildHeapBytes.ToString("X"), ["DOTNET_gcServer"] = "0" },
        };
        var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the grader's compile check.");
        LastChildId = child.Id;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        child.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && errors.Count < 50)
            {
                errors.Enqueue(e.Data);
            }
        };
        child.BeginErrorReadLine();
        child.StandardInput.WriteLine(JsonSerializer.Serialize(new Setup(studentDirectory, kitDirectory, todoFiles, warmUp)));
        child.StandardInput.Flush();
        _childErrors = errors;
        return child;
    }

    private System.Collections.Concurrent.ConcurrentQueue<string> _childErrors = new();

    /// <summary>Waits until <paramref name="child"/> has bound the warm-up files; stops it and throws when it does not in time.</summary>
    private void AwaitReady(Process child)
    {
        if (ReadLine(child, StartSeconds) != "ready")
        {
            Stop(child);
            throw new InvalidOperationException($"The grader's compile check did not start within {StartSeconds} s on the handout's own files. Its error output: "
                                                + (_childErrors.IsEmpty ? "none." : string.Join("\n", _childErrors)));
        }
    }

    /// <summary>
    /// The child's side, on standard input and output: a <see cref="Setup"/> line, then "ready" once the warm-up
    /// files are bound; then, for each line of sources, "bound" once they are. Ends when its input does (the grader
    /// exited or gave up on it).
    /// </summary>
    public static int Run()
    {
        var setup = JsonSerializer.Deserialize<Setup>(Console.In.ReadLine() ?? "null")
                    ?? throw new InvalidOperationException("The compile check received no setup line.");
        var compiler = new StudentCompiler(setup.StudentDirectory, setup.TodoFiles.ToList(), setup.KitDirectory);
        Bind(compiler, setup.WarmUp);
        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        while (Console.In.ReadLine() is { } line)
        {
            Bind(compiler, JsonSerializer.Deserialize<Dictionary<string, string>>(line)!);
            Console.Out.WriteLine("bound");
            Console.Out.Flush();
        }
        return 0;
    }

    /// <summary>Binds the declarations and the method bodies of <paramref name="files"/>; the provided files' bodies are not the submission's and need no timing.</summary>
    private static void Bind(StudentCompiler compiler, IReadOnlyDictionary<string, string> files)
    {
        var trees = files.Select(f => compiler.Parse(f.Key, f.Value)).ToList();
        var compilation = compiler.Compile(trees);
        compilation.GetDeclarationDiagnostics();
        foreach (var tree in trees)
        {
            compilation.GetSemanticModel(tree).GetMethodBodyDiagnostics();
        }
    }

    private static string? ReadLine(Process child, double seconds)
    {
        var line = child.StandardOutput.ReadLineAsync();
        return line.Wait(TimeSpan.FromSeconds(seconds)) ? line.Result : null;
    }

    private static void Stop(Process child)
    {
        if (!child.HasExited)
        {
            child.Kill(entireProcessTree: true);
        }
        child.WaitForExit();
        child.Dispose();
    }

    /// <summary>What the child compiles against, and the files it binds first.</summary>
    private sealed record Setup(
        string StudentDirectory,
        string KitDirectory,
        IReadOnlyList<string> TodoFiles,
        IReadOnlyDictionary<string, string> WarmUp);
}
