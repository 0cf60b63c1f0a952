using Assignment1.Numerics.Gemm;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Numerics;

/// <summary>
/// The NumPy idioms that MathNet.Numerics does not have under the same name: broadcasting a row
/// vector over a batch, sums over the batch dimension, per-row max/argmax, row selection and one-hot labels.
/// All methods return new matrices and never modify their inputs.
/// </summary>
/// <remarks>
/// Conventions used throughout the assignment: a batch is a <c>Matrix&lt;double&gt;</c> with one sample per
/// row (N×D), a bias is a 1×H row matrix, labels are an <c>int[]</c> of length N.
/// </remarks>
public static class MatrixExtensions
{
    /// <summary>
    /// Adds the 1×C <paramref name="row"/> to every row of the N×C <paramref name="matrix"/>:
    /// NumPy's broadcasting <c>x + b</c> where <c>b</c> has shape (1, C).
    /// </summary>
    public static Matrix<double> AddRowVector(this Matrix<double> matrix, Matrix<double> row)
    {
        RequireRowShape(matrix, row, nameof(AddRowVector));
        int rows = matrix.RowCount;
        double[] source = ColumnMajor(matrix);
        var result = GC.AllocateUninitializedArray<double>(source.Length);
        for (int column = 0; column < matrix.ColumnCount; column++)
        {
            double value = row[0, column];
            for (int i = column * rows; i < (column + 1) * rows; i++)
            {
                result[i] = source[i] + value;
            }
        }
        return Matrix<double>.Build.Dense(rows, matrix.ColumnCount, result);
    }

    /// <summary>
    /// Sums over the batch (the rows) and returns a 1×C row matrix:
    /// NumPy's <c>np.sum(x, axis=0, keepdims=True)</c>. This is the shape of a bias gradient.
    /// </summary>
    public static Matrix<double> SumOverRows(this Matrix<double> matrix)
    {
        int rows = matrix.RowCount;
        double[] values = ColumnMajor(matrix);
        var sums = new double[matrix.ColumnCount];
        for (int column = 0; column < matrix.ColumnCount; column++)
        {
            double sum = 0.0;
            for (int i = column * rows; i < (column + 1) * rows; i++)
            {
                sum += values[i];
            }
            sums[column] = sum;
        }
        return Matrix<double>.Build.Dense(1, matrix.ColumnCount, sums);
    }

    /// <summary>The largest entry of every row, as a length-N vector: <c>np.max(x, axis=1)</c>.</summary>
    public static Vector<double> MaxPerRow(this Matrix<double> matrix)
    {
        RequireColumns(matrix, nameof(MaxPerRow));
        var maxima = Vector<double>.Build.Dense(matrix.RowCount, double.NegativeInfinity);
        for (int column = 0; column < matrix.ColumnCount; column++)
        {
            for (int r = 0; r < matrix.RowCount; r++)
            {
                maxima[r] = Math.Max(maxima[r], matrix[r, column]);
            }
        }
        return maxima;
    }

    /// <summary>
    /// The column index of the largest entry of every row: <c>np.argmax(x, axis=1)</c>.
    /// Ties go to the first (smallest) index, as in NumPy.
    /// </summary>
    public static int[] ArgMaxPerRow(this Matrix<double> matrix)
    {
        RequireColumns(matrix, nameof(ArgMaxPerRow));
        var indices = new int[matrix.RowCount];
        for (int r = 0; r < matrix.RowCount; r++)
        {
            double best = matrix[r, 0];
            for (int column = 1; column < matrix.ColumnCount; column++)
            {
                if (matrix[r, column] > best)
                {
                    best = matrix[r, column];
                    indices[r] = column;
                }
            }
        }
        return indices;
    }

    /// <summary>
    /// Subtracts <c>values[r]</c> from every entry of row <c>r</c>:
    /// NumPy's <c>x - v[:, None]</c>, for example to subtract each row's maximum.
    /// </summary>
    public static Matrix<double> SubtractFromEachRow(this Matrix<double> matrix, Vector<double> values)
    {
        RequireOnePerRow(matrix, values, nameof(SubtractFromEachRow));
        int rows = matrix.RowCount;
        double[] source = ColumnMajor(matrix);
        var result = GC.AllocateUninitializedArray<double>(source.Length);
        for (int column = 0; column < matrix.ColumnCount; column++)
        {
            for (int r = 0; r < rows; r++)
            {
                result[column * rows + r] = source[column * rows + r] - values[r];
            }
        }
        return Matrix<double>.Build.Dense(rows, matrix.ColumnCount, result);
    }

