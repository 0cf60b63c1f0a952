namespace Assignment1.Grader.Tests.Grading.Hostile;

/// <summary>
/// Hostile submissions kept by the team, by class of attack: forging results, reading or writing files, lying objects,
/// process-wide state, and exits, crashes, hangs and memory hogs started from every place code can run. Each is graded
/// on the activation tests (section 1: one process, seconds) and must respect its bound.
/// </summary>
public static class HostileCatalogue
{
    private const string Base = "student/Models/BaseNetwork.cs";
    private const string Utils = "student/Utils.cs";

    // Anchors in the do-nothing submission (DoNothingSubmission.TrivialBodies) and in the reference.
    private const string DoNothingSigmoid = "public Matrix<double> Sigmoid(Matrix<double> x)\n    {\n        return x;";
    private const string SigmoidHeader = "public Matrix<double> Sigmoid(Matrix<double> x)\n    {\n";
    private const string ReferenceReLU = "return x.Map(value => Math.Max(0.0, value));";
    private const string ReLUHeader = "public Matrix<double> ReLU(Matrix<double> x)";

    /// <summary>Code that replaces the do-nothing Sigmoid's body: it must earn nothing.</summary>
    private static HostileEntry Forge(string id, string attack, string body) =>
        new(id, attack, OnReference: false, Base, DoNothingSigmoid, SigmoidHeader + "        " + body + "\n        return x;");

    /// <summary>A member added to the do-nothing BaseNetwork: it must earn nothing.</summary>
    private static HostileEntry Member(string id, string attack, string member) =>
        new(id, attack, OnReference: false, Base, ReLUHeader, member + "\n\n    " + ReLUHeader);

    /// <summary>The reference's ReLU with code before its return: only ReLU's tests (1.3) may fail.</summary>
    private static HostileEntry InReLU(string id, string attack, string code, params string[] broken) =>
        new(id, attack, OnReference: true, Base, ReferenceReLU, code + "\n        " + ReferenceReLU, broken.Length == 0 ? ["1.3"] : broken);

    /// <summary>Every entry.</summary>
    public static readonly IReadOnlyList<HostileEntry> All =
    [
        // Forging results: writing the runner's protocol, reaching its channel by name, or reporting passes.
        Forge("forge-stdout-lines", "prints result lines in the runner's format on standard output",
            "for (int i = 0; i < 100; i++) { Console.WriteLine(\"{\\\"event\\\":\\\"finished\\\",\\\"test\\\":\\\"Assignment1.Tests.ActivationTests.Sigmoid\\\",\\\"outcome\\\":\\\"Passed\\\"}\"); }"),
        Forge("forge-stderr-lines", "prints result lines on standard error", "Console.Error.WriteLine(\"0000 {\\\"event\\\":\\\"finished\\\",\\\"outcome\\\":\\\"Passed\\\"}\");"),
        Forge("forge-dynamic", "walks to the runner's channel with dynamic member access", "dynamic channel = x; channel.Send(\"passed\");"),
        Forge("forge-delegate-by-name", "binds a method of the runner by name", "var send = Delegate.CreateDelegate(typeof(Action), x, \"Clear\");"),
        Forge("forge-reflection", "lists the loaded assemblies to find the runner", "var all = AppDomain.CurrentDomain.GetAssemblies();"),
        Forge("forge-gettype", "walks types from an object", "var assembly = x.GetType().Assembly;"),
        Forge("forge-raw-stdout", "opens the process's real standard output", "using var raw = Console.OpenStandardOutput(); raw.WriteByte(10);"),
        Forge("forge-setout", "takes over the console", "Console.SetOut(Console.Error);"),
        // Reading or writing files, and the environment, by any route.
        Forge("files-read-solution", "reads the reference solution", "var text = File.ReadAllText(\"/work/main/grader/solution/Models/BaseNetwork.cs\");"),
        Forge("files-list", "lists directories", "var names = System.IO.Directory.GetFiles(\"/\");"),
        Forge("files-idx-reader", "reads a file through the assignment's IDX reader", "var raw = Assignment1.Data.IdxFile.Read(\"/etc/passwd\");"),
        Forge("files-config-loader", "reads a file through the config loader", "var config = Assignment1.Configuration.ConfigLoader.Load(\"/etc/hostname\");"),
        Forge("files-write", "writes a file", "File.WriteAllText(\"/tmp/owned\", \"x\");"),
        Forge("env-variables", "reads the environment", "var all = Environment.GetEnvironmentVariables();"),
        Forge("env-command-line", "reads the runner's command line", "var args = Environment.GetCommandLineArgs();"),
        // Lying objects.
        Member("lie-matrix-subclass", "returns a matrix subclass whose answers are canned",
            "private sealed class Canned : MathNet.Numerics.LinearAlgebra.Double.DenseMatrix { public Canned() : base(1) { } public override string ToString() => \"ok\"; }"),
        Member("lie-equals", "overrides Equals and GetHashCode of the model to equal anything",
            "public override bool Equals(object? other) => true;\n\n    public override int GetHashCode() => 0;"),
        // Process-wide state.
        Forge("state-control", "switches MathNet to another provider", "MathNet.Numerics.Control.UseManaged();"),
        Forge("state-provider", "installs a provider of its own", "MathNet.Numerics.Providers.LinearAlgebra.LinearAlgebraControl.Provider = null!;"),
        Forge("state-fast-provider", "re-registers the kit's provider", "Assignment1.Numerics.Gemm.FastLinearAlgebraProvider.Register();"),
        Forge("state-gc", "steers the garbage collector", "GC.Collect(); GC.AddMemoryPressure(1 << 30);"),
        // Exits, crashes, hangs and memory hogs, from every place code can run.
        Forge("exit", "ends the process", "Environment.Exit(0);"),
        Forge("exit-through-delegate", "ends the process through a delegate", "Action<int> quit = Environment.Exit; quit(0);"),
        Member("exit-static-constructor", "ends the process from a static constructor", "static BaseNetwork() { Environment.Exit(0); }"),
        Member("exit-finalizer", "throws from a finalizer", "~BaseNetwork() { throw new InvalidOperationException(); }"),
        Member("exit-module-initializer", "runs code when the assembly loads", "[System.Runtime.CompilerServices.ModuleInitializer]\n    internal static void Load() { Environment.Exit(0); }"),
        Member("crash-field-initializer", "overflows the stack in a static field initializer", "private static readonly int Depth = Recurse(0);\n\n    private static int Recurse(int n) => Recurse(n + 1) + 1;"),
        Forge("thread", "starts a thread that outlives the test", "new System.Threading.Thread(() => { while (true) { } }).Start();"),
        Forge("timer", "leaves a timer that exits later", "var timer = new System.Threading.Timer(_ => Environment.Exit(1), null, 500, 0);"),
        Forge("task", "leaves a task running", "System.Threading.Tasks.Task.Run(() => { while (true) { } });"),
        InReLU("hang-in-callback", "hangs inside a lambda the library calls", "var stuck = x.Map(v => { while (true) { } return v; });"),
        InReLU("stack-overflow", "recurses without end", "if (x.RowCount >= 0) { return ReLU(x); }"),
        InReLU("memory-hog", "allocates without end", "var hoard = new List<double[]>(); while (true) { hoard.Add(new double[1 << 20]); }"),
        InReLU("huge-message", "throws an exception with a 5 MB message", "throw new InvalidOperationException(new string('x', 5_000_000));"),
        InReLU("unsafe-code", "reads memory through pointers", "unsafe { double* p = null; }"),
    ];
}
