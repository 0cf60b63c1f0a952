using Assignment1.Grader.Checks;
using Assignment1.Rules;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading.Rules;

/// <summary>
/// The allow-list of rules/submission-rules.yaml, category by category: each refused category is found in a
/// method of an otherwise correct file, reported with file:line and its reason, and taken out with only that
/// method; what correct solutions in any style use is allowed.
/// </summary>
[TestFixture]
public class SubmissionRulesTests
{
    private const string File = "Models/BaseNetwork.cs";
    private const string ReLUBody = "return x.Map(value => Math.Max(0.0, value));";
    private const string SkippedUnit = "BaseNetwork.ReLU";

    /// <summary>Code placed at the start of ReLU's body, and the category that refuses it.</summary>
    public static readonly object[][] RefusedInReLU =
    [
        ["dynamic", "dynamic d = x; d.Clear();"],
        ["dynamic", "object o = x; ((dynamic)o).Clear();"],
        ["reflection", "var m = typeof(BaseNetwork).GetMethod(\"Softmax\");"],
        ["reflection", "var t = x.GetType();"],
        ["reflection", "Func<int> f = () => 1; var info = f.Method;"],
        ["reflection", "var d = Delegate.CreateDelegate(typeof(Func<string>), this, \"ToString\");"],
        ["reflection", "var o = Activator.CreateInstance<List<int>>();"],
        ["reflection", "System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();"],
        ["reflection", "System.AppContext.SetSwitch(\"x\", true);"],
        ["process and environment", "Environment.Exit(0);"],
        ["process and environment", "global::System.Environment.FailFast(\"bye\");"],
        ["process and environment", "var home = Environment.GetEnvironmentVariable(\"HOME\");"],
        ["process and environment", "GC.Collect();"],
        ["process and environment", "System.Diagnostics.Process.Start(\"sh\");"],
        ["file system and network", "var text = File.ReadAllText(\"/etc/passwd\");"],
        ["file system and network", "var names = Directory.GetFiles(\"/\");"],
        ["file system and network", "using var client = new System.Net.Sockets.TcpClient();"],
        ["file system and network", "var line = Console.ReadLine();"],
        ["file system and network", "Console.SetOut(TextWriter.Null);"],
        ["file system and network", "var bytes = Assignment1.Data.IdxFile.Read(\"/x\");"],
        ["file system and network", "var config = Assignment1.Configuration.ConfigLoader.Load(\"x.yaml\");"],
        ["interop and raw memory", "var p = System.Runtime.InteropServices.Marshal.AllocHGlobal(8);"],
        ["interop and raw memory", "ref double first = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(new double[1]);"],
        ["interop and raw memory", "var size = System.Runtime.CompilerServices.Unsafe.SizeOf<int>();"],
        ["interop and raw memory", "Buffer.MemoryCopy(null, null, 0, 0);"],
        ["threads, tasks and timers", "new Thread(() => { }).Start();"],
        ["threads, tasks and timers", "Task.Run(() => { });"],
        ["threads, tasks and timers", "using var timer = new System.Threading.Timer(_ => { });"],
        ["threads, tasks and timers", "ThreadPool.QueueUserWorkItem(_ => { });"],
        ["threads, tasks and timers", "var loop = Parallel.ForAsync(0, 2, (i, token) => ValueTask.CompletedTask);"],
        ["threads, tasks and timers", "var options = new ParallelOptions { TaskScheduler = null };"],
        ["threads, tasks and timers", "var total = Enumerable.Range(0, 2).AsParallel().Sum();"],
        ["process-wide numerical settings", "MathNet.Numerics.Control.UseManaged();"],
        ["process-wide numerical settings", "MathNet.Numerics.Providers.LinearAlgebra.LinearAlgebraControl.UseManaged();"],
        ["process-wide numerical settings", "var storage = x.Storage;"],
        ["process-wide numerical settings", "Assignment1.Numerics.Gemm.FastLinearAlgebraProvider.Register();"],
        ["language constructs", "unsafe { }"],
        ["language constructs", "int slot = 0; var r = __makeref(slot);"],
        [SubmissionRules.NotListed, "Console.Beep();"],
        [SubmissionRules.NotListed, "var q = new System.Collections.Concurrent.ConcurrentQueue<int>();"],
    ];