    /// <summary>
    /// Divides every entry of row <c>r</c> by <c>values[r]</c>:
    /// NumPy's <c>x / v[:, None]</c>, for example to normalise each row by its sum.
    /// </summary>
    public static Matrix<double> DivideEachRowBy(this Matrix<double> matrix, Vector<double> values)
    {
        RequireOnePerRow(matrix, values, nameof(DivideEachRowBy));
        int rows = matrix.RowCount;
        double[] source = ColumnMajor(matrix);
        var result = GC.AllocateUninitializedArray<double>(source.Length);
        for (int column = 0; column < matrix.ColumnCount; column++)
        {
            for (int r = 0; r < rows; r++)
            {
                result[column * rows + r] = source[column * rows + r] / values[r];
            }
        }
        return Matrix<double>.Build.Dense(rows, matrix.ColumnCount, result);
    }

    /// <summary>
    /// A new matrix made of the given rows, in the given order: NumPy's fancy indexing <c>x[indices]</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside 0..RowCount−1.</exception>
    public static Matrix<double> SelectRows(this Matrix<double> matrix, IReadOnlyList<int> rowIndices)
    {
        int rows = matrix.RowCount, count = rowIndices.Count;
        int[] indices = rowIndices as int[] ?? rowIndices.ToArray();
        foreach (int index in indices)
        {
            if ((uint)index >= (uint)rows)
            {
                throw new ArgumentOutOfRangeException(nameof(rowIndices), $"SelectRows: row index {index} is outside 0..{rows - 1}.");
            }
        }
        // Every element is written by the gather, so the array need not be cleared first.
        var selected = GC.AllocateUninitializedArray<double>(count * matrix.ColumnCount);
        // MathNet stores a matrix column by column: the provided gather (numerics/RowGather.cs) copies the chosen rows of
        // each column straight from the arrays (an epoch selects 37 million values; the element indexer would take seconds).
        RowGather.Gather(ColumnMajor(matrix), rows, matrix.ColumnCount, indices, selected, Environment.ProcessorCount);
        return Matrix<double>.Build.Dense(count, matrix.ColumnCount, selected);
    }

    /// <summary>
    /// One-hot encodes labels into an N×<paramref name="numClasses"/> matrix with a single 1 per row:
    /// NumPy's <c>np.eye(num_classes)[y]</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A label is outside 0..numClasses−1.</exception>
    public static Matrix<double> OneHot(this int[] labels, int numClasses)
    {
        var encoded = Matrix<double>.Build.Dense(labels.Length, numClasses);
        for (int r = 0; r < labels.Length; r++)
        {
            if (labels[r] < 0 || labels[r] >= numClasses)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(labels), $"Label {labels[r]} at position {r} is not a class index in 0..{numClasses - 1}.");
            }
            encoded[r, labels[r]] = 1.0;
        }
        return encoded;
    }

    /// <summary>A short NumPy-like rendering of a matrix (at most a few rows and columns), for messages.</summary>
    public static string ToShortString(this Matrix<double> matrix, int maxRows = 4, int maxColumns = 6)
    {
        var rows = new List<string>();
        for (int r = 0; r < Math.Min(matrix.RowCount, maxRows); r++)
        {
            var cells = new List<string>();
            for (int c = 0; c < Math.Min(matrix.ColumnCount, maxColumns); c++)
            {
                cells.Add(matrix[r, c].ToString("G8", System.Globalization.CultureInfo.InvariantCulture));
            }
            if (matrix.ColumnCount > maxColumns)
            {
                cells.Add("...");
            }
            rows.Add("[" + string.Join(", ", cells) + "]");
        }
        if (matrix.RowCount > maxRows)
        {
            rows.Add("...");
        }
        return $"{matrix.RowCount}x{matrix.ColumnCount} [" + string.Join(", ", rows) + "]";
    }

    /// <summary>
    /// The matrix's values column by column (MathNet's own layout): its storage array when it is dense, which is
    /// only read here, or a copy otherwise. The helpers above loop over this array rather than the element
    /// indexer, which costs a virtual call and two bounds checks per element.
    /// </summary>
    private static double[] ColumnMajor(Matrix<double> matrix) => matrix.AsColumnMajorArray() ?? matrix.ToColumnMajorArray();

    private static void RequireRowShape(Matrix<double> matrix, Matrix<double> row, string operation)
    {
        if (row.RowCount != 1 || row.ColumnCount != matrix.ColumnCount)
        {
            throw new ArgumentException(
                $"{operation}: the row must be 1x{matrix.ColumnCount} to broadcast over a {matrix.RowCount}x{matrix.ColumnCount} matrix, but it is {row.RowCount}x{row.ColumnCount}.");
        }
    }

    private static void RequireOnePerRow(Matrix<double> matrix, Vector<double> values, string operation)
    {
        if (values.Count != matrix.RowCount)
        {
            throw new ArgumentException(
                $"{operation}: expected one value per row ({matrix.RowCount}), got {values.Count}.");
        }
    }

    private static void RequireColumns(Matrix<double> matrix, string operation)
    {
        if (matrix.ColumnCount == 0)
        {
            throw new ArgumentException($"{operation}: the matrix has no columns.");
        }
    }
}
