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
    public static void Check(BaseNetwork model, string parameter, Matrix<double> analytic,
        Matrix<double> x, int[] y, int samples, double tolerance, string hint)
    {
        var weights = model.Weights[parameter];
        foreach (var (r, c) in PickEntries(analytic, samples))
        {
            double original = weights[r, c];
            weights[r, c] = original + Step;
            double plus = model.Forward(x, y, ForwardMode.Evaluate).Loss;
            weights[r, c] = original - Step;
            double minus = model.Forward(x, y, ForwardMode.Evaluate).Loss;
            weights[r, c] = original;

            double numeric = (plus - minus) / (2 * Step);
            double error = Math.Abs(numeric - analytic[r, c]) / Math.Max(1e-8, Math.Abs(numeric) + Math.Abs(analytic[r, c]));
            if (error > tolerance)
            {
                Assert.Fail(
                    $"Gradients[\"{parameter}\"][{r}, {c}] disagrees with the numerical derivative of the loss.\n" +
                    $"  numerical (L(w+h)−L(w−h))/2h: {Expect.Format(numeric)}\n" +
                    $"  your gradient:                {Expect.Format(analytic[r, c])}\n" +
                    $"  relative error {Expect.Format(error)} (allowed {Expect.Format(tolerance)})\n" +
                    $"Hint: {hint}");
            }
        }
    }

    private static IEnumerable<(int Row, int Column)> PickEntries(Matrix<double> gradient, int samples)
    {
        var all = Enumerable.Range(0, gradient.RowCount)
            .SelectMany(r => Enumerable.Range(0, gradient.ColumnCount).Select(c => (r, c)))
            .ToList();
        var largest = all.OrderByDescending(e => Math.Abs(gradient[e.r, e.c])).Take(samples / 2);
        var spread = all.Where((_, i) => i % Math.Max(1, all.Count / (samples - samples / 2)) == 0).Take(samples - samples / 2);
        return largest.Concat(spread).Distinct();
    }
}