    [TestCaseSource(nameof(RefusedInReLU))]
    public void RefusedCode_IsFoundAtItsLine_AndTakesOutOnlyItsMethod(string category, string code)
    {
        var files = RulesHarness.Reference(GradingFixture_Edit(ReLUBody, code + "\n        " + ReLUBody));
        var findings = RulesHarness.Check(files)[File];

        findings.Should().NotBeEmpty($"'{code}' breaks the rules");
        findings.Should().Contain(f => f.Category == category, $"'{code}' is refused as {category}; found: {string.Join("; ", findings)}");
        int line = files[File].Split('\n').ToList().FindIndex(l => l.Contains(code.Split(';')[0])) + 1;
        findings.Should().OnlyContain(f => f.Line == line && f.File == "student/" + File, "each finding gives the file and line of the code");

        string? neutralized = MethodNeutralizer.Neutralize(RulesHarness.Compiler.Parse(File, files[File]), findings);
        neutralized.Should().NotBeNull("code inside a method is taken out with that method");
        neutralized.Should().Contain($"{MethodNeutralizer.Marker} {SkippedUnit} in student/{File} was not run")
            .And.Contain("return x.Map(value => value > 0.0 ? 1.0 : 0.0);", "ReLUDev, next to it, is kept");
        RulesHarness.Errors(new Dictionary<string, string>(files) { [File] = neutralized! }).Should().BeEmpty("what is left compiles");
    }

    [Test]
    public void EveryRefusedCategory_HasATest()
    {
        var tested = RefusedInReLU.Select(c => (string)c[0]).ToHashSet();
        tested.Should().BeEquivalentTo(SubmissionRules.Default.RefusedCategories.Append("language constructs").Append(SubmissionRules.NotListed));
    }

    [Test]
    public void ModuleInitializer_IsTakenOutWithItsAttribute()
    {
        var files = RulesHarness.Reference(GradingFixture_Edit(
            "public Matrix<double> ReLU(Matrix<double> x)",
            "[System.Runtime.CompilerServices.ModuleInitializer]\n    internal static void Init() { }\n\n    public Matrix<double> ReLU(Matrix<double> x)"));
        var findings = RulesHarness.Check(files)[File];
        findings.Should().ContainSingle().Which.Message.Should().Contain("ModuleInitializerAttribute");

        string neutralized = MethodNeutralizer.Neutralize(RulesHarness.Compiler.Parse(File, files[File]), findings)!;
        neutralized.Should().NotContain("ModuleInitializer]", "an attribute of a method taken out goes with it: the module must load");
        neutralized.Should().Contain("BaseNetwork.Init in student/Models/BaseNetwork.cs was not run");
        RulesHarness.Errors(new Dictionary<string, string>(files) { [File] = neutralized }).Should().BeEmpty();
    }

    [Test]
    public void Finalizer_IsRemoved()
    {
        var files = RulesHarness.Reference(GradingFixture_Edit(
            "public Matrix<double> ReLU(Matrix<double> x)", "~BaseNetwork() { throw new InvalidOperationException(); }\n\n    public Matrix<double> ReLU(Matrix<double> x)"));
        var findings = RulesHarness.Check(files)[File];
        findings.Should().ContainSingle().Which.Category.Should().Be("language constructs");
        string neutralized = MethodNeutralizer.Neutralize(RulesHarness.Compiler.Parse(File, files[File]), findings)!;
        neutralized.Should().NotContain("~BaseNetwork", "a finalizer would run, and throw, at a time no test can be charged for");
        RulesHarness.Errors(new Dictionary<string, string>(files) { [File] = neutralized }).Should().BeEmpty();
    }

