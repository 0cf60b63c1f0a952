using System.Runtime.CompilerServices;

namespace Assignment1.Numerics.Gemm;

/// <summary>
/// The innermost GEMM loop: one tile of C, <see cref="Rows"/> = 2 vectors tall and <see cref="Columns"/> = 8 wide,
/// accumulated in 16 vector registers over a block of k, from a panel of A (packed, or in place) and B read in place.
/// </summary>
internal static class MicroKernel<TVector, TOps>
    where TVector : struct
    where TOps : IVectorOps<TVector>
{
    /// <summary>Tile height: two vectors.</summary>
    public static int Rows => 2 * TOps.Width;

    /// <summary>Tile width.</summary>
    public const int Columns = 8;

    /// <summary>
    /// C[0..rows, 0..columns] = alpha · Ã·B + beta · C, where Ã is <paramref name="kc"/> groups of <see cref="Rows"/>
    /// values <paramref name="aStride"/> apart (one column of the tile's rows of op(A) each), and B is read in place:
    /// op(B)[p, j] at <paramref name="b"/> + p·<paramref name="bRowStride"/> + j·<paramref name="bColumnStride"/>.
    /// When beta is 0, C is not read (so a NaN there does not leak in), as in BLAS.
    /// </summary>
    /// <param name="kc">Length of the k block.</param>
    /// <param name="a">First value of the A panel (packed, or A itself when its rows are contiguous).</param>
    /// <param name="aStride">Distance between the panel's groups: Rows when packed, A's column length in place.</param>
    /// <param name="b">op(B)[0, 0] of the tile.</param>
    /// <param name="bRowStride">Distance between rows of op(B).</param>
    /// <param name="bColumnStride">Distance between columns of op(B).</param>
    /// <param name="c">C's element at the tile's top-left corner (column-major).</param>
    /// <param name="ldc">Distance between C's columns.</param>
    /// <param name="rows">Rows of the tile inside C (≤ Rows: a bottom edge tile is shorter).</param>
    /// <param name="columns">Columns of the tile inside C (≤ 8: a right edge tile is narrower).</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="beta">Scale of C's old value.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, ref double a, nint aStride, ref double b, nint bRowStride, nint bColumnStride, ref double c, int ldc, int rows, int columns, double alpha, double beta)
    {
        nint w = TOps.Width;
        TVector c00 = TOps.Zero, c01 = TOps.Zero, c10 = TOps.Zero, c11 = TOps.Zero;
        TVector c20 = TOps.Zero, c21 = TOps.Zero, c30 = TOps.Zero, c31 = TOps.Zero;
        TVector c40 = TOps.Zero, c41 = TOps.Zero, c50 = TOps.Zero, c51 = TOps.Zero;
        TVector c60 = TOps.Zero, c61 = TOps.Zero, c70 = TOps.Zero, c71 = TOps.Zero;

        nint b1 = bColumnStride, b2 = 2 * bColumnStride, b3 = 3 * bColumnStride, b4 = 4 * bColumnStride;
        nint b5 = 5 * bColumnStride, b6 = 6 * bColumnStride, b7 = 7 * bColumnStride;
        for (int p = 0; p < kc; p++)
        {
            TVector a0 = TOps.Load(ref a, 0);
            TVector a1 = TOps.Load(ref a, w);
            TVector bj = TOps.Broadcast(b);
            c00 = TOps.MultiplyAdd(a0, bj, c00); c01 = TOps.MultiplyAdd(a1, bj, c01);
            bj = TOps.Broadcast(Unsafe.Add(ref b, b1));
            c10 = TOps.MultiplyAdd(a0, bj, c10); c11 = TOps.MultiplyAdd(a1, bj, c11);
            bj = TOps.Broadcast(Unsafe.Add(ref b, b2));
            c20 = TOps.MultiplyAdd(a0, bj, c20); c21 = TOps.MultiplyAdd(a1, bj, c21);
            bj = TOps.Broadcast(Unsafe.Add(ref b, b3));
            c30 = TOps.MultiplyAdd(a0, bj, c30); c31 = TOps.MultiplyAdd(a1, bj, c31);
            bj = TOps.Broadcast(Unsafe.Add(ref b, b4));
            c40 = TOps.MultiplyAdd(a0, bj, c40); c41 = TOps.MultiplyAdd(a1, bj, c41);
            bj = TOps.Broadcast(Unsafe.Add(ref b, b5));
            c50 = TOps.MultiplyAdd(a0, bj, c50); c51 = TOps.MultiplyAdd(a1, bj, c51);
            bj = TOps.Broadcast(Unsafe.Add(ref b, b6));
            c60 = TOps.MultiplyAdd(a0, bj, c60); c61 = TOps.MultiplyAdd(a1, bj, c61);
            bj = TOps.Broadcast(Unsafe.Add(ref b, b7));
            c70 = TOps.MultiplyAdd(a0, bj, c70); c71 = TOps.MultiplyAdd(a1, bj, c71);
            a = ref Unsafe.Add(ref a, aStride);
            b = ref Unsafe.Add(ref b, bRowStride);
        }

        if (rows == Rows && columns == Columns)
        {
            // A whole tile: write straight into C, two vectors per column.
            Write(c00, c01, ref c, alpha, beta);
            Write(c10, c11, ref Unsafe.Add(ref c, ldc), alpha, beta);
            Write(c20, c21, ref Unsafe.Add(ref c, 2 * ldc), alpha, beta);
            Write(c30, c31, ref Unsafe.Add(ref c, 3 * ldc), alpha, beta);
            Write(c40, c41, ref Unsafe.Add(ref c, 4 * ldc), alpha, beta);
            Write(c50, c51, ref Unsafe.Add(ref c, 5 * ldc), alpha, beta);
            Write(c60, c61, ref Unsafe.Add(ref c, 6 * ldc), alpha, beta);
            Write(c70, c71, ref Unsafe.Add(ref c, 7 * ldc), alpha, beta);
            return;
        }

        // An edge tile: spill the accumulators, then write only the part inside C.
        Span<double> tile = stackalloc double[Rows * Columns];
        ref double t = ref tile[0];
        TOps.Store(c00, ref t, 0); TOps.Store(c01, ref t, w);
        TOps.Store(c10, ref t, 2 * w); TOps.Store(c11, ref t, 3 * w);
        TOps.Store(c20, ref t, 4 * w); TOps.Store(c21, ref t, 5 * w);
        TOps.Store(c30, ref t, 6 * w); TOps.Store(c31, ref t, 7 * w);
        TOps.Store(c40, ref t, 8 * w); TOps.Store(c41, ref t, 9 * w);
        TOps.Store(c50, ref t, 10 * w); TOps.Store(c51, ref t, 11 * w);
        TOps.Store(c60, ref t, 12 * w); TOps.Store(c61, ref t, 13 * w);
        TOps.Store(c70, ref t, 14 * w); TOps.Store(c71, ref t, 15 * w);
        for (int j = 0; j < columns; j++)
        {
            for (int i = 0; i < rows; i++)
            {
                ref double target = ref Unsafe.Add(ref c, j * ldc + i);
                // The same roundings as Write: alpha·acc + (beta·C), the sum fused.
                target = Math.FusedMultiplyAdd(tile[j * Rows + i], alpha, beta == 0.0 ? 0.0 : beta * target);
            }
        }
    }

    /// <summary>C[0..Rows] of one column = alpha·(lo, hi) + beta·C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write(TVector lo, TVector hi, ref double column, double alpha, double beta)
    {
        nint w = TOps.Width;
        TVector alphas = TOps.Broadcast(alpha);
        if (beta == 0.0)
        {
            TOps.Store(TOps.Multiply(lo, alphas), ref column, 0);
            TOps.Store(TOps.Multiply(hi, alphas), ref column, w);
            return;
        }
        TVector betas = TOps.Broadcast(beta);
        TOps.Store(TOps.MultiplyAdd(lo, alphas, TOps.Multiply(betas, TOps.Load(ref column, 0))), ref column, 0);
        TOps.Store(TOps.MultiplyAdd(hi, alphas, TOps.Multiply(betas, TOps.Load(ref column, w))), ref column, w);
    }
}
