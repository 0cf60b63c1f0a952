using Assignment1.Tests.Support;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Grader.Tests;

/// <summary>What a student reads when a public matrix check fails: where the values differ, not a corner of zeros.</summary>
[TestFixture]
public class PublicFailureMessageTests
{
    [Test]
    public void MatrixMismatch_ShowsTheEntriesAroundTheLargestDifference_NotTheTopLeftCorner()
    {
        // An MNIST weight gradient: the first rows (border pixels) are 0 in both, the difference is in the middle.
        var expected = Matrix<double>.Build.Dense(784, 10, (r, c) => r < 100 ? 0 : 0.001 * (r + c));
        var actual = expected.Clone();
        actual[400, 3] += 0.5;

        var check = () => Expect.Close(expected, actual, 1e-7, "Gradients[\"W1\"]", "a hint");

        FailureOf(check).Should().Contain("largest difference at [400, 3]: expected 0.403, actual 0.903")
            .And.Contain("rows 399-401, columns 1-5")
            .And.Contain("expected: [0.4, 0.401, 0.402, 0.403, 0.404] [0.401, 0.402, 0.403, 0.404, 0.405] [0.402, 0.403, 0.404, 0.405, 0.406]")
            .And.Contain("actual:   [0.4, 0.401, 0.402, 0.403, 0.404] [0.401, 0.402, 0.903, 0.404, 0.405]", "the actual block holds the wrong entry")
            .And.Contain("Hint: a hint");
    }

    [Test]
    public void MatrixMismatch_AtAnEdge_KeepsTheWindowInside()
    {
        var expected = Matrix<double>.Build.Dense(2, 3);
        var actual = expected.Clone();
        actual[1, 2] = double.NaN;

        var check = () => Expect.Close(expected, actual, 1e-7, "Softmax(x)", "a hint");

        FailureOf(check).Should().Contain("largest difference at [1, 2]: expected 0, actual NaN").And.Contain("rows 0-1, columns 0-2")
            .And.Contain("actual:   [0, 0, 0] [0, 0, NaN]");
    }

    /// <summary>The message of the failure <paramref name="check"/> reports, kept out of this test's own result.</summary>
    private static string FailureOf(Action check)
    {
        // NUnit records an Assert.Fail in the running test's result even when the exception is caught.
        using var isolated = new NUnit.Framework.Internal.TestExecutionContext.IsolatedContext();
        return check.Should().Throw<AssertionException>().Which.Message;
    }
}
