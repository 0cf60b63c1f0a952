using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Numerics;

/// <summary>Initial weights exactly as the Python original draws them.</summary>
public static class WeightInitializer
{
    /// <summary>The seed the original passes to <c>np.random.seed</c> before drawing each weight matrix.</summary>
    public const uint Seed = 1024;

    /// <summary>The scale of the initial weights: <c>W = 0.001 · randn(rows, columns)</c>.</summary>
    public const double Scale = 0.001;

    /// <summary>
    /// <c>np.random.seed(seed); scale * np.random.randn(rows, columns)</c>: a rows×columns matrix
    /// filled row by row from a freshly seeded NumPy-compatible generator.
    /// </summary>
    public static Matrix<double> Gaussian(int rows, int columns, uint seed = Seed, double scale = Scale)
    {
        var random = new NumpyRandom(seed);
        double[] rowMajor = random.Gaussians(rows * columns);
        for (int i = 0; i < rowMajor.Length; i++)
        {
            rowMajor[i] *= scale;
        }
        return Matrix<double>.Build.DenseOfRowMajor(rows, columns, rowMajor);
    }
}
