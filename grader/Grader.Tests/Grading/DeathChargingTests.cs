using Assignment1.Grader.Grading;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>
/// A process death is charged to the tests it breaks, wherever it happens, and "the grader could not run" is kept
/// for a kit that does not start on the handout's own skeleton.
/// </summary>
[TestFixture]
// Its gradings run two at a time with the other grading fixtures', at the limits of --jobs 2 (GradingFixture.Limits).
[Parallelizable(ParallelScope.All)]
public class DeathChargingTests
{
    private const string File = "student/Models/BaseNetwork.cs";
    private static readonly GradingLimits FastLimits = GradingLimits.Default with { TestTimeoutSeconds = 4, HeapLimitBytes = 512L << 20 };

    [Test]
    public void ProcessThatDiesBeforeItsFirstEvent_FailsTheTestAboutToRun_AndGradingCarriesOn()
    {
        // A kit folder whose runner cannot start stands for a process killed at load by submitted code.
        string broken = Directory.CreateTempSubdirectory("broken-kit").FullName;
        try
        {
            var tests = GradingFixture.Sections("1").Tests.Take(3).ToList();
            var supervisor = new TestSupervisor(broken, [], FastLimits, Sandbox.Detect(Support.Repository.Root, "rlimits"),
                new Dictionary<string, string>(), [], kitProbe: () => null);
            var outcomes = supervisor.Run(tests);
            outcomes.Should().HaveCount(3).And.OnlyContain(o => !o.Passed && o.Message.Contains("before this test started"),
                "each test about to run when the process died is charged, one fresh process after another");
        }
        finally
        {
            Directory.Delete(broken, recursive: true);
        }
    }

    [Test]
    public void ProcessThatDiesBeforeItsFirstEvent_WhenTheKitItselfDoesNotStart_IsTheGradersFault()
    {
        string broken = Directory.CreateTempSubdirectory("broken-kit").FullName;
        try
        {
            var supervisor = new TestSupervisor(broken, [], FastLimits, Sandbox.Detect(Support.Repository.Root, "rlimits"),
                new Dictionary<string, string>(), [], kitProbe: () => "the runner is missing");
            var run = () => supervisor.Run(GradingFixture.Sections("1").Tests);
            run.Should().Throw<InvalidOperationException>().WithMessage("*failed to start, even on the handout's own skeleton: the runner is missing*");
        }
        finally
        {
            Directory.Delete(broken, recursive: true);
        }
    }

    [Test]
    public void ThrowingStaticConstructor_CostsOnlyTheTestsOfItsType()
    {
        var files = GradingFixture.ReferenceFiles(GradingFixture.Edit("student/Optimizers/Sgd.cs",
            "public override void ApplyRegularization(BaseNetwork model)",
            "static Sgd() { throw new InvalidOperationException(\"boom\"); }\n\n    public override void ApplyRegularization(BaseNetwork model)"));
        var report = GradingFixture.Grade(files, GradingFixture.Sections("1", "5"), FastLimits);
        report.Outcomes.Where(o => GradingFixture.Section(o.Test) == "1").Should().OnlyContain(o => o.Passed, "BaseNetwork's tests never touch Sgd");
        report.Outcomes.Where(o => GradingFixture.Section(o.Test) == "5").Should().OnlyContain(o => !o.Passed && o.Message.Contains("boom"));
    }

    [Test]
    public void ModuleInitializer_AndAPartOfAProvidedType_CostNothing()
    {
        var files = GradingFixture.ReferenceFiles(GradingFixture.Edit(File,
            "public Matrix<double> ReLU(Matrix<double> x)",
            "[System.Runtime.CompilerServices.ModuleInitializer]\n    internal static void Init() { }\n\n    public Matrix<double> ReLU(Matrix<double> x)"));
        files["student/Utils.cs"] += "\nnamespace Assignment1.Numerics.Gemm\n{\n    public sealed partial class FastLinearAlgebraProvider\n    {\n        static FastLinearAlgebraProvider() { throw new System.Exception(\"boom\"); }\n    }\n}\n";
        files["student/Utils.cs"] = files["student/Utils.cs"].Replace("namespace Assignment1;", "namespace Assignment1\n{") .Replace("\nnamespace Assignment1.Numerics.Gemm", "}\nnamespace Assignment1.Numerics.Gemm");
        var report = GradingFixture.Grade(files, GradingFixture.Sections("1", "2"), FastLimits);
        report.Outcomes.Should().OnlyContain(o => o.Passed, "the refused code is taken out, and nothing else depended on it: " +
            string.Join("; ", report.Outcomes.Where(o => !o.Passed).Select(o => o.Message)));
        report.Notes.Should().Contain(n => n.Contains("ModuleInitializer")).And.Contain(n => n.Contains("adds a part to Assignment1.Numerics.Gemm.FastLinearAlgebraProvider"));
    }
}
