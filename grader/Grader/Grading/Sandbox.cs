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
/// Every level starts the child with a clean environment, no core dumps and a cap on file sizes. A level that does
/// not work here is skipped, never fatal; the level used is reported in the results.
/// </summary>
public sealed class Sandbox
{
    private const string Limits = "ulimit -c 0; ulimit -f 204800; exec \"$@\"";

    private readonly string _hiddenRoot;

    private Sandbox(string level, string hiddenRoot) => (Level, _hiddenRoot) = (level, hiddenRoot);

    /// <summary>bubblewrap, unshare or rlimits.</summary>
    public string Level { get; }

    /// <summary>The strongest level that works on this machine; <paramref name="hiddenRoot"/> is the folder to hide (the course repository).</summary>
    public static Sandbox Detect(string hiddenRoot)
    {
        var candidates = new[] { "bubblewrap", "unshare" };
        string forced = Environment.GetEnvironmentVariable("ASSIGNMENT1_SANDBOX") ?? "";
        foreach (string level in candidates.Where(l => forced == "" || forced == l))
        {
            var sandbox = new Sandbox(level, hiddenRoot);
            if (sandbox.Works())
            {
                return sandbox;
            }
        }
        return new Sandbox("rlimits", hiddenRoot);
    }

    /// <summary>A start description for <paramref name="program"/> confined at this level, with <paramref name="readOnlyFolders"/> visible (and <paramref name="workingDirectory"/>, read-only).</summary>
    public ProcessStartInfo Wrap(string program, IEnumerable<string> arguments, string workingDirectory,
        IEnumerable<string> readOnlyFolders, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Level == "rlimits" ? "sh" : Level == "unshare" ? "unshare" : "bwrap") { WorkingDirectory = workingDirectory };
        var args = start.ArgumentList;
        if (Level == "bubblewrap")
        {
            foreach (string a in new[] { "--unshare-all", "--die-with-parent", "--new-session", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp" })
            {
                args.Add(a);
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
        if (Level != "rlimits")
        {
            args.Add("sh");
        }
        args.Add("-c");
        args.Add(Limits);
        args.Add("sh");
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