    [TestCase("namespace Assignment1.Numerics.Gemm { public sealed partial class FastLinearAlgebraProvider { static FastLinearAlgebraProvider() { throw new System.Exception(); } } }",
        "adds a part to Assignment1.Numerics.Gemm.FastLinearAlgebraProvider")]
    [TestCase("namespace Assignment1 { public class LyingMatrix : MathNet.Numerics.LinearAlgebra.Double.DenseMatrix { public LyingMatrix() : base(1) { } } }",
        "derives from MathNet.Numerics.LinearAlgebra.Double.DenseMatrix")]
    [TestCase("namespace Assignment1 { public class LyingOptimizer : Assignment1.Optimizers.Optimizer { public LyingOptimizer() : base(1, 1) { } public override void Update(Assignment1.Models.BaseNetwork m) { } } }",
        "derives from Assignment1.Optimizers.Optimizer")]
    [TestCase("namespace Assignment1.Numerics.Gemm { public static class FastLinearAlgebraProvider { public static void Register() { } } }",
        "declares Assignment1.Numerics.Gemm.FastLinearAlgebraProvider, which Assignment1.Numerics already declares")]
    [TestCase("namespace MathNet.Numerics.LinearAlgebra.Double { public class DenseMatrix { } }",
        "declares MathNet.Numerics.LinearAlgebra.Double.DenseMatrix, which MathNet.Numerics already declares")]
    public void TypeThatImitatesOrExtendsProvidedTypes_IsRemoved_AndTheRestOfTheFileKept(string declaration, string message)
    {
        // BaseNetwork.cs with block namespaces, so that a second namespace can follow at the top level.
        var files = RulesHarness.Reference();
        files[File] = files[File].Replace("namespace Assignment1.Models;", "namespace Assignment1.Models\n{") + "\n}\n" + declaration + "\n";
        var findings = RulesHarness.Check(files)[File];
        findings.Should().Contain(f => f.Message.Contains(message) && f.Category == "provided types", string.Join("; ", findings));

        string neutralized = MethodNeutralizer.Neutralize(RulesHarness.Compiler.Parse(File, files[File]), findings)!;
        neutralized.Should().NotContain(declaration.Split('{')[1].Trim()[..20]).And.Contain("public Matrix<double> ReLU(Matrix<double> x)");
    }

    [Test]
    public void SkeletonTypes_KeepTheirBases()
    {
        var findings = RulesHarness.Check(RulesHarness.Reference());
        findings.Values.SelectMany(f => f).Should().BeEmpty("Sgd derives from the provided Optimizer in the handout itself");
    }

    [TestCase("Console.Error.WriteLine($\"ReLU of {x.RowCount} rows\");", TestName = "Debug output on standard error")]
    [TestCase("Console.Out.WriteLine(x.ToString()); Console.WriteLine(\"shape {0}\", x.RowCount);", TestName = "Debug output on standard output")]
    [TestCase("System.Diagnostics.Debug.Assert(x.RowCount > 0);", TestName = "Debug.Assert")]
    [TestCase("var clock = System.Diagnostics.Stopwatch.StartNew(); var ms = clock.Elapsed.TotalMilliseconds;", TestName = "Timing one's own code")]
    [TestCase("var sorted = new SortedDictionary<int, string>(); var q = new Queue<int>(); var s = new StringBuilder().Append(1).ToString();", TestName = "Collections and strings")]
    [TestCase("Span<double> buffer = stackalloc double[4]; var n = MathNet.Numerics.SpecialFunctions.Erf(0.5);", TestName = "Spans and MathNet functions")]
    [TestCase("double total = 0; var gate = new object(); int done = 0; System.Threading.Tasks.Parallel.For(0, x.RowCount, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => { lock (gate) { total += x[i, 0]; } System.Threading.Interlocked.Increment(ref done); });", TestName = "A parallel loop with a lock and Interlocked")]
    [TestCase("Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, x.RowCount), range => { for (int i = range.Item1; i < range.Item2; i++) { } }); Parallel.Invoke(() => { }, () => { });", TestName = "Parallel.ForEach over ranges and Parallel.Invoke")]
    [TestCase("try { Parallel.For(0, 1, i => throw new InvalidOperationException()); } catch (AggregateException e) { Console.WriteLine(e.InnerExceptions.Count); }", TestName = "A parallel loop's AggregateException")]
    [TestCase("double[] from = new double[4]; double[] to = new double[4]; Buffer.BlockCopy(from, 0, to, 0, Buffer.ByteLength(from)); Array.Copy(from, to, 4); from.AsSpan().CopyTo(to);", TestName = "Array copies")]
    [TestCase("System.Diagnostics.Trace.WriteLine($\"ReLU of {x.RowCount} rows\"); System.Diagnostics.Trace.TraceInformation(\"ok\");", TestName = "Trace output")]
    [TestCase("if (x.RowCount < 0) { throw new System.Diagnostics.UnreachableException(); } if (double.IsNaN(x[0, 0])) { throw new NotFiniteNumberException(); }", TestName = "Exceptions of modern C#")]
    [TestCase("int[] order = new int[4]; int[] head = order[..2]; int last = order[^1]; List<int> list = [1, 2, .. head]; static IEnumerable<int> Count() { yield return 1; } foreach (var c in Count()) { }", TestName = "Ranges, collection expressions and iterators")]
    public void HarmlessCode_IsAllowed(string code)
    {
        var files = RulesHarness.Reference(GradingFixture_Edit(ReLUBody, code.Replace("new StringBuilder", "new System.Text.StringBuilder") + "\n        " + ReLUBody));
        RulesHarness.Check(files)[File].Should().BeEmpty();
        RulesHarness.Errors(files).Should().BeEmpty();
    }

