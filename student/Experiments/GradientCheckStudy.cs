using Assignment1.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Experiments;

/// <summary>One row of the gradient-check study.</summary>
/// <param name="N">The step is ε = 1/N.</param>
/// <param name="Epsilon">ε.</param>
/// <param name="MaxDifference">The largest |analytic − central-difference| over the checked weights.</param>
public sealed record GradientCheckRow(int N, double Epsilon, double MaxDifference);

/// <summary>
/// The finite-difference study: for ε = 1/N, the largest difference between your <c>Forward</c>'s analytic gradient and
/// the central difference <c>(L(w + ε) − L(w − ε)) / 2ε</c> over the first p weights of a parameter (row by row).
/// The central difference's truncation error shrinks as ε² (a slope of −2 on log-log axes) until round-off, which
/// grows as 1/ε (about machine ε · L / ε), takes over for large N.
/// </summary>
public static class GradientCheckStudy
{
    /// <summary>The study's N: 1, 5, 10, 50, …, 100,000.</summary>
    public static readonly IReadOnlyList<int> DefaultNs = [1, 5, 10, 50, 100, 500, 1_000, 5_000, 10_000, 50_000, 100_000];

    /// <summary>Runs the study on <paramref name="model"/> at the batch (<paramref name="x"/>, <paramref name="y"/>).</summary>
    /// <param name="model">The model, whose weights are restored exactly after every perturbation.</param>
    /// <param name="x">Inputs, N×D.</param>
    /// <param name="y">Labels.</param>
    /// <param name="parameter">The parameter to check, e.g. <c>W2</c>.</param>
    /// <param name="count">How many of its weights (p), counted row by row.</param>
    /// <param name="ns">The values of N; <see cref="DefaultNs"/> when null.</param>
    /// <exception cref="ArgumentException">The model has no such parameter.</exception>
    public static IReadOnlyList<GradientCheckRow> Run(BaseNetwork model, Matrix<double> x, int[] y, string parameter = "W2", int count = 10, IReadOnlyList<int>? ns = null)
    {
        if (!model.Weights.TryGetValue(parameter, out var weight))
        {
            throw new ArgumentException($"{model.GetType().Name} has no parameter '{parameter}'; it has {string.Join(", ", model.Weights.Keys)}.", nameof(parameter));
        }
        count = Math.Min(count, weight.RowCount * weight.ColumnCount);
        model.Forward(x, y, ForwardMode.Train);
        var analytic = model.Gradients[parameter].Clone();

        var rows = new List<GradientCheckRow>();
        foreach (int n in ns ?? DefaultNs)
        {
            double epsilon = 1.0 / n, largest = 0;
            for (int k = 0; k < count; k++)
            {
                int row = k / weight.ColumnCount, column = k % weight.ColumnCount;
                // Looked up each time: a Forward that replaces the matrix instead of reading it is still perturbed correctly.
                double original = model.Weights[parameter][row, column];
                model.Weights[parameter][row, column] = original + epsilon;
                double plus = model.Forward(x, y, ForwardMode.Evaluate).Loss;
                model.Weights[parameter][row, column] = original - epsilon;
                double minus = model.Forward(x, y, ForwardMode.Evaluate).Loss;
                model.Weights[parameter][row, column] = original;
                largest = Math.Max(largest, Math.Abs(analytic[row, column] - (plus - minus) / (2 * epsilon)));
            }
            rows.Add(new GradientCheckRow(n, epsilon, largest));
        }
        return rows;
    }

    /// <summary>The least-squares slope of log₁₀(difference) against log₁₀(N) over the rows with N in [<paramref name="fromN"/>, <paramref name="toN"/>].</summary>
    public static double Slope(IReadOnlyList<GradientCheckRow> rows, int fromN, int toN)
    {
        var points = rows.Where(r => r.N >= fromN && r.N <= toN && r.MaxDifference > 0)
            .Select(r => (X: Math.Log10(r.N), Y: Math.Log10(r.MaxDifference))).ToList();
        if (points.Count < 2)
        {
            throw new ArgumentException($"Fewer than two rows with N in [{fromN}, {toN}] and a nonzero difference.", nameof(rows));
        }
        double meanX = points.Average(p => p.X), meanY = points.Average(p => p.Y);
        return points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
    }

    /// <summary>The rows as a Markdown table.</summary>
    public static string ToMarkdown(IReadOnlyList<GradientCheckRow> rows, string parameter, int count)
    {
        var lines = new List<string> { $"| N | ε = 1/N | max over the first {count} weights of {parameter} of abs(analytic − numeric) |", "|---:|---:|---:|" };
        lines.AddRange(rows.Select(r => $"| {r.N} | {r.Epsilon:0.#####E+0} | {r.MaxDifference:0.###E+0} |"));
        return string.Join(Environment.NewLine, lines);
    }
}
