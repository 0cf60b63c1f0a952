using Assignment1.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.PrivateTests;

/// <summary>Settings shared by the private tests.</summary>
public static class PrivateSuite
{
    /// <summary>Gradescope visibility of every private test: students see them once the due date has passed.</summary>
    public const string Visibility = "after_due_date";

    /// <summary>A rows×columns matrix of standard normals times <paramref name="scale"/>, from a seeded NumPy-compatible stream.</summary>
    public static Matrix<double> Random(int rows, int columns, uint seed, double scale = 1.0) =>
        Matrix<double>.Build.DenseOfRowMajor(rows, columns, new NumpyRandom(seed).Gaussians(rows * columns).Select(v => v * scale).ToArray());

    /// <summary>Labels 0..classes−1 for a batch, cycling, so every class appears.</summary>
    public static int[] Labels(int count, int classes) => Enumerable.Range(0, count).Select(i => (i * 7 + 3) % classes).ToArray();
}