    [Test]
    public void CreatingTheOutputFolderInPlotCurves_IsAllowed()
    {
        var files = RulesHarness.Reference((path, text) => path != "Utils.cs" ? text
            : text.Replace("var loss = new Plot();", "if (!Directory.Exists(outputDirectory))\n        {\n            System.IO.Directory.CreateDirectory(Path.Combine(outputDirectory, \".\"));\n        }\n        var loss = new Plot();"));
        files["Utils.cs"].Should().Contain("if (!Directory.Exists(outputDirectory))");
        RulesHarness.Check(files).Values.SelectMany(f => f).Should().BeEmpty();
    }

    [Test]
    public void CodeUnderTheSymbolsOfTheStudentsBuild_IsCompiled()
    {
        RulesHarness.Compiler.PreprocessorSymbols.Should().Contain(["NET8_0_OR_GREATER", "NET10_0", "RELEASE", "TRACE"]);
        var files = RulesHarness.Reference(GradingFixture_Edit(ReLUBody, "#if NET8_0_OR_GREATER\n        " + ReLUBody + "\n#else\n        throw new NotSupportedException();\n#endif"));
        var tree = RulesHarness.Compiler.Parse(File, files[File]);
        tree.GetRoot().ToFullString().Should().Contain(ReLUBody);
        tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ThrowStatementSyntax>()
            .Should().BeEmpty("the #else branch is inactive in a net10.0 build, as in the student's");
        RulesHarness.Errors(files).Should().BeEmpty();
    }

    [Test]
    public void ReferenceHandoutAndAlternativeSolutions_BreakNoRule()
    {
        RulesHarness.Check(RulesHarness.Handout()).Values.SelectMany(f => f).Should().BeEmpty("the handout itself");
        RulesHarness.Check(RulesHarness.Reference()).Values.SelectMany(f => f).Should().BeEmpty("the reference solution");
        foreach (string style in Catalogue.AlternativeSolutionTests.Styles)
        {
            string folder = Repository.PathOf("grader", "alternative-solutions", style);
            var files = RulesHarness.Reference((path, text) => System.IO.File.Exists(Path.Combine(folder, path)) ? System.IO.File.ReadAllText(Path.Combine(folder, path)) : text);
            RulesHarness.Check(files).Values.SelectMany(f => f).Should().BeEmpty($"the '{style}' solution");
        }
    }

    [Test]
    public void AnUnreadableRulesFile_SaysWhere()
    {
        var load = () => SubmissionRules.Load("allowed:\n  x: [a\nrefused: {");
        load.Should().Throw<InvalidOperationException>().WithMessage("*rules/submission-rules.yaml, line*");
    }

    [TestCase("System.IO.File.ReadAllText", false, "file system and network")]
    [TestCase("System.IO.Path.Combine", true, "")]
    [TestCase("System.IO.Directory.CreateDirectory", true, "")]
    [TestCase("System.Runtime.CompilerServices.MethodImplAttribute.ctor", true, "")]
    [TestCase("System.Runtime.CompilerServices.ModuleInitializerAttribute.ctor", false, "reflection")]
    [TestCase("System.Environment.NewLine", true, "")]
    [TestCase("System.Environment.ProcessorCount", false, "process and environment")]
    [TestCase("System.Threading.Tasks.Parallel.For", true, "")]
    [TestCase("System.Threading.Tasks.Parallel.ForAsync", false, "threads, tasks and timers")]
    [TestCase("System.Threading.Tasks.ParallelOptions.TaskScheduler", false, "threads, tasks and timers")]
    [TestCase("System.Buffer.BlockCopy", true, "")]
    [TestCase("System.Buffer.MemoryCopy", false, "interop and raw memory")]
    [TestCase("System.Diagnostics.Trace.Listeners", false, "process and environment")]
    [TestCase("System.Xml.XmlDocument", false, SubmissionRules.NotListed)]
    public void TheMostSpecificPatternDecides(string name, bool allowed, string category)
    {
        var verdict = SubmissionRules.Default.Judge(name);
        verdict.Allowed.Should().Be(allowed);
        verdict.Category.Should().Be(category);
    }

    private static Func<string, string, string> GradingFixture_Edit(string original, string replacement) => (path, text) =>
    {
        if (path != File)
        {
            return text;
        }
        Assert.That(text, Does.Contain(original), $"the edit's anchor is not in {File}");
        return text.Replace(original, replacement);
    };
}
