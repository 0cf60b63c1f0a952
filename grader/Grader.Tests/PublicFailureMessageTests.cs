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

    [TestCase(64.0, "times too large: your loss or dZ may be summed instead of averaged over the batch")]
    [TestCase(1.0 / 64, "times too small: it may be divided by N twice")]
    public void GradientOffByTheBatchSize_SaysSo_BeforeTheHint(double factor, string words)
    {
        var expected = Matrix<double>.Build.Dense(784, 10, (r, c) => Math.Sin(r + 7 * c) * 1e-3);
        var actual = factor * expected;

        var check = () => Expect.Close(expected, actual, 5e-8, "Gradients[\"W1\"]", "a hint", batchSize: 64);

        FailureOf(check).Should().Contain($"Hint: your gradient is about N = 64 (the batch size) {words}. a hint");
    }

    [TestCase(2.0)]
    [TestCase(64.0)]
    public void GradientWrongOtherwise_GetsOnlyItsOwnHint(double factor)
    {
        var expected = Matrix<double>.Build.Dense(784, 10, (r, c) => Math.Sin(r + 7 * c) * 1e-3);
        var actual = factor * expected;
        actual[5, 5] += 1.0; // not a multiple of the right gradient any more when factor is 64; twice it when 2

        var check = () => Expect.Close(expected, actual, 5e-8, "Gradients[\"W1\"]", "a hint", batchSize: 64);

        FailureOf(check).Should().Contain("Hint: a hint").And.NotContain("the batch size");
    }

    [Test]
    public void AFailedCheck_CarriesNoStackTraceOfTheTests()
    {
        var failure = FluentActions.Invoking(() => Expect.True(false, "ReLU(x)", "0", "1", "a hint")).Should().Throw<AssertionException>().Which;

        failure.StackTrace.Should().BeNull("the message says what failed; the test's own frames would only add lines to every failure");
        new StudentFailure("m", "   at Assignment1.Models.TwoLayerNet.Forward() in /a1/student/Models/TwoLayerNet.cs:line 5").StackTrace
            .Should().Contain("student/Models/TwoLayerNet.cs:line 5", "when the student's code threw, its own frames are the stack trace");
    }

    /// <summary>The message of the failure <paramref name="check"/> reports, kept out of this test's own result.</summary>
    private static string FailureOf(Action check)
    {
        // NUnit records an Assert.Fail in the running test's result even when the exception is caught.
        using var isolated = new NUnit.Framework.Internal.TestExecutionContext.IsolatedContext();
        return check.Should().Throw<AssertionException>().Which.Message;
    }
}
