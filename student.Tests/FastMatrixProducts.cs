using Assignment1.Numerics.Gemm;

namespace Assignment1.Tests;

/// <summary>
/// Runs once before any test: matrix products use the fast provider, as in the training CLI, so the training
/// tests take seconds. Your code does not change; results agree with MathNet's own provider to about 1e-15.
/// </summary>
[SetUpFixture]
public class FastMatrixProducts
{
    [OneTimeSetUp]
    public void Register() => FastLinearAlgebraProvider.Register();
}
