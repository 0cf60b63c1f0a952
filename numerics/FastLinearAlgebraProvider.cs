using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Assignment1.Numerics.Gemm;

/// <summary>
/// MathNet's managed linear-algebra provider with a fast double-precision matrix product (<see cref="Gemm"/>) and element-wise arithmetic:
/// <c>x * w</c>, <c>x.TransposeThisAndMultiply(d)</c>, <c>d.TransposeAndMultiply(w)</c> and every other dense
/// double product run on it; everything else is MathNet's own code. Students never call this: the training CLI
/// and the test suites register it with <see cref="Register"/>, and code that runs without it still gets the
/// same results, only slower.
/// </summary>
/// <remarks>Element-wise +, −, ·, / and scaling run on <see cref="ArrayKernels"/>. The rest of MathNet's provider interface is forwarded to its managed provider (FastLinearAlgebraProvider.Forwarding.cs).</remarks>
public sealed partial class FastLinearAlgebraProvider : ILinearAlgebraProvider
{
    /// <summary>Creates the provider for <paramref name="isa"/> (default: the best this machine has) and at most <paramref name="threads"/> threads (default: one per core).</summary>
    /// <exception cref="PlatformNotSupportedException">The ISA asked for does not run here.</exception>
    public FastLinearAlgebraProvider(GemmIsa? isa = null, int? threads = null)
    {
        Isa = isa ?? GemmIsaSupport.Best() ?? GemmIsa.Scalar;
        if (!GemmIsaSupport.IsSupported(Isa))
        {
            throw new PlatformNotSupportedException($"This machine cannot run the {Isa} GEMM kernel.");
        }
        Threads = Math.Max(1, threads ?? Environment.ProcessorCount);
    }

    /// <summary>The instruction set of the product kernel.</summary>
    public GemmIsa Isa { get; }

    /// <summary>Most threads one product uses.</summary>
    public int Threads { get; }

    /// <summary>
    /// Makes MathNet use this provider for every matrix operation in the process, when the machine has a vector
    /// unit with fused multiply-add (otherwise MathNet's provider stays, which is then as fast). Idempotent.
    /// </summary>
    public static void Register()
    {
        if (LinearAlgebraControl.Provider is not FastLinearAlgebraProvider && GemmIsaSupport.Best() is not null)
        {
            LinearAlgebraControl.Provider = new FastLinearAlgebraProvider();
        }
    }

    /// <summary>result = x·y, column-major; x is rowsX×columnsX, y is rowsY×columnsY.</summary>
    void ILinearAlgebraProvider<double>.MatrixMultiply(double[] x, int rowsX, int columnsX, double[] y, int rowsY, int columnsY, double[] result) =>
        ((ILinearAlgebraProvider<double>)this).MatrixMultiplyWithUpdate(Transpose.DontTranspose, Transpose.DontTranspose, 1.0, x, rowsX, columnsX, y, rowsY, columnsY, 0.0, result);

    /// <summary>c = alpha·op(a)·op(b) + beta·c, column-major; rows/columns are those of a and b as stored.</summary>
    void ILinearAlgebraProvider<double>.MatrixMultiplyWithUpdate(Transpose transposeA, Transpose transposeB, double alpha,
        double[] a, int rowsA, int columnsA, double[] b, int rowsB, int columnsB, double beta, double[] c)
    {
        bool ta = transposeA != Transpose.DontTranspose, tb = transposeB != Transpose.DontTranspose;
        int m = ta ? columnsA : rowsA, k = ta ? rowsA : columnsA;
        int kB = tb ? columnsB : rowsB, n = tb ? rowsB : columnsB;
        if (k != kB)
        {
            throw new ArgumentException($"Matrix dimensions must agree: op(A) is {m}x{k}, op(B) is {kB}x{n}.");
        }
        if (ReferenceEquals(c, a) || ReferenceEquals(c, b))
        {
            // C is written while A and B are still read: compute into a copy.
            double[] separate = (double[])c.Clone();
            Gemm.Multiply(Isa, ta, tb, m, n, k, alpha, a, b, beta, separate, Threads);
            separate.AsSpan(0, m * n).CopyTo(c);
            return;
        }
        Gemm.Multiply(Isa, ta, tb, m, n, k, alpha, a, b, beta, c, Threads);
    }

    void ILinearAlgebraProvider<double>.AddArrays(double[] x, double[] y, double[] result) => ArrayKernels.Add(x, y, result);

    void ILinearAlgebraProvider<double>.SubtractArrays(double[] x, double[] y, double[] result) => ArrayKernels.Subtract(x, y, result);

    void ILinearAlgebraProvider<double>.PointWiseMultiplyArrays(double[] x, double[] y, double[] result) => ArrayKernels.Multiply(x, y, result);

    void ILinearAlgebraProvider<double>.PointWiseDivideArrays(double[] x, double[] y, double[] result) => ArrayKernels.Divide(x, y, result);

    void ILinearAlgebraProvider<double>.ScaleArray(double alpha, double[] x, double[] result) => ArrayKernels.Scale(alpha, x, result);

    void ILinearAlgebraProvider<double>.AddVectorToScaledVector(double[] y, double alpha, double[] x, double[] result) => ArrayKernels.AddScaled(y, alpha, x, result);
}
