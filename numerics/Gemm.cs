using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Assignment1.Numerics.Gemm;

/// <summary>
/// Double-precision GEMM on column-major arrays (MathNet's storage): C = alpha·op(A)·op(B) + beta·C, where
/// op(X) is X or Xᵀ. Blocked over k and register-tiled (<see cref="MicroKernel{TVector, TOps}"/>). B is read in
/// place (its ragged right edge packed with zero padding). When op(A)'s row panels are whole columns of A they are
/// read in place too and threads share out C's column panels; when A is transposed or m is ragged, each thread
/// packs one row panel of op(A) at a time (it stays in L1) and computes that panel's whole row of tiles.
/// <para>
/// Determinism: every element of C is computed by one thread, with the same operations in the same order
/// whatever the thread count and whichever thread takes which panel; so results are bit-identical from run to run
/// and for any number of threads.
/// They differ from MathNet's managed provider only in summation order and fused rounding (≤ 2e-14 on the assignment's products).
/// </para>
/// </summary>
public static class Gemm
{
    /// <summary>Length of a k block: a packed A panel (16 rows) and B panel (8 columns) of this depth stay in L1.</summary>
    public const int KBlock = 256;

    /// <summary>Below this many flops (2·m·n·k) one thread does the whole product: waking others costs more.</summary>
    public const long ParallelFlops = 1L << 20;

    /// <summary>
    /// C = alpha·op(A)·op(B) + beta·C. op(A) is m×k, op(B) is k×n, C is m×n; all column-major. When beta is 0, C's old
    /// contents are ignored. C must not share storage with A or B (the provider copies first when it would).
    /// </summary>
    /// <param name="isa">The instruction set; must be supported on this machine (<see cref="GemmIsaSupport.IsSupported"/>).</param>
    /// <param name="transposeA">op(A) = Aᵀ: A is stored k×m.</param>
    /// <param name="transposeB">op(B) = Bᵀ: B is stored n×k.</param>
    /// <param name="m">Rows of C.</param>
    /// <param name="n">Columns of C.</param>
    /// <param name="k">The shared dimension.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">A's values, column-major.</param>
    /// <param name="b">B's values, column-major.</param>
    /// <param name="beta">Scale of C's old values.</param>
    /// <param name="c">C's values, column-major, m·n of them.</param>
    /// <param name="threads">Most threads to use (1 = this thread only).</param>
    public static void Multiply(GemmIsa isa, bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, double[] a, double[] b, double beta, double[] c, int threads)
    {
        var problem = new GemmProblem(transposeA, transposeB, m, n, k, alpha, a, b, beta, c);
        switch (isa)
        {
            case GemmIsa.Vector512: GemmDriver<Vector512<double>, Ops512>.Run(problem, threads); break;
            case GemmIsa.Vector256: GemmDriver<Vector256<double>, Ops256>.Run(problem, threads); break;
            case GemmIsa.Vector128: GemmDriver<Vector128<double>, Ops128>.Run(problem, threads); break;
            default: GemmDriver<double, OpsScalar>.Run(problem, threads); break;
        }
    }
}

/// <summary>One product's operands and shape (see <see cref="Gemm.Multiply"/>): A is m×k (k×m when transposed), B is k×n (n×k when transposed).</summary>
internal readonly record struct GemmProblem(bool TransposeA, bool TransposeB, int M, int N, int K,
    double Alpha, double[] A, double[] B, double Beta, double[] C);

