using System.Runtime.InteropServices;
using Lanes = System.Numerics.Vector<double>;

namespace Assignment1.Numerics.Gemm;

/// <summary>
/// Element-wise array arithmetic behind MathNet's matrix +, −, scalar ·, PointwiseMultiply and PointwiseDivide:
/// one vectorized pass on this thread. (MathNet's managed provider splits arrays over threads in 4,096-element
/// chunks, which costs more than it saves at the assignment's sizes.) Every element is computed with the same
/// single operation as MathNet's scalar loop, so results are equal bit for bit.
/// </summary>
internal static class ArrayKernels
{
    /// <summary>result[i] = x[i] + y[i].</summary>
    public static void Add(double[] x, double[] y, double[] result) => Apply<AddOperator>(x, y, 0, result);

    /// <summary>result[i] = x[i] − y[i].</summary>
    public static void Subtract(double[] x, double[] y, double[] result) => Apply<SubtractOperator>(x, y, 0, result);

    /// <summary>result[i] = x[i] · y[i].</summary>
    public static void Multiply(double[] x, double[] y, double[] result) => Apply<MultiplyOperator>(x, y, 0, result);

    /// <summary>result[i] = x[i] / y[i].</summary>
    public static void Divide(double[] x, double[] y, double[] result) => Apply<DivideOperator>(x, y, 0, result);

    /// <summary>result[i] = alpha · x[i].</summary>
    public static void Scale(double alpha, double[] x, double[] result) => Apply<ScaleOperator>(x, x, alpha, result);

    /// <summary>result[i] = y[i] + alpha · x[i] (MathNet's AddVectorToScaledVector: a product, then a sum, not fused).</summary>
    public static void AddScaled(double[] y, double alpha, double[] x, double[] result) => Apply<AddScaledOperator>(x, y, alpha, result);

    /// <summary>result[i] = TOperator(x[i], y[i], alpha), a vector of lanes at a time, then the tail one by one.</summary>
    private static void Apply<TOperator>(double[] x, double[] y, double alpha, double[] result)
        where TOperator : struct, IElementOperator
    {
        if (y.Length != x.Length || result.Length < x.Length)
        {
            throw new ArgumentException($"Array lengths do not match: {x.Length}, {y.Length} and a result of {result.Length}.");
        }
        var alphas = new Lanes(alpha);
        Span<Lanes> target = MemoryMarshal.Cast<double, Lanes>(result.AsSpan(0, x.Length));
        ReadOnlySpan<Lanes> xs = MemoryMarshal.Cast<double, Lanes>(x.AsSpan());
        ReadOnlySpan<Lanes> ys = MemoryMarshal.Cast<double, Lanes>(y.AsSpan());
        for (int i = 0; i < target.Length; i++)
        {
            target[i] = TOperator.Apply(xs[i], ys[i], alphas);
        }
        for (int i = target.Length * Lanes.Count; i < x.Length; i++)
        {
            result[i] = TOperator.Apply(x[i], y[i], alpha);
        }
    }

    /// <summary>One element-wise operation, on lanes and on single values.</summary>
    private interface IElementOperator
    {
        static abstract Lanes Apply(Lanes x, Lanes y, Lanes alpha);

        static abstract double Apply(double x, double y, double alpha);
    }

    private readonly struct AddOperator : IElementOperator
    {
        public static Lanes Apply(Lanes x, Lanes y, Lanes alpha) => x + y;
        public static double Apply(double x, double y, double alpha) => x + y;
    }

    private readonly struct SubtractOperator : IElementOperator
    {
        public static Lanes Apply(Lanes x, Lanes y, Lanes alpha) => x - y;
        public static double Apply(double x, double y, double alpha) => x - y;
    }

    private readonly struct MultiplyOperator : IElementOperator
    {
        public static Lanes Apply(Lanes x, Lanes y, Lanes alpha) => x * y;
        public static double Apply(double x, double y, double alpha) => x * y;
    }

    private readonly struct DivideOperator : IElementOperator
    {
        public static Lanes Apply(Lanes x, Lanes y, Lanes alpha) => x / y;
        public static double Apply(double x, double y, double alpha) => x / y;
    }

    private readonly struct ScaleOperator : IElementOperator
    {
        public static Lanes Apply(Lanes x, Lanes y, Lanes alpha) => alpha * x;
        public static double Apply(double x, double y, double alpha) => alpha * x;
    }

    private readonly struct AddScaledOperator : IElementOperator
    {
        public static Lanes Apply(Lanes x, Lanes y, Lanes alpha) => y + alpha * x;
        public static double Apply(double x, double y, double alpha) => y + alpha * x;
    }
}
