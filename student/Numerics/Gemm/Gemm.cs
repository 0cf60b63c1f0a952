using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Assignment1.Numerics.Gemm;

/// <summary>
/// Double-precision GEMM on column-major arrays (MathNet's storage): C = alpha·op(A)·op(B) + beta·C, where
/// op(X) is X or Xᵀ. Blocked over k; op(A) packed when transposed or ragged, B read in place (its ragged right
/// edge packed with zero padding); register-tiled
/// (<see cref="MicroKernel{TVector, TOps}"/>), and split across threads by fixed ranges of C's columns.
/// <para>
/// Determinism: every element of C is computed by one thread, with the same operations in the same order
/// whatever the thread count; so results are bit-identical from run to run and for any number of threads.
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

        int rowPanels = (m + Mr - 1) / Mr;
        int columnPanels = (n + Nr - 1) / Nr;
        int parts = 2L * m * n * k < Gemm.ParallelFlops ? 1 : Math.Clamp(threads, 1, columnPanels);
        // op(A) is read in place when its panels are whole columns of A; otherwise packed once, shared by all threads.
        bool packA = problem.TransposeA || m % Mr != 0;
        double[]? aPacked = packA ? ArrayPool<double>.Shared.Rent(rowPanels * Mr * k) : null;
        try
        {
            if (aPacked is not null)
            {
                for (int p0 = 0; p0 < k; p0 += Gemm.KBlock)
                {
                    PackA(problem, p0, Math.Min(Gemm.KBlock, k - p0), rowPanels, aPacked.AsSpan(rowPanels * Mr * p0));
                }
            }
            var product = new Product(problem, rowPanels, aPacked);
            if (parts == 1)
            {
                product.ComputeColumnPanels(0, columnPanels);
            }
            else
            {
                // Fixed ranges of column panels: which thread computes an element never changes its value.
                Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts },
                    part => product.ComputeColumnPanels(part * columnPanels / parts, (part + 1) * columnPanels / parts));
            }
        }
        finally
        {
            if (aPacked is not null)
            {
                ArrayPool<double>.Shared.Return(aPacked);
            }
        }
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
    /// Packs op(A)[0..m, p0..p0+kc] panel by panel: for each panel of Mr rows, kc groups of Mr values (one
    /// column of the panel each), rows past m padded with zeros.
    /// </summary>
    private static void PackA(in GemmProblem problem, int p0, int kc, int rowPanels, Span<double> packed)
    {
        int m = problem.M;
        for (int panel = 0; panel < rowPanels; panel++)
        {
            int i0 = panel * Mr;
            int rows = Math.Min(Mr, m - i0);
            Span<double> target = packed.Slice(panel * Mr * kc, Mr * kc);
            if (rows < Mr)
            {
                target.Clear();
            }
            if (!problem.TransposeA)
            {
                // Column p0+p of A holds the panel's rows contiguously.
                for (int p = 0; p < kc; p++)
                {
                    problem.A.AsSpan(i0 + (p0 + p) * m, rows).CopyTo(target.Slice(p * Mr, rows));
                }
                continue;
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
    }

    /// <summary>The product, op(A) packed or in place: column panels of C can be computed in any order, or in parallel.</summary>
    private readonly struct Product(GemmProblem problem, int rowPanels, double[]? aPacked)
    {
        /// <summary>Computes C's column panels [first, end): for each, every k block, a tile per row panel.</summary>
        public void ComputeColumnPanels(int first, int end)
        {
            int m = problem.M, n = problem.N, k = problem.K;
            // Only a right edge panel (fewer than Nr columns) is packed, padded with zeros; whole panels are read in place.
            double[]? edgePacked = null;
            try
            {
                ref double c0 = ref MemoryMarshal.GetArrayDataReference(problem.C);
                ref double bData = ref MemoryMarshal.GetArrayDataReference(problem.B);
                for (int panel = first; panel < end; panel++)
                {
                    int j0 = panel * Nr;
                    int columns = Math.Min(Nr, n - j0);
                    if (columns < Nr && edgePacked is null)
                    {
                        edgePacked = ArrayPool<double>.Shared.Rent(Nr * k);
                        PackEdgeB(j0, columns, edgePacked.AsSpan(0, Nr * k));
                    }
                    for (int p0 = 0; p0 < k; p0 += Gemm.KBlock)
                    {
                        int kc = Math.Min(Gemm.KBlock, k - p0);
                        // C's old values count once, in the first k block; later blocks add to it.
                        double beta = p0 == 0 ? problem.Beta : 1.0;
                        ref double b = ref columns < Nr ? ref edgePacked![p0 * Nr]
                            : ref Unsafe.Add(ref bData, problem.TransposeB ? j0 + (nint)p0 * n : p0 + (nint)j0 * k);
                        nint bRowStride = columns < Nr ? Nr : problem.TransposeB ? n : 1;
                        nint bColumnStride = columns < Nr ? 1 : problem.TransposeB ? 1 : k;
                        for (int rowPanel = 0; rowPanel < rowPanels; rowPanel++)
                        {
                            int i0 = rowPanel * Mr;
                            ref double a = ref aPacked is not null
                                ? ref aPacked[rowPanels * Mr * p0 + rowPanel * Mr * kc]
                                : ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(problem.A), i0 + (nint)p0 * m);
                            MicroKernel<TVector, TOps>.Run(kc, ref a, aPacked is not null ? Mr : m,
                                ref b, bRowStride, bColumnStride,
                                ref Unsafe.Add(ref c0, i0 + (nint)j0 * m), m,
                                Math.Min(Mr, m - i0), columns, problem.Alpha, beta);
                        }
                    }
                }
            }
            finally
            {
                if (edgePacked is not null)
                {
                    ArrayPool<double>.Shared.Return(edgePacked);
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
