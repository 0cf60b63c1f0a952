using System.Diagnostics;
using System.Text.Json;

namespace Assignment1.Bench;

/// <summary>
/// The NumPy side of <c>bench compare</c>: finds a Python with NumPy (installing Debian's python3-numpy with OpenBLAS
/// when it can), and runs <c>bench/numpy/original_training.py</c>, the original's training written in NumPy.
/// </summary>
public static class NumpySide
{
    private static readonly string[] Candidates = ["python3", "/usr/bin/python3", "python"];

    /// <summary>
    /// A Python that imports NumPy, or null; <paramref name="note"/> says what was found, installed, or what to do.
    /// With <paramref name="requested"/> (the <c>--python</c> option) only that interpreter is tried and nothing is
    /// installed: the user chose it, perhaps a virtual environment, and a system package would not reach it.
    /// </summary>
    public static string? FindPython(string? requested, out string note)
    {
        if (requested is not null)
        {
            if (HasNumpy(requested))
            {
                note = $"NumPy found: {requested} (--python)";
                return requested;
            }
            note = $"NumPy not found: {requested} (--python) {(CanRun(requested) ? "cannot import numpy" : "could not be run")}, so only this "
                 + $"project's side was measured. Install NumPy into that Python ({requested} -m pip install numpy), or leave out --python.";
            return null;
        }
        if (Candidates.FirstOrDefault(HasNumpy) is { } found)
        {
            note = $"NumPy found: {found}";
            return found;
        }
        if (Environment.IsPrivilegedProcess && File.Exists("/usr/bin/apt-get"))
        {
            Console.Error.WriteLine("NumPy not found: installing python3-numpy and libopenblas0-pthread with apt-get ...");
            var install = Run("/usr/bin/apt-get", ["install", "-y", "-qq", "python3-numpy", "libopenblas0-pthread"], new() { ["DEBIAN_FRONTEND"] = "noninteractive" });
            if (install.ExitCode == 0 && HasNumpy("/usr/bin/python3"))
            {
                note = "NumPy installed with apt-get (python3-numpy, libopenblas0-pthread): /usr/bin/python3";
                return "/usr/bin/python3";
            }
        }
        note = "NumPy not found, so only this project's side was measured. Install it (Debian: apt-get install python3-numpy "
             + "libopenblas0-pthread; elsewhere: pip install numpy) and run bench compare again, or name a Python that has it "
             + "with --python PATH.";
        return null;
    }

    /// <summary>Trains <paramref name="model"/> (TwoLayerNet or SoftmaxRegression) for <paramref name="epochs"/> epochs in NumPy.</summary>
    public static EpochRun Measure(string python, string repository, string model, string configName, int epochs, string mnist)
    {
        string script = Path.Combine(repository, "bench", "numpy", "original_training.py");
        var run = Run(python, [script, model, epochs.ToString(), mnist], []);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"the NumPy run of {configName} failed (exit {run.ExitCode}): {run.Error}");
        }
        var result = JsonSerializer.Deserialize<NumpyResult>(run.Output.Trim().Split('\n')[^1])!;
        return new EpochRun($"numpy ({result.Blas})", configName, result.EpochSeconds, result.TestAccuracy, result.PeakMegabytes);
    }

    private sealed record NumpyResult(double[] EpochSeconds, double TestAccuracy, double PeakMegabytes, string Blas);

    private static bool HasNumpy(string python) => TryRun(python, ["-c", "import numpy"]) == 0;

    private static bool CanRun(string python) => TryRun(python, ["-c", "pass"]) == 0;

    /// <summary>The exit code of <paramref name="program"/>, or null when there is no such program.</summary>
    private static int? TryRun(string program, string[] arguments)
    {
        try
        {
            return Run(program, arguments, []).ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no such program
        }
    }

    private static (int ExitCode, string Output, string Error) Run(string program, IEnumerable<string> arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
