using Assignment1.Numerics;
using Assignment1.Numerics.Gemm;
using FluentAssertions;

namespace Assignment1.Grader.Tests.LinearAlgebra;

/// <summary>The gather behind SelectRows: the same values whether it prefetches or not and however many threads share it.</summary>
[TestFixture]
public class RowGatherTests
{
    [TestCase(48_000, 784, 64)]
    [TestCase(300, 7, 1_000)]
    [TestCase(5, 3, 2)]
    public void Gather_EqualsItsDefinition_WithOrWithoutPrefetch_OnAnyNumberOfThreads(int rows, int columns, int count)
    {
        var random = new NumpyRandom((uint)(rows + count));
        double[] source = random.Gaussians(rows * columns);
        int[] indices = Enumerable.Range(0, count / rows + 1).SelectMany(_ => random.Permutation(rows)).Take(count).ToArray();
        var expected = new double[count * columns];
        for (int c = 0; c < columns; c++)
        {
            for (int r = 0; r < count; r++)
            {
                expected[c * count + r] = source[c * rows + indices[r]];
            }
        }

        foreach (bool prefetch in new[] { false, true })
        {
            foreach (int threads in new[] { 1, 2, 3 })
            {
                var selected = new double[count * columns];
                RowGather.Gather(source, rows, columns, indices, selected, threads, prefetch);
                selected.Should().Equal(expected, $"prefetch {prefetch}, {threads} threads");
            }
        }
    }

    [Test]
    public void Gather_RefusesAnIndexOutsideTheRows_ANegativeShape_OrArraysTooShort_BeforeReadingAnything()
    {
        // It reads through pointers, without bounds checks: a bad index must be refused, not read.
        double[] source = new double[4 * 3];
        FluentActions.Invoking(() => RowGather.Gather(source, 4, 3, [0, 4], new double[6], 1))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*4 is outside 0..3*");
        FluentActions.Invoking(() => RowGather.Gather(source, 4, 3, [0, -1], new double[6], 2))
            .Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => RowGather.Gather(source, 5, 3, [0], new double[3], 1))
            .Should().Throw<ArgumentException>().WithMessage("*too short*");
        FluentActions.Invoking(() => RowGather.Gather(source, 4, 3, [0, 1], new double[5], 1))
            .Should().Throw<ArgumentException>().WithMessage("*too short*");
        // A negative shape would let any index through the unsigned check and read before the array.
        FluentActions.Invoking(() => RowGather.Gather(source, -4, -3, [5], new double[3], 1))
            .Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => RowGather.Gather(source, -1, 3, [1_000_000], new double[3], 1))
            .Should().Throw<ArgumentOutOfRangeException>();
    }
}
