using Assignment1.Numerics.Gemm;

namespace Assignment1.Grader.Tests;

/// <summary>Runs once before any repository test: matrix products use the fast provider, as the CLI, the suites and the grader's runner do.</summary>
[SetUpFixture]
public class FastMatrixProducts
{
    [OneTimeSetUp]
    public void Register() => FastLinearAlgebraProvider.Register();
}
