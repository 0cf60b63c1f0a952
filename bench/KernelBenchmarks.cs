using Assignment1.Numerics;
using Assignment1.Numerics.Gemm;
using BenchmarkDotNet.Attributes;

namespace Assignment1.Bench;

/// <summary>
/// The GEMM kernel alone (<see cref="Gemm.Multiply"/> into a C allocated once), on 1 and 2 threads, at the two
/// large products of a two-layer training step; set against <see cref="PeakBenchmarks"/> for the fraction of the
/// machine's FMA peak. <see cref="GemmBenchmarks"/> measures the same products as students call them (a new C each time).
/// </summary>
[Config(typeof(ReferenceBuildConfig))]
public class KernelBenchmarks
{
    public static IEnumerable<GemmShape> Shapes => GemmBenchmarks.Shapes.Take(2);

    private double[] _a = [], _b = [], _c = [];
    private GemmIsa _isa;

    [ParamsSource(nameof(Shapes))]
    public GemmShape Shape { get; set; } = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new NumpyRandom(5);
        _a = random.Gaussians(Shape.M * Shape.K);
        _b = random.Gaussians(Shape.K * Shape.N);
        _c = new double[Shape.M * Shape.N];
        _isa = GemmIsaSupport.Best() ?? GemmIsa.Scalar;
    }

    [Benchmark]
    public void Multiply() => Gemm.Multiply(_isa, Shape.TransposeA, Shape.TransposeB,
        Shape.M, Shape.N, Shape.K, 1.0, _a, _b, 0.0, _c, Threads);
}
