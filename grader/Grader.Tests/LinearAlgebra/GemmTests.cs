using Assignment1.Grader.Tests.Support;
using Assignment1.Numerics;
using Assignment1.Numerics.Gemm;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Assignment1.Grader.Tests.LinearAlgebra;

/// <summary>
/// The fast GEMM against a naive triple loop: every transpose combination, odd sizes around the kernel's tile
/// edges, every instruction set this machine runs, alpha/beta cases, aliasing, and bit-identical results for
/// any thread count. And the provider: MathNet's operators reach it and give MathNet's results.
/// </summary>
[TestFixture]
public class GemmTests
{
    private static readonly int[] Sizes = [1, 3, 17, 63, 65, 127, 129, 785];

    /// <summary>Each ISA this machine supports (others are reported as not run, not passed).</summary>
    public static IEnumerable<GemmIsa> Isas => Enum.GetValues<GemmIsa>();

    /// <summary>Every size in each of the three positions, with small partners, and the assignment's shapes.</summary>
    private static IEnumerable<(int M, int N, int K)> Shapes() =>
        Sizes.SelectMany(s => new[] { (s, 17, 63), (63, s, 17), (17, 63, s) })
            .Concat([(64, 128, 784), (784, 128, 64), (64, 10, 128), (128, 10, 64), (64, 128, 10), (129, 129, 129)]);

    [TestCaseSource(nameof(Isas))]
    public void EveryTransposeAndShape_MatchesTheNaiveProduct(GemmIsa isa)
    {
        RequireSupported(isa);
        var random = new NumpyRandom(7);
        foreach (var (m, n, k) in Shapes())
        {
            foreach (bool ta in new[] { false, true })
            {
                foreach (bool tb in new[] { false, true })
                {
                    double[] a = random.Gaussians(m * k), b = random.Gaussians(k * n), c = random.Gaussians(m * n);
                    foreach (var (alpha, beta) in new[] { (1.0, 0.0), (-0.5, 1.0), (2.0, -3.0) })
                    {
                        double[] expected = Naive(ta, tb, m, n, k, alpha, a, b, beta, c);
                        double[] actual = (double[])c.Clone();
                        Gemm.Multiply(isa, ta, tb, m, n, k, alpha, a, b, beta, actual, threads: 2);
                        AssertClose(expected, actual, k, $"{isa} {m}x{n}x{k} ta={ta} tb={tb} alpha={alpha} beta={beta}");
                    }
                }
            }
        }
    }

    [TestCaseSource(nameof(Isas))]
    public void BetaZero_IgnoresNaNInC_AndEmptyK_ScalesC(GemmIsa isa)
    {
        RequireSupported(isa);
        var random = new NumpyRandom(8);
        double[] a = random.Gaussians(65 * 17), b = random.Gaussians(17 * 9);
        double[] c = Enumerable.Repeat(double.NaN, 65 * 9).ToArray();
        Gemm.Multiply(isa, false, false, 65, 9, 17, 1.0, a, b, 0.0, c, threads: 2);
        c.Should().OnlyContain(v => double.IsFinite(v), "beta = 0 means C's old values are not read, as in BLAS");

        double[] scaled = [1, 2, 3, 4];
        Gemm.Multiply(isa, false, false, 2, 2, 0, 1.0, [], [], 0.5, scaled, threads: 1);
        scaled.Should().Equal(0.5, 1, 1.5, 2);
    }

    [TestCaseSource(nameof(Isas))]
    public void Results_AreBitIdentical_ForAnyThreadCount_AndRunToRun(GemmIsa isa)
    {
        RequireSupported(isa);
        var random = new NumpyRandom(9);
        foreach (var (m, n, k, ta) in new[] { (64, 128, 784, false), (784, 128, 64, true), (129, 65, 300, false) })
        {
            double[] a = random.Gaussians(m * k), b = random.Gaussians(k * n);
            double[] Run(int threads)
            {
                var c = new double[m * n];
                Gemm.Multiply(isa, ta, false, m, n, k, 1.0, a, b, 0.0, c, threads);
                return c;
            }
            double[] single = Run(1);
            foreach (int threads in new[] { 2, 3, 8, 1 })
            {
                Run(threads).Should().Equal(single, $"{m}x{n}x{k} on {threads} threads must equal 1 thread bit for bit");
            }
        }
    }

