using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace Assignment1.Bench;

/// <summary>
/// The machine's double-precision FMA peak as this runtime reaches it: 12 independent chains of Vector512 (or
/// Vector256) fused multiply-adds, enough to cover the FMA latency on two FMA ports, on 1 and 2 threads.
/// <see cref="Flops"/> operations per call.
/// </summary>
[Config(typeof(ReferenceBuildConfig))]
public class PeakBenchmarks
{
    private const long Iterations = 10_000_000;

    /// <summary>Floating-point operations one call performs on <paramref name="threads"/> threads.</summary>
    public static double Flops(int threads) => 12.0 * 2 * Iterations * threads * (Vector512.IsHardwareAccelerated ? 8 : 4);

    [Params(1, 2)]
    public int Threads { get; set; }

    [Benchmark]
    public double Peak()
    {
        var results = new double[Threads];
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads },
            t => results[t] = Vector512.IsHardwareAccelerated ? Chains512(Iterations) : Chains256(Iterations));
        return results.Sum();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Chains512(long iterations)
    {
        var x = Vector512.Create(0.999999);
        var y = Vector512.Create(1e-7);
        Vector512<double> a0 = x, a1 = x, a2 = x, a3 = x, a4 = x, a5 = x, a6 = x, a7 = x, a8 = x, a9 = x, a10 = x, a11 = x;
        for (long i = 0; i < iterations; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, x, y); a1 = Vector512.FusedMultiplyAdd(a1, x, y);
            a2 = Vector512.FusedMultiplyAdd(a2, x, y); a3 = Vector512.FusedMultiplyAdd(a3, x, y);
            a4 = Vector512.FusedMultiplyAdd(a4, x, y); a5 = Vector512.FusedMultiplyAdd(a5, x, y);
            a6 = Vector512.FusedMultiplyAdd(a6, x, y); a7 = Vector512.FusedMultiplyAdd(a7, x, y);
            a8 = Vector512.FusedMultiplyAdd(a8, x, y); a9 = Vector512.FusedMultiplyAdd(a9, x, y);
            a10 = Vector512.FusedMultiplyAdd(a10, x, y); a11 = Vector512.FusedMultiplyAdd(a11, x, y);
        }
        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Chains256(long iterations)
    {
        var x = Vector256.Create(0.999999);
        var y = Vector256.Create(1e-7);
        Vector256<double> a0 = x, a1 = x, a2 = x, a3 = x, a4 = x, a5 = x, a6 = x, a7 = x, a8 = x, a9 = x, a10 = x, a11 = x;
        for (long i = 0; i < iterations; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, x, y); a1 = Vector256.FusedMultiplyAdd(a1, x, y);
            a2 = Vector256.FusedMultiplyAdd(a2, x, y); a3 = Vector256.FusedMultiplyAdd(a3, x, y);
            a4 = Vector256.FusedMultiplyAdd(a4, x, y); a5 = Vector256.FusedMultiplyAdd(a5, x, y);
            a6 = Vector256.FusedMultiplyAdd(a6, x, y); a7 = Vector256.FusedMultiplyAdd(a7, x, y);
            a8 = Vector256.FusedMultiplyAdd(a8, x, y); a9 = Vector256.FusedMultiplyAdd(a9, x, y);
            a10 = Vector256.FusedMultiplyAdd(a10, x, y); a11 = Vector256.FusedMultiplyAdd(a11, x, y);
        }
        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }
}
