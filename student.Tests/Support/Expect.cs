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
    /// <param name="batchSize">
    /// For a gradient averaged over a batch, its size N: an <paramref name="actual"/> that is N times too large
    /// (or too small) gets a hint that says so before <paramref name="hint"/>.
    /// </param>
    public static void Close(Matrix<double> expected, Matrix<double>? actual, double tolerance, string what, string hint, int? batchSize = null)
    {
        if (batchSize is { } n && actual is not null && actual.RowCount == expected.RowCount && actual.ColumnCount == expected.ColumnCount)
        {
            hint = BatchScaleHint(Scale(expected, actual), n) + hint;
        }
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

    /// <summary>
    /// What a gradient that is a whole-batch multiple of the right one means: about N times too large is the loss
    /// or dL/dZ summed over the batch instead of averaged; N times too small is dividing by N twice. "" otherwise.
    /// </summary>
    /// <param name="ratio">The student's gradient over the right one.</param>
    /// <param name="batchSize">N.</param>
    public static string BatchScaleHint(double ratio, int batchSize) =>
        Math.Abs(ratio / batchSize - 1) < 0.02
            ? $"your gradient is about N = {batchSize} (the batch size) times too large: your loss or dZ may be summed instead of averaged over the batch. "
            : Math.Abs(ratio * batchSize - 1) < 0.02
                ? $"your gradient is about N = {batchSize} (the batch size) times too small: it may be divided by N twice. "
                : "";

    /// <summary>
    /// The s for which <paramref name="actual"/> ≈ s·<paramref name="expected"/>, when that fit leaves less than 1% of
    /// <paramref name="actual"/>'s norm unexplained; NaN otherwise.
    /// </summary>
    private static double Scale(Matrix<double> expected, Matrix<double> actual)
    {
        double expectedSquared = expected.PointwiseMultiply(expected).Enumerate().Sum();
        if (expectedSquared == 0)
        {
            return double.NaN;
        }
        double scale = expected.PointwiseMultiply(actual).Enumerate().Sum() / expectedSquared;
        double residual = (actual - scale * expected).FrobeniusNorm();
        return residual <= 0.01 * actual.FrobeniusNorm() ? scale : double.NaN;
    }

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
    /// Fails the running test with <paramref name="message"/>. The failure is an exception, not an NUnit assertion
    /// result, so it is reported once; and its stack trace holds only <paramref name="studentFrames"/> (the frames of
    /// the student's own files, when the student's code threw), since the test's own frames say nothing the message
    /// does not.
    /// </summary>
    /// <param name="message">What was expected, what the student's code did, and a hint.</param>
    /// <param name="studentFrames">Stack frames in student/, one per line; null when the failure is a check of values.</param>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Fail(string message, string? studentFrames = null) => throw new StudentFailure(message, studentFrames);

    /// <summary>Invariant, round-trippable formatting for messages.</summary>
    public static string Format(double value) => value.ToString("G10", CultureInfo.InvariantCulture);
}

/// <summary>A failed public test, with a stack trace that shows only the student's frames (see <see cref="Expect.Fail"/>).</summary>
/// <param name="message">The failure message.</param>
/// <param name="studentFrames">The student's frames, or null for none.</param>
public sealed class StudentFailure(string message, string? studentFrames) : AssertionException(message)
{
    /// <inheritdoc/>
    public override string? StackTrace => studentFrames;
}
