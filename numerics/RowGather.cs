using System.Runtime.Intrinsics.X86;

namespace Assignment1.Numerics.Gemm;

/// <summary>
/// NumPy's <c>x[indices]</c> on MathNet's column-major storage: copies chosen rows of a matrix into a new one.
/// Behind <c>MatrixExtensions.SelectRows</c>, which builds every training batch of an epoch.
/// </summary>
/// <remarks>
/// In column-major storage a row's 784 values lie a whole column apart, so every value a batch selects is a cache miss
/// in a different memory page: the gather waits on memory, not arithmetic. Two things keep more misses in flight:
/// threads (each core has its own miss buffers), and prefetching the next column's values while the current one is
/// copied (on x86; <c>bench steps</c> measures the batch with and without). Values are only copied, so the result is
/// the same bit for bit however the work is shared out.
/// </remarks>
public static class RowGather
{
    /// <summary>At least this many selected values (a batch of 64 MNIST images has 50,176) are gathered by several threads.</summary>
    public const long ParallelValues = 1 << 14;

    /// <summary>How many columns ahead of the copy the prefetches run: one column's misses overlap the next one's copy.</summary>
    private const int PrefetchColumns = 2;

    /// <summary>
    /// selected[r, c] = source[indices[r], c] for every r and c, both column-major: <paramref name="source"/> has
    /// <paramref name="rows"/> rows and <paramref name="columns"/> columns, <paramref name="selected"/> one row per index.
    /// </summary>
    /// <param name="source">The matrix's values, column-major, rows·columns of them.</param>
    /// <param name="rows">Rows of the source.</param>
    /// <param name="columns">Columns of both matrices.</param>
    /// <param name="indices">Rows to select, in the order wanted; each in 0..rows−1.</param>
    /// <param name="selected">Receives the selection, indices.Length·columns values; every one is written.</param>
    /// <param name="threads">Most threads to use.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside 0..rows−1, or rows or columns is negative.</exception>
    /// <exception cref="ArgumentException">An array is shorter than the shape says.</exception>
    public static void Gather(double[] source, int rows, int columns, int[] indices, double[] selected, int threads) =>
        Gather(source, rows, columns, indices, selected, threads, prefetch: Sse.IsSupported);

    /// <summary><see cref="Gather(double[], int, int, int[], double[], int)"/>, prefetching or not (bench compares both).</summary>
    internal static void Gather(double[] source, int rows, int columns, int[] indices, double[] selected, int threads, bool prefetch)
    {
        // The copy reads through a pointer, without bounds checks: the shape and every index must be checked first.
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if ((long)rows * columns > source.Length || (long)indices.Length * columns > selected.Length)
        {
            throw new ArgumentException($"Gather of {indices.Length} rows of a {rows}x{columns} matrix: the arrays are too short.");
        }
        // Checked and used from a private copy: another thread changing the caller's array mid-copy cannot slip a bad index in.
        indices = (int[])indices.Clone();
        foreach (int index in indices)
        {
            if ((uint)index >= (uint)rows)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"Row index {index} is outside 0..{rows - 1}.");
            }
        }
        // Past the threshold there is at least one column, so the clamp's bounds are in order.
        int parts = (long)indices.Length * columns < ParallelValues ? 1 : Math.Clamp(threads, 1, columns);
        if (parts == 1)
        {
            GatherColumns(source, rows, indices, selected, 0, columns, prefetch);
            return;
        }
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts },
            part => GatherColumns(source, rows, indices, selected, part * columns / parts, (part + 1) * columns / parts, prefetch));
    }

    /// <summary>Columns [<paramref name="firstColumn"/>, <paramref name="endColumn"/>) of the selection.</summary>
    private static unsafe void GatherColumns(double[] source, int rows, int[] indices, double[] selected, int firstColumn, int endColumn, bool prefetch)
    {
        int count = indices.Length;
        fixed (double* values = source)
        {
            for (int column = firstColumn; column < endColumn; column++)
            {
                if (prefetch && Sse.IsSupported && column + PrefetchColumns < endColumn)
                {
                    // A prefetch never faults, and it only changes how soon the values arrive, not what is copied.
                    double* ahead = values + (long)(column + PrefetchColumns) * rows;
                    for (int r = 0; r < count; r++)
                    {
                        Sse.Prefetch0(ahead + indices[r]);
                    }
                }
                double* from = values + (long)column * rows;
                int to = column * count;
                for (int r = 0; r < count; r++)
                {
                    selected[to + r] = from[indices[r]];
                }
            }
        }
    }
}
