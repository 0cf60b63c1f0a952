using System.Globalization;
using System.Text;
using Assignment1.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Tests.Support;

/// <summary>
/// Assertions whose failure messages teach: what was checked, what was expected, what came back,
/// where the largest difference is, and a hint.
/// </summary>
public static class Expect
{
    /// <summary>
    /// Fails unless <paramref name="actual"/> has the shape of <paramref name="expected"/> and
    /// Σ|actual − expected| ≤ <paramref name="tolerance"/> (the original's check).
    /// </summary>
    public static void Close(Matrix<double> expected, Matrix<double>? actual, double tolerance, string what, string hint)
    {
        if (actual is null)
        {
            Assert.Fail($"{what}: got null, expected a {expected.RowCount}x{expected.ColumnCount} matrix.\nHint: {hint}");
            return;
        }
        if (actual.RowCount != expected.RowCount || actual.ColumnCount != expected.ColumnCount)
        {
            Assert.Fail($"{what}: wrong shape.\n  expected: {expected.RowCount}x{expected.ColumnCount}\n  actual:   {actual.RowCount}x{actual.ColumnCount}\nHint: {hint}");
        }

        double total = 0.0, largest = -1.0;
        (int Row, int Column) at = (0, 0);
        for (int r = 0; r < expected.RowCount; r++)
        {
            for (int c = 0; c < expected.ColumnCount; c++)
            {
                double difference = Math.Abs(actual[r, c] - expected[r, c]);
                if (double.IsNaN(difference))
                {
                    difference = double.PositiveInfinity;
                }
                total += difference;
                if (difference > largest)
                {
                    (largest, at) = (difference, (r, c));
                }
            }
        }
        if (total <= tolerance)
        {
            return;
        }

        var message = new StringBuilder();
        message.AppendLine($"{what}: wrong values (sum of absolute differences {Format(total)}, allowed {Format(tolerance)}).");
        message.AppendLine($"  largest difference at [{at.Row}, {at.Column}]: expected {Format(expected[at.Row, at.Column])}, actual {Format(actual[at.Row, at.Column])}");
        message.AppendLine($"  expected: {expected.ToShortString()}");
        message.AppendLine($"  actual:   {actual.ToShortString()}");
        message.Append($"Hint: {hint}");
        Assert.Fail(message.ToString());
    }

    /// <summary>Fails unless |actual − expected| ≤ <paramref name="tolerance"/>.</summary>
    public static void Close(double expected, double actual, double tolerance, string what, string hint)
    {
        if (Math.Abs(actual - expected) <= tolerance)
        {
            return;
        }
        Assert.Fail($"{what}: wrong value.\n  expected: {Format(expected)} (± {Format(tolerance)})\n  actual:   {Format(actual)}\nHint: {hint}");
    }

    /// <summary>Fails with the hint unless <paramref name="condition"/> holds.</summary>
    public static void True(bool condition, string what, string expected, string actual, string hint)
    {
        if (!condition)
        {
            Assert.Fail($"{what}.\n  expected: {expected}\n  actual:   {actual}\nHint: {hint}");
        }
    }

    /// <summary>Invariant, round-trippable formatting for messages.</summary>
    public static string Format(double value) => value.ToString("G10", CultureInfo.InvariantCulture);
}
