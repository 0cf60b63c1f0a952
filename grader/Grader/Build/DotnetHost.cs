namespace Assignment1.Grader.Build;

/// <summary>The dotnet host this grader runs on; the processes it starts (test runner, compile check) run on the same one.</summary>
internal static class DotnetHost
{
    /// <summary>The host's path, or "dotnet" from PATH when this process was not started by it (an apphost, a test host).</summary>
    public static string Path { get; } =
        Environment.ProcessPath is { } path && System.IO.Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
