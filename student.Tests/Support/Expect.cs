using System.Globalization;
using System.Text;
using Assignment1.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Tests.Support;

/// <summary>
/// Assertions whose failure messages teach: what was checked, what was expected, what came back,
/// where the largest difference is, and a hint.
/// </summary>
[System.Diagnostics.StackTraceHidden] // failures point at the test's line, not at these helpers
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
            Fail($"{what}: got null, expected a {expected.RowCount}x{expected.ColumnCount} matrix.\nHint: {hint}");
            return;
        }
        if (actual.RowCount != expected.RowCount || actual.ColumnCount != expected.ColumnCount)
        {
            Fail($"{what}: wrong shape.\n  expected: {expected.RowCount}x{expected.ColumnCount}\n  actual:   {actual.RowCount}x{actual.ColumnCount}\nHint: {hint}");
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
        // Around the largest difference, not the top-left corner: for MNIST weights that corner is the image border,
        // whose pixels (and so whose gradients) are always 0, and would show two identical blocks of zeros.
        var (rows, columns) = (Window(at.Row, expected.RowCount, 1), Window(at.Column, expected.ColumnCount, 2));
        message.AppendLine($"  around it (rows {rows.Start}-{rows.End - 1}, columns {columns.Start}-{columns.End - 1}):");
        message.AppendLine($"    expected: {Block(expected, rows, columns)}");
        message.AppendLine($"    actual:   {Block(actual, rows, columns)}");
        message.Append($"Hint: {hint}");
        Fail(message.ToString());
    }

    /// <summary>Indices [Start, End) of at most 2·<paramref name="radius"/> + 1 entries around <paramref name="center"/>, inside [0, <paramref name="count"/>).</summary>
    private static (int Start, int End) Window(int center, int count, int radius)
    {
        int start = Math.Max(0, Math.Min(center - radius, count - (2 * radius + 1)));
        return (start, Math.Min(count, start + 2 * radius + 1));
    }

    /// <summary>The entries of <paramref name="m"/> in the given rows and columns, one bracketed row each.</summary>
    private static string Block(Matrix<double> m, (int Start, int End) rows, (int Start, int End) columns) =>
        string.Join(" ", Enumerable.Range(rows.Start, rows.End - rows.Start).Select(r =>
            "[" + string.Join(", ", Enumerable.Range(columns.Start, columns.End - columns.Start).Select(c => m[r, c].ToString("G6", CultureInfo.InvariantCulture))) + "]"));

    /// <summary>Fails unless |actual − expected| ≤ <paramref name="tolerance"/>.</summary>
    public static void Close(double expected, double actual, double tolerance, string what, string hint)
    {
        if (Math.Abs(actual - expected) <= tolerance)
        {
            return;
        }
        Fail($"{what}: wrong value.\n  expected: {Format(expected)} (± {Format(tolerance)})\n  actual:   {Format(actual)}\nHint: {hint}");
    }

    /// <summary>Fails with the hint unless <paramref name="condition"/> holds.</summary>
    public static void True(bool condition, string what, string expected, string actual, string hint)
    {
        if (!condition)
        {
            Fail($"{what}.\n  expected: {expected}\n  actual:   {actual}\nHint: {hint}");
        }
    }

    /// <summary>
    /// Fails the test with <paramref name="message"/>. Unlike <c>Assert.Fail</c>, which NUnit also records as an
    /// assertion result, the failure is reported once, so each failure shows its stack trace once, not twice.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Fail(string message) => throw new AssertionException(message);

    /// <summary>Invariant, round-trippable formatting for messages.</summary>
    public static string Format(double value) => value.ToString("G10", CultureInfo.InvariantCulture);
}
