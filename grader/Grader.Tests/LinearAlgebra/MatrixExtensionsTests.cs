using Assignment1.Numerics;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Grader.Tests.LinearAlgebra;

/// <summary>
/// The provided NumPy-style helpers read MathNet's column-major arrays directly (for speed); each is checked here
/// against its definition written with the element indexer, on dense and on sparse matrices (which have no such
/// array), and none may change its inputs.
/// </summary>
[TestFixture]
public class MatrixExtensionsTests
{
    private static IEnumerable<TestCaseData> Inputs()
    {
        foreach (var (rows, columns) in new[] { (1, 1), (3, 7), (64, 10), (17, 128) })
        {
            var random = new NumpyRandom((uint)(rows * 1000 + columns));
            var dense = Matrix<double>.Build.DenseOfColumnMajor(rows, columns, random.Gaussians(rows * columns));
            yield return new TestCaseData(dense).SetArgDisplayNames($"dense {rows}x{columns}");
            var sparse = Matrix<double>.Build.Sparse(rows, columns, (r, c) => (r + c) % 3 == 0 ? dense[r, c] : 0.0);
            yield return new TestCaseData(sparse).SetArgDisplayNames($"sparse {rows}x{columns}");
        }
    }

    [TestCaseSource(nameof(Inputs))]
    public void EveryHelper_EqualsItsDefinition_AndLeavesItsInputsAlone(Matrix<double> matrix)
    {
        int rows = matrix.RowCount, columns = matrix.ColumnCount;
        var original = matrix.Clone();
        var row = Matrix<double>.Build.Dense(1, columns, (_, c) => 0.5 * c - 1.0);
        var perRow = Vector<double>.Build.Dense(rows, r => 1.5 + r);
        int[] picked = Enumerable.Range(0, 2 * rows + 1).Select(i => (i * 7) % rows).ToArray();

        matrix.AddRowVector(row).Should().Be(Matrix<double>.Build.Dense(rows, columns, (r, c) => matrix[r, c] + row[0, c]));
        matrix.SumOverRows().Should().Be(Matrix<double>.Build.Dense(1, columns, (_, c) => Enumerable.Range(0, rows).Aggregate(0.0, (sum, r) => sum + matrix[r, c])));
        matrix.MaxPerRow().Should().Equal(Vector<double>.Build.Dense(rows, r => Enumerable.Range(0, columns).Max(c => matrix[r, c])));
        matrix.ArgMaxPerRow().Should().Equal(Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, columns).First(c => matrix[r, c] == Enumerable.Range(0, columns).Max(j => matrix[r, j]))));
        matrix.SubtractFromEachRow(perRow).Should().Be(Matrix<double>.Build.Dense(rows, columns, (r, c) => matrix[r, c] - perRow[r]));
        matrix.DivideEachRowBy(perRow).Should().Be(Matrix<double>.Build.Dense(rows, columns, (r, c) => matrix[r, c] / perRow[r]));
        matrix.SelectRows(picked).Should().Be(Matrix<double>.Build.Dense(picked.Length, columns, (r, c) => matrix[picked[r], c]));

        matrix.Should().Be(original, "no helper may modify the matrix it is given");
        row.Should().Be(Matrix<double>.Build.Dense(1, columns, (_, c) => 0.5 * c - 1.0));
    }

    [TestCase(2_000, 785, 64)]
    [TestCase(40_000, 1, 20_000)]
    [TestCase(500, 3, 9_000)]
    public void SelectRows_LargeEnoughToGatherOnSeveralThreads_EqualsItsDefinition(int rows, int columns, int count)
    {
        // A training batch (64 of 784 columns) is gathered by several threads, each taking a run of columns; this
        // checks every column boundary between them, with repeated indices, as a shuffled epoch never has.
        var random = new NumpyRandom((uint)(rows + columns));
        var matrix = Matrix<double>.Build.DenseOfColumnMajor(rows, columns, random.Gaussians(rows * columns));
        int[] picked = Enumerable.Range(0, count / rows + 1).SelectMany(_ => random.Permutation(rows)).Take(count).ToArray();

        matrix.SelectRows(picked).Should().Be(Matrix<double>.Build.Dense(count, columns, (r, c) => matrix[picked[r], c]));
    }

    [Test]
    public void ResultsAreNewMatrices_NotViewsOfTheInput()
    {
        var matrix = Matrix<double>.Build.Dense(2, 2, [1.0, 2.0, 3.0, 4.0]);
        var added = matrix.AddRowVector(Matrix<double>.Build.Dense(1, 2));
        var selected = matrix.SelectRows([0, 1]);

        added[0, 0] = 100.0;
        selected[1, 1] = 100.0;

        matrix.Should().Be(Matrix<double>.Build.Dense(2, 2, [1.0, 2.0, 3.0, 4.0]));
    }

    [Test]
    public void WrongShapes_AreRefusedWithTheShapesInTheMessage()
    {
        var matrix = Matrix<double>.Build.Dense(4, 3);

        FluentActions.Invoking(() => matrix.AddRowVector(Matrix<double>.Build.Dense(1, 2)))
            .Should().Throw<ArgumentException>().WithMessage("*1x3*4x3*1x2*");
        FluentActions.Invoking(() => matrix.SubtractFromEachRow(Vector<double>.Build.Dense(3)))
            .Should().Throw<ArgumentException>().WithMessage("*one value per row (4), got 3*");
        FluentActions.Invoking(() => matrix.DivideEachRowBy(Vector<double>.Build.Dense(5)))
            .Should().Throw<ArgumentException>().WithMessage("*one value per row (4), got 5*");
        FluentActions.Invoking(() => matrix.SelectRows([0, 4]))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*row index 4 is outside 0..3*");
    }
}