    [Test]
    [NonParallelizable] // swaps the process-wide provider
    public void Provider_ServesMathNetsOperators_WithMathNetsResults_AndAliasedOperands()
    {
        var random = new NumpyRandom(10);
        var x = Matrix<double>.Build.DenseOfColumnMajor(64, 784, random.Gaussians(64 * 784));
        var w = Matrix<double>.Build.DenseOfColumnMajor(784, 128, random.Gaussians(784 * 128));
        var d = Matrix<double>.Build.DenseOfColumnMajor(64, 128, random.Gaussians(64 * 128));
        var square = Matrix<double>.Build.DenseOfColumnMajor(33, 33, random.Gaussians(33 * 33));
        Matrix<double>[] Products()
        {
            // Last: the result written into one of its own operands (the provider computes into a copy first).
            var aliased = square.Clone();
            aliased.Multiply(aliased, aliased);
            return
            [
                x * w, x.TransposeThisAndMultiply(d), d.TransposeAndMultiply(w), x.Transpose() * d,
                (x * w) - d * 0.5 + d.PointwiseMultiply(d) - d.PointwiseDivide(d.Map(v => v + 10)),
                square * square, aliased,
            ];
        }

        var (expected, actual) = BothProviders.Run(Products);
        for (int i = 0; i < expected.Length; i++)
        {
            (actual[i] - expected[i]).Enumerate().Max(Math.Abs).Should().BeLessThan(1e-12, $"product {i} equals the managed provider's to 1e-12");
        }
        (actual[^1] - expected[^2]).Enumerate().Max(Math.Abs).Should().BeLessThan(1e-12, "the aliased product equals the managed provider's square * square");
    }

    [Test]
    public void Register_IsIdempotent_AndChoosesTheWidestSupportedIsa()
    {
        FastLinearAlgebraProvider.Register();
        var first = LinearAlgebraControl.Provider;
        FastLinearAlgebraProvider.Register();
        LinearAlgebraControl.Provider.Should().BeSameAs(first);
        if (GemmIsaSupport.Best() is GemmIsa best)
        {
            ((FastLinearAlgebraProvider)first).Isa.Should().Be(best);
        }
        foreach (var unsupported in Enum.GetValues<GemmIsa>().Where(i => !GemmIsaSupport.IsSupported(i)))
        {
            new Action(() => _ = new FastLinearAlgebraProvider(unsupported)).Should().Throw<PlatformNotSupportedException>();
        }
    }

    private static void RequireSupported(GemmIsa isa)
    {
        if (!GemmIsaSupport.IsSupported(isa))
        {
            Assert.Ignore($"{isa} does not run on this machine.");
        }
    }

    /// <summary>C = alpha·op(A)·op(B) + beta·C, one element at a time, column-major; beta = 0 ignores C.</summary>
    private static double[] Naive(bool ta, bool tb, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c)
    {
        var result = new double[m * n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < m; i++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    sum += (ta ? a[p + i * k] : a[i + p * m]) * (tb ? b[j + p * n] : b[p + j * k]);
                }
                result[i + j * m] = alpha * sum + (beta == 0 ? 0 : beta * c[i + j * m]);
            }
        }
        return result;
    }

    /// <summary>Equal up to summation order: |Δ| ≤ 1e-13·k relative to the entries' N(0,1)-sized products.</summary>
    private static void AssertClose(double[] expected, double[] actual, int k, string what)
    {
        double tolerance = 1e-13 * Math.Max(k, 1) * 10;
        for (int i = 0; i < expected.Length; i++)
        {
            if (Math.Abs(expected[i] - actual[i]) > tolerance)
            {
                Assert.Fail($"{what}: element {i} is {actual[i]}, the naive product {expected[i]}.");
            }
        }
    }
}
