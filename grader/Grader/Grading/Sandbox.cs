using System.Diagnostics;

namespace Assignment1.Grader.Grading;

/// <summary>
/// How the test process is confined, strongest available first:
/// <list type="bullet">
/// <item><b>bubblewrap</b>: new namespaces (no network, own PIDs), a read-only view of the system, a private
/// empty /tmp and home, the course repository hidden (reference solution, private test sources), and only the
/// submission's kit copy and MNIST mounted back, read-only;</item>
/// <item><b>unshare</b>: no network, where bubblewrap cannot run (for example in a container without user namespaces);</item>
/// <item><b>rlimits</b>: neither is available; limits only.</item>
/// </list>
/// Every level starts the child with a clean environment, no core dumps and a cap on file sizes, and, when the
/// grader runs as root (Gradescope's does), as the unprivileged user nobody (65534). Bubblewrap is the default; a weaker
/// level is used only when course staff ask for it by name (<c>--isolation unshare</c>), never as a quiet fallback.
/// The level used is printed and written in every results.json and feedback.
/// </summary>
public sealed class Sandbox
{
    /// <summary>The levels, strongest first.</summary>
    public static readonly IReadOnlyList<string> Levels = ["bubblewrap", "unshare", "rlimits"];

    /// <summary>The unprivileged user (and group) the test process runs as when the grader is root.</summary>
    public const int Nobody = 65534;

    /// <summary>The bubblewrap program: <c>ASSIGNMENT1_BWRAP</c> when set (a copy installed elsewhere), else bwrap on the PATH.</summary>
    private static string Bubblewrap => Environment.GetEnvironmentVariable("ASSIGNMENT1_BWRAP") is { Length: > 0 } path ? path : "bwrap";

    private const string Limits = "ulimit -c 0; ulimit -f 204800; exec \"$@\"";

    private readonly string _hiddenRoot;

    private Sandbox(string level, string hiddenRoot) => (Level, _hiddenRoot) = (level, hiddenRoot);

    /// <summary>bubblewrap, unshare or rlimits.</summary>
    public string Level { get; }

    /// <summary>
    /// The level asked for (<paramref name="requested"/>, else the <c>ASSIGNMENT1_SANDBOX</c> environment variable, else
    /// bubblewrap), checked to work here; <paramref name="hiddenRoot"/> is the folder to hide (the course repository).
    /// </summary>
    /// <exception cref="SandboxUnavailableException">That level does not work on this machine, or no such level exists.</exception>
    public static Sandbox Detect(string hiddenRoot, string? requested = null)
    {
        string level = requested
            ?? (Environment.GetEnvironmentVariable("ASSIGNMENT1_SANDBOX") is { Length: > 0 } named ? named : "bubblewrap");
        if (!Levels.Contains(level))
        {
            throw new SandboxUnavailableException($"There is no isolation level '{level}': use {string.Join(", ", Levels)}.");
        }
        var sandbox = new Sandbox(level, hiddenRoot);
        if (sandbox.Works())
        {
            return sandbox;
        }
        throw new SandboxUnavailableException(level == "bubblewrap"
            ? "bubblewrap cannot run on this machine, so submissions cannot be isolated as they should be. Install it (apt-get install bubblewrap); "
              + "in a container, user namespaces may also need to be allowed. To grade with weaker isolation anyway, ask for it by name: "
              + "--isolation unshare (no network; files readable by everyone stay readable) or --isolation rlimits (limits only). See the README's isolation section."
            : $"The isolation level '{level}' does not work on this machine ({(level == "unshare" ? "unshare --net needs root or user namespaces" : "sh is missing")}).");
    }

    /// <summary>
    /// No confinement beyond a clean environment and the limits, as the grader's own user: only for running trusted
    /// code (listing the kit's tests with the reference build), never for a submission.
    /// </summary>
    public static Sandbox ForTrustedCode { get; } = new("none", "/nonexistent");

    /// <summary>Whether the grader runs as root, so that the test process must drop to <see cref="Nobody"/>.</summary>
    private static bool RunningAsRoot => Environment.IsPrivilegedProcess;

    /// <summary>A start description for <paramref name="program"/> confined at this level, with <paramref name="readOnlyFolders"/> visible (and <paramref name="workingDirectory"/>, read-only).</summary>
    public ProcessStartInfo Wrap(string program, IEnumerable<string> arguments, string workingDirectory,
        IEnumerable<string> readOnlyFolders, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Level is "rlimits" or "none" ? "sh" : Level == "unshare" ? "unshare" : Bubblewrap) { WorkingDirectory = workingDirectory };
        var args = start.ArgumentList;
        if (Level == "bubblewrap")
        {
            foreach (string a in new[] { "--unshare-all", "--die-with-parent", "--new-session", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp" })
            {
                args.Add(a);
            }
            if (RunningAsRoot)
            {
                foreach (string a in new[] { "--unshare-user", "--uid", $"{Nobody}", "--gid", $"{Nobody}" })
                {
                    args.Add(a);
                }
            }
            foreach (string hidden in new[] { "/root", "/home", _hiddenRoot }.Where(Directory.Exists).Distinct())
            {
                args.Add("--tmpfs");
                args.Add(hidden);
            }
            foreach (string folder in readOnlyFolders.Append(workingDirectory).Where(Directory.Exists).Select(Path.GetFullPath).Distinct())
            {
                args.Add("--ro-bind");
                args.Add(folder);
                args.Add(folder);
            }
            args.Add("--chdir");
            args.Add(workingDirectory);
            args.Add("--");
        }
        else if (Level == "unshare")
        {
            args.Add("--net");
            args.Add("--");
        }
        if (Level is not ("rlimits" or "none"))
        {
            args.Add("sh");
        }
        args.Add("-c");
        args.Add(Limits);
        args.Add("sh");
        if (RunningAsRoot && Level is "unshare" or "rlimits")
        {
            foreach (string a in new[] { "setpriv", $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--" })
            {
                args.Add(a);
            }
        }
        args.Add(program);
        foreach (string argument in arguments)
        {
            args.Add(argument);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["HOME"] = "/tmp";
        start.Environment["TMPDIR"] = "/tmp";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } root)
        {
            start.Environment["DOTNET_ROOT"] = root;
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    private bool Works()
    {
        try
        {
            var start = Wrap("true", [], Path.GetTempPath(), [], new Dictionary<string, string>());
            start.RedirectStandardError = true;
            start.RedirectStandardOutput = true;
            using var process = Process.Start(start);
            if (process is null || !process.WaitForExit(10_000))
            {
                process?.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>The isolation level asked for cannot be used here; the message says what to do.</summary>
public sealed class SandboxUnavailableException(string message) : InvalidOperationException(message);
