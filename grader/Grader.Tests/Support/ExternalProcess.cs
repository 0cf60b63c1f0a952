using System.Diagnostics;

namespace Assignment1.Grader.Tests.Support;

/// <summary>Runs a command to completion with a time limit and captures its output.</summary>
public static class ExternalProcess
{
    /// <summary>What a finished command printed and returned.</summary>
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
    {
        /// <summary>Both streams, for failure messages.</summary>
        public string Output => StandardOutput + StandardError;
    }

    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>;
    /// kills it and fails the test if it outlives <paramref name="timeout"/>.
    /// </summary>
    public static Result Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The test host's MSBuild variables would point a nested `dotnet` at the outer build; drop them.
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k == "VSTEST_HOST_DEBUG").ToList())
        {
            start.Environment.Remove(key);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s.");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }
}
