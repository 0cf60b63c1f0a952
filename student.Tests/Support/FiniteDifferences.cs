using Assignment1.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Tests.Support;

/// <summary>
/// Checks a hand-derived gradient numerically: dL/dw ≈ (L(w + h) − L(w − h)) / 2h, the central difference,
/// on the entries where the analytic gradient is largest plus a few fixed others.
/// </summary>
public static class FiniteDifferences
{
    private const double Step = 1e-5;

    /// <summary>
    /// Compares <paramref name="analytic"/> (the gradient of <paramref name="parameter"/> the student stored)
    /// with central differences of the loss at <paramref name="samples"/> entries; fails with the first
    /// entry whose relative error exceeds <paramref name="tolerance"/>.
    /// </summary>
    /// <param name="model">The freshly initialised model, after a training-mode <c>Forward</c>.</param>
    /// <param name="parameter">The parameter checked ("W1", "b1", …).</param>
    /// <param name="analytic">The gradient the student's <c>Forward</c> stored for it.</param>
    /// <param name="x">The batch.</param>
    /// <param name="y">Its labels.</param>
    /// <param name="samples">How many entries to check.</param>
    /// <param name="tolerance">Largest relative error allowed.</param>
    /// <param name="hint">What to look at when an entry disagrees.</param>
    /// <param name="expectedLoss">
    /// The original's loss at these weights: the slope of a wrong loss says nothing about the gradient, so the loss
    /// must be right first (a constant loss and zero gradients agree perfectly, and are both wrong).
    /// </param>
    /// <param name="expectedGradient">The original's gradient: its largest entries are always among those checked.</param>
    public static void Check(BaseNetwork model, string parameter, Matrix<double> analytic,
        Matrix<double> x, int[] y, int samples, double tolerance, string hint, double expectedLoss, Matrix<double> expectedGradient)
    {
        double loss = model.Forward(x, y, ForwardMode.Evaluate).Loss;
        Expect.Close(expectedLoss, loss, 5e-6, $"Loss of {model.GetType().Name}.Forward (evaluation mode) at the weights whose gradient is checked",
            "a gradient check compares your gradient with the slope of your loss, so the loss must be right first: make the loss test of this model pass, then come back.");
        var weights = model.Weights[parameter];
        var originalsLargest = Largest(expectedGradient, samples / 4).ToHashSet();
        foreach (var (r, c) in PickEntries(expectedGradient, samples / 2).Concat(PickEntries(analytic, samples - samples / 2)).Distinct())
        {
            double original = weights[r, c];
            weights[r, c] = original + Step;
            double plus = model.Forward(x, y, ForwardMode.Evaluate).Loss;
            weights[r, c] = original - Step;
            double minus = model.Forward(x, y, ForwardMode.Evaluate).Loss;
            weights[r, c] = original;

            double numeric = (plus - minus) / (2 * Step);
            // Where the original's gradient is largest, the loss must also slope as the original's does: a loss that is
            // right at these weights only (a constant, say) has no slope, and a zero gradient would agree with it.
            if (originalsLargest.Contains((r, c)) && RelativeError(numeric, expectedGradient[r, c]) > tolerance)
            {
                Expect.Fail(
                    $"The slope of your loss along {parameter}[{r}, {c}] is not the original loss's.\n" +
                    $"  your loss, (L(w+h)−L(w−h))/2h: {Expect.Format(numeric)}\n" +
                    $"  the original loss's slope:     {Expect.Format(expectedGradient[r, c])}\n" +
                    $"Hint: your Forward's loss is right at these weights but not around them: it must be computed from the current Weights " +
                    $"(this check changes {parameter}[{r}, {c}] by ±{Step:0e0} and calls Forward in evaluation mode).");
            }
            double error = RelativeError(numeric, analytic[r, c]);
            if (error > tolerance)
            {
                Expect.Fail(
                    $"Gradients[\"{parameter}\"][{r}, {c}] disagrees with the numerical derivative of the loss.\n" +
                    $"  numerical (L(w+h)−L(w−h))/2h: {Expect.Format(numeric)}\n" +
                    $"  your gradient:                {Expect.Format(analytic[r, c])}\n" +
                    $"  relative error {Expect.Format(error)} (allowed {Expect.Format(tolerance)})\n" +
                    $"Hint: {Expect.BatchScaleHint(analytic[r, c] / numeric, y.Length)}{hint}");
            }
        }
    }

    private static IEnumerable<(int Row, int Column)> Largest(Matrix<double> gradient, int count) =>
        Enumerable.Range(0, gradient.RowCount)
            .SelectMany(r => Enumerable.Range(0, gradient.ColumnCount).Select(c => (Row: r, Column: c)))
            .OrderByDescending(e => Math.Abs(gradient[e.Row, e.Column]))
            .Take(count);

    private static double RelativeError(double numeric, double analytic) =>
        Math.Abs(numeric - analytic) / Math.Max(1e-8, Math.Abs(numeric) + Math.Abs(analytic));

    private static IEnumerable<(int Row, int Column)> PickEntries(Matrix<double> gradient, int samples)
    {
        var all = Enumerable.Range(0, gradient.RowCount)
            .SelectMany(r => Enumerable.Range(0, gradient.ColumnCount).Select(c => (r, c)))
            .ToList();
        var largest = Largest(gradient, samples / 2);
        var spread = all.Where((_, i) => i % Math.Max(1, all.Count / (samples - samples / 2)) == 0).Take(samples - samples / 2);
        return largest.Concat(spread).Distinct();
    }
}