/// <summary>The blocked loop around the micro-kernel, for one ISA.</summary>
internal static class GemmDriver<TVector, TOps>
    where TVector : struct
    where TOps : IVectorOps<TVector>
{
    private static int Mr => MicroKernel<TVector, TOps>.Rows;

    private const int Nr = MicroKernel<TVector, TOps>.Columns;

    public static void Run(in GemmProblem problem, int threads)
    {
        var (m, n, k) = (problem.M, problem.N, problem.K);
        if (m == 0 || n == 0)
        {
            return;
        }
        if (k == 0 || problem.Alpha == 0.0)
        {
            ScaleC(problem);
            return;
        }

        var product = new Product(problem, rowPanels: (m + Mr - 1) / Mr, columnPanels: (n + Nr - 1) / Nr,
            // op(A)'s row panels are read in place when they are whole columns of A, and packed otherwise.
            packA: problem.TransposeA || m % Mr != 0);
        int parts = 2L * m * n * k < Gemm.ParallelFlops ? 1 : Math.Clamp(threads, 1, product.Panels);
        var panels = new PanelCounter(product.Panels, parts);
        if (parts == 1)
        {
            product.Compute(panels);
            return;
        }
        // Which thread computes a panel does not change its values.
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, _ => product.Compute(panels));
    }

    /// <summary>C = beta·C (beta 0 clears, so NaN does not survive), for k = 0 or alpha = 0.</summary>
    private static void ScaleC(in GemmProblem problem)
    {
        Span<double> c = problem.C.AsSpan(0, problem.M * problem.N);
        if (problem.Beta == 0.0)
        {
            c.Clear();
            return;
        }
        for (int i = 0; i < c.Length; i++)
        {
            c[i] *= problem.Beta;
        }
    }

    /// <summary>
    /// Hands out the panels 0..count−1 in runs of consecutive panels to whichever thread asks next. Runs start at
    /// half a fair share of what is left and shrink to single panels ("guided" scheduling): few boundaries between
    /// threads (at a boundary both may write the same cache lines of C), and a thread that starts late (a pool
    /// thread waking up) simply takes less.
    /// </summary>
    private sealed class PanelCounter(int count, int threads)
    {
        private int _next;

        /// <summary>Takes the next run [<paramref name="first"/>, <paramref name="end"/>); false when none is left.</summary>
        public bool TryTake(out int first, out int end)
        {
            while (true)
            {
                first = Volatile.Read(ref _next);
                end = Math.Min(count, first + Math.Max(1, (count - first) / (2 * threads)));
                if (first >= count)
                {
                    return false;
                }
                if (Interlocked.CompareExchange(ref _next, end, first) == first)
                {
                    return true;
                }
            }
        }
    }

    /// <summary>
    /// The product split into panels that can be computed in any order, or in parallel: row panels of op(A) when
    /// A is packed (each packed by the thread that computes it), column panels of C otherwise.
    /// </summary>
    private readonly struct Product(GemmProblem problem, int rowPanels, int columnPanels, bool packA)
    {
        /// <summary>How many panels there are to share out.</summary>
        public int Panels => packA ? rowPanels : columnPanels;

        /// <summary>Computes panels taken from <paramref name="counter"/> until none are left.</summary>
        public void Compute(PanelCounter counter)
        {
            // Scratch of this thread: the packed A panel (one k block), and B's right edge panel if n is ragged.
            double[]? aPacked = packA ? ArrayPool<double>.Shared.Rent(Mr * Gemm.KBlock) : null;
            double[]? edgePacked = null;
            try
            {
                while (counter.TryTake(out int first, out int end))
                {
                    for (int panel = first; panel < end; panel++)
                    {
                        if (packA)
                        {
                            ComputeRowPanel(panel, aPacked!, ref edgePacked);
                        }
                        else
                        {
                            ComputeColumnPanel(panel, ref edgePacked);
                        }
                    }
                }
            }
            finally
            {
                if (aPacked is not null)
                {
                    ArrayPool<double>.Shared.Return(aPacked);
                }
                if (edgePacked is not null)
                {
                    ArrayPool<double>.Shared.Return(edgePacked);
                }
            }
        }

        /// <summary>C's rows of row panel <paramref name="rowPanel"/>: per k block, pack that block of op(A)'s rows, then every tile along them.</summary>
        private void ComputeRowPanel(int rowPanel, double[] aPacked, ref double[]? edgePacked)
        {
            int i0 = rowPanel * Mr;
            int rows = Math.Min(Mr, problem.M - i0);
            for (int p0 = 0; p0 < problem.K; p0 += Gemm.KBlock)
            {
                int kc = Math.Min(Gemm.KBlock, problem.K - p0);
                PackA(i0, rows, p0, kc, aPacked);
                for (int columnPanel = 0; columnPanel < columnPanels; columnPanel++)
                {
                    Tile(rowPanel, columnPanel, p0, kc, ref aPacked[0], Mr, ref edgePacked);
                }
            }
        }

        /// <summary>C's columns of column panel <paramref name="columnPanel"/>, op(A) read in place.</summary>
        private void ComputeColumnPanel(int columnPanel, ref double[]? edgePacked)
        {
            ref double a = ref MemoryMarshal.GetArrayDataReference(problem.A);
            for (int p0 = 0; p0 < problem.K; p0 += Gemm.KBlock)
            {
                int kc = Math.Min(Gemm.KBlock, problem.K - p0);
                for (int rowPanel = 0; rowPanel < rowPanels; rowPanel++)
                {
                    Tile(rowPanel, columnPanel, p0, kc, ref Unsafe.Add(ref a, rowPanel * Mr + (nint)p0 * problem.M), problem.M, ref edgePacked);
                }
            }
        }

        /// <summary>
        /// One tile of C, one k block: C tile = alpha·op(A)·op(B) over [p0, p0 + kc) + beta·C tile, where beta is the
        /// problem's in the first k block (C's old values count once) and 1 in the later ones, which add to it.
        /// </summary>
        private void Tile(int rowPanel, int columnPanel, int p0, int kc, ref double a, nint aStride, ref double[]? edgePacked)
        {
            int m = problem.M, n = problem.N, k = problem.K;
            int i0 = rowPanel * Mr, j0 = columnPanel * Nr;
            int columns = Math.Min(Nr, n - j0);
            double beta = p0 == 0 ? problem.Beta : 1.0;
            nint bRowStride, bColumnStride;
            ref double b = ref MemoryMarshal.GetArrayDataReference(problem.B);
            if (columns < Nr)
            {
                // Only the right edge panel (fewer than Nr columns) is packed, padded with zeros; whole panels are read in place.
                if (edgePacked is null)
                {
                    edgePacked = ArrayPool<double>.Shared.Rent(Nr * k);
                    PackEdgeB(j0, columns, edgePacked.AsSpan(0, Nr * k));
                }
                b = ref edgePacked[p0 * Nr];
                (bRowStride, bColumnStride) = (Nr, 1);
            }
            else if (problem.TransposeB)
            {
                b = ref Unsafe.Add(ref b, j0 + (nint)p0 * n);
                (bRowStride, bColumnStride) = (n, 1);
            }
            else
            {
                b = ref Unsafe.Add(ref b, p0 + (nint)j0 * k);
                (bRowStride, bColumnStride) = (1, k);
            }
            MicroKernel<TVector, TOps>.Run(kc, ref a, aStride, ref b, bRowStride, bColumnStride,
                ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(problem.C), i0 + (nint)j0 * m), m,
                Math.Min(Mr, m - i0), columns, problem.Alpha, beta);
        }

        /// <summary>
        /// Packs op(A)[i0..i0+rows, p0..p0+kc]: kc groups of Mr values (one column of the panel each), rows past m
        /// padded with zeros.
        /// </summary>
        private void PackA(int i0, int rows, int p0, int kc, double[] packed)
        {
            Span<double> target = packed.AsSpan(0, Mr * kc);
            if (rows < Mr)
            {
                target.Clear();
            }
            if (!problem.TransposeA)
            {
                // Column p0+p of A holds the panel's rows contiguously.
                for (int p = 0; p < kc; p++)
                {
                    problem.A.AsSpan(i0 + (p0 + p) * problem.M, rows).CopyTo(target.Slice(p * Mr, rows));
                }
                return;
            }
            // Row i of op(A) is column i of A: read it contiguously, write it Mr apart.
            ref double a = ref MemoryMarshal.GetArrayDataReference(problem.A);
            ref double t = ref target[0];
            for (int r = 0; r < rows; r++)
            {
                ref double source = ref Unsafe.Add(ref a, p0 + (nint)(i0 + r) * problem.K);
                for (int p = 0; p < kc; p++)
                {
                    Unsafe.Add(ref t, p * Mr + r) = Unsafe.Add(ref source, p);
                }
            }
        }

        /// <summary>Packs op(B)[0..k, j0..j0+columns] (the right edge panel): k groups of Nr values, one row each, padded with zeros.</summary>
        private void PackEdgeB(int j0, int columns, Span<double> packed)
        {
            int k = problem.K, n = problem.N;
            packed.Clear();
            for (int p = 0; p < k; p++)
            {
                for (int j = 0; j < columns; j++)
                {
                    packed[p * Nr + j] = problem.TransposeB ? problem.B[j0 + j + p * n] : problem.B[p + (j0 + j) * k];
                }
            }
        }
    }
}
