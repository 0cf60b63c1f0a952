using Assignment1.Models;
using Assignment1.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Tests;

/// <summary>The activations and softmax of BaseNetwork, on the original assignment's vectors.</summary>
[TestFixture]
public class ActivationTests
{
    // Σ|actual − expected| to 7 places, as the original's assertAlmostEqual(..., places=7).
    private const double Tolerance = 5e-8;

    private static readonly Matrix<double> Input = Matrix<double>.Build.DenseOfArray(new[,]
    {
        { -1.48839468, -0.31530738 },
        { -0.28271176, -1.00780433 },
        { 0.66435418, 1.2537461 },
        { -1.64829182, 0.90223236 },
    });

    private static BaseNetwork Model => new SoftmaxRegression();

    [Graded("1.1", 1, "Sigmoid")]
    [Test]
    public void Sigmoid_MatchesTheOriginalValues()
    {
        var expected = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { 0.1841628, 0.4218198 }, { 0.42978908, 0.26740977 }, { 0.66023782, 0.77794766 }, { 0.16133995, 0.71140804 },
        });
        var actual = StudentCode.Run("Sigmoid", () => Model.Sigmoid(Input));
        Expect.Close(expected, actual, Tolerance, "Sigmoid(x)", "σ(x) = 1 / (1 + exp(−x)), applied to every entry.");
    }

    [Graded("1.2", 1, "Sigmoid derivative")]
    [Test]
    public void SigmoidDev_MatchesTheOriginalValues()
    {
        var expected = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { 0.15024686, 0.24388786 }, { 0.24507043, 0.19590178 }, { 0.22432384, 0.1727451 }, { 0.13530937, 0.20530664 },
        });
        var actual = StudentCode.Run("SigmoidDev", () => Model.SigmoidDev(Input));
        Expect.Close(expected, actual, Tolerance, "SigmoidDev(x)",
            "σ'(x) = σ(x)·(1 − σ(x)), where x is the sigmoid's input: apply Sigmoid first, do not treat x as σ(x).");
    }

    [Graded("1.3", 1, "ReLU")]
    [Test]
    public void ReLU_MatchesTheOriginalValues()
    {
        var expected = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { 0, 0 }, { 0, 0 }, { 0.66435418, 1.2537461 }, { 0, 0.90223236 },
        });
        var actual = StudentCode.Run("ReLU", () => Model.ReLU(Input));
        Expect.Close(expected, actual, Tolerance, "ReLU(x)", "ReLU(x) = max(0, x), applied to every entry.");
    }

    [Graded("1.4", 1, "ReLU derivative")]
    [Test]
    public void ReLUDev_MatchesTheOriginalValues()
    {
        var expected = Matrix<double>.Build.DenseOfArray(new double[,]
        {
            { 0, 0 }, { 0, 0 }, { 1, 1 }, { 0, 1 },
        });
        var actual = StudentCode.Run("ReLUDev", () => Model.ReLUDev(Input));
        Expect.Close(expected, actual, Tolerance, "ReLUDev(x)", "ReLU'(x) is 1 where x > 0 and 0 elsewhere (0 at exactly 0 too).");
    }

    [Graded("1.5", 1, "Softmax")]
    [Test]
    public void Softmax_MatchesTheOriginalValues()
    {
        var expected = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { 0.23629739, 0.76370261 }, { 0.67372745, 0.32627255 }, { 0.35677439, 0.64322561 }, { 0.07239128, 0.92760872 },
        });
        var actual = StudentCode.Run("Softmax", () => Model.Softmax(Input));
        Expect.Close(expected, actual, Tolerance, "Softmax(x)",
            "normalise each row separately: p[i, j] = exp(x[i, j]) / Σ_k exp(x[i, k]). Summing over the whole matrix or over columns gives other values.");

        // exp(1000) overflows to infinity: subtracting each row's maximum first gives the same probabilities, finitely.
        var large = Matrix<double>.Build.DenseOfArray(new[,] { { 1000.0, 999.0 }, { -1000.0, -999.0 } });
        var stable = StudentCode.Run("Softmax", () => Model.Softmax(large));
        Expect.Close(Matrix<double>.Build.DenseOfArray(new[,] { { 0.73105858, 0.26894142 }, { 0.26894142, 0.73105858 } }), stable, Tolerance,
            "Softmax of rows (1000, 999) and (-1000, -999)",
            "exp(1000) is infinity and exp(-1000) is 0: subtract each row's maximum before exp (the result does not change, the overflow goes away).");
    }
}
