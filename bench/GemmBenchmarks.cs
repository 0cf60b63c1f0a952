using Assignment1.Numerics;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Bench;

/// <summary>One matrix product of the training loop: C = op(A)·op(B), with its name as the code writes it.</summary>
/// <param name="Name">How the reference solution computes it.</param>
/// <param name="M">Rows of C.</param>
/// <param name="K">The shared dimension.</param>
/// <param name="N">Columns of C.</param>
/// <param name="TransposeA">A is used transposed (TransposeThisAndMultiply).</param>
/// <param name="TransposeB">B is used transposed (TransposeAndMultiply).</param>
public sealed record GemmShape(string Name, int M, int K, int N, bool TransposeA, bool TransposeB)
{
    /// <summary>2·m·n·k: one multiply and one add per term.</summary>
    public double Flops => 2.0 * M * N * K;

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// Every product of one training step of both models (batch 64), on MathNet's managed provider and on ours, in
/// the same run. Program prints GFLOP/s and the ratio from BenchmarkDotNet's means.
/// </summary>
[Config(typeof(ReferenceBuildConfig))]
public class GemmBenchmarks
{
    /// <summary>The products of a training step, largest first.</summary>
    public static IEnumerable<GemmShape> Shapes =>
    [
        new("x·W1 (64x784·784x128)", 64, 784, 128, false, false),
        new("xᵀ·dZ1 (784x64·64x128)", 784, 64, 128, true, false),
        new("a1·W2 (64x128·128x10)", 64, 128, 10, false, false),
        new("a1ᵀ·dZ2 (128x64·64x10)", 128, 64, 10, true, false),
        new("dZ2·W2ᵀ (64x10·10x128)", 64, 10, 128, false, true),
        new("x·W1 softmax (64x784·784x10)", 64, 784, 10, false, false),
        new("xᵀ·dZ softmax (784x64·64x10)", 784, 64, 10, true, false),
    ];

    private Matrix<double> _a = null!, _b = null!;

    /// <summary>The product benchmarked.</summary>
    [ParamsSource(nameof(Shapes))]
    public GemmShape Shape { get; set; } = null!;

    /// <summary>"managed" (MathNet's) or "fast" (ours).</summary>
    [Params("managed", "fast")]
    public string Provider { get; set; } = "";

    /// <summary>Selects the provider and makes the operands (standard normals, seeded).</summary>
    [GlobalSetup]
    public void Setup()
    {
        Providers.Use(Provider);
        var random = new NumpyRandom(5);
        (int ra, int ca) = Shape.TransposeA ? (Shape.K, Shape.M) : (Shape.M, Shape.K);
        (int rb, int cb) = Shape.TransposeB ? (Shape.N, Shape.K) : (Shape.K, Shape.N);
        _a = Matrix<double>.Build.DenseOfColumnMajor(ra, ca, random.Gaussians(ra * ca));
        _b = Matrix<double>.Build.DenseOfColumnMajor(rb, cb, random.Gaussians(rb * cb));
    }

    /// <summary>The product, called as the reference solution calls it.</summary>
    [Benchmark]
    public Matrix<double> Product() =>
        Shape.TransposeA ? _a.TransposeThisAndMultiply(_b) : Shape.TransposeB ? _a.TransposeAndMultiply(_b) : _a * _b;
}
