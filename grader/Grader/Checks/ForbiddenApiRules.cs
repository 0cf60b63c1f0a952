namespace Assignment1.Grader.Checks;

/// <summary>
/// What a submission may not use, and why: the one list to review when the rules change. A rule names a
/// namespace (and everything in it), a type, or one member as <c>Type.Member</c>; symbols are matched after
/// semantic resolution, so aliases, <c>global::</c> and fully qualified names cannot slip past.
/// An allowed entry overrides the rules for that symbol.
/// </summary>
public static class ForbiddenApiRules
{
    /// <summary>One rule: the symbol pattern and the reason shown to the student.</summary>
    public sealed record Rule(string Pattern, string Reason);

    /// <summary>Forbidden namespaces, types and members.</summary>
    public static readonly IReadOnlyList<Rule> Forbidden =
    [
        new("System.IO", "file system access"),
        new("System.Net", "network access"),
        new("System.Diagnostics.Process", "starting processes"),
        new("System.Diagnostics.Debugger", "debugger control"),
        new("System.Reflection", "reflection"),
        new("System.Runtime.Loader", "loading code"),
        new("System.Runtime.InteropServices", "native interop"),
        new("System.Runtime.CompilerServices.Unsafe", "unsafe memory access"),
        new("System.Runtime.CompilerServices.ModuleInitializerAttribute", "code that runs when the assembly loads"),
        new("System.Linq.Expressions", "generating code at run time"),
        new("System.Threading.Thread", "threads"),
        new("System.Threading.ThreadPool", "threads"),
        new("System.Threading.Timer", "timers"),
        new("System.Threading.Tasks", "background tasks"),
        new("System.Timers", "timers"),
        new("System.Environment.Exit", "ending the process"),
        new("System.Environment.FailFast", "ending the process"),
        new("System.Environment.GetEnvironmentVariable", "reading the environment"),
        new("System.Environment.GetEnvironmentVariables", "reading the environment"),
        new("System.Environment.SetEnvironmentVariable", "changing the environment"),
        new("System.AppDomain", "process control"),
        new("System.Activator", "reflection"),
        new("System.Type.GetType", "reflection"),
        new("System.Type.InvokeMember", "reflection"),
        new("System.Type.GetMethod", "reflection"),
        new("System.Type.GetMethods", "reflection"),
        new("System.Type.GetField", "reflection"),
        new("System.Type.GetFields", "reflection"),
        new("System.Type.GetProperty", "reflection"),
        new("System.Type.GetProperties", "reflection"),
        new("System.Type.GetMember", "reflection"),
        new("System.Type.GetMembers", "reflection"),
        new("System.Type.GetConstructor", "reflection"),
        new("System.Console.In", "console input"),
        new("System.Console.Read", "console input"),
        new("System.Console.ReadLine", "console input"),
        new("System.Console.ReadKey", "console input"),
        new("System.Console.OpenStandardInput", "console input"),
        new("System.Console.OpenStandardOutput", "writing around the captured console"),
        new("System.Console.OpenStandardError", "writing around the captured console"),
        new("System.Console.SetIn", "redirecting the console"),
        new("System.Console.SetOut", "redirecting the console"),
        new("System.Console.SetError", "redirecting the console"),
        new("System.GC", "steering the garbage collector"),
        new("Assignment1.Configuration.ConfigLoader", "reading files (configs are the training CLI's job)"),
        new("Assignment1.Training.MetricsFile", "writing files (metrics are the training CLI's job)"),
    ];

    /// <summary>Symbols allowed even though a rule above covers them.</summary>
    public static readonly IReadOnlyList<string> Allowed =
    [
        "System.IO.Path", // string manipulation only: PlotCurves combines the folder and file names
        "System.IO.InvalidDataException",
    ];
}
