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

    /// <summary>A Python that imports NumPy, or null; <paramref name="note"/> says what was found, installed, or what to do.</summary>
    public static string? FindPython(out string note)
    {
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
             + "libopenblas0-pthread; elsewhere: pip install numpy) and run bench compare again.";
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

    private static bool HasNumpy(string python)
    {
        try
        {
            return Run(python, ["-c", "import numpy"], []).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no such program
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
