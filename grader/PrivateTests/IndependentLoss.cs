using Assignment1.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.PrivateTests;

/// <summary>
/// The tests' own forward pass and loss, written with plain loops over copies of the weights, so that a gradient
/// check compares the student's gradient with the slope of the true loss, whatever the student's Forward reports.
/// Softmax regression: x·W1 → ReLU → softmax → mean cross-entropy. Two-layer network: x·W1 + b1 → sigmoid →
/// ·W2 + b2 → softmax → mean cross-entropy.
/// </summary>
public static class IndependentLoss
{
    /// <summary>The mean cross-entropy loss of <paramref name="model"/>'s current weights on the batch (N×D, labels of length N).</summary>
    public static double Of(BaseNetwork model, Matrix<double> x, int[] y)
    {
        double[,] input = x.ToArray();
        double[,] scores = model switch
        {
            TwoLayerNet => Affine(Map(Affine(input, Weight(model, "W1"), Weight(model, "b1")), v => 1.0 / (1.0 + Math.Exp(-v))),
                Weight(model, "W2"), Weight(model, "b2")),
            SoftmaxRegression => Map(Affine(input, Weight(model, "W1"), null), v => Math.Max(0.0, v)),
            _ => throw new ArgumentException($"No independent loss for {model.GetType().Name}."),
        };
        double total = 0;
        for (int i = 0; i < scores.GetLength(0); i++)
        {
            double max = double.NegativeInfinity;
            for (int k = 0; k < scores.GetLength(1); k++)
            {
                max = Math.Max(max, scores[i, k]);
            }
            double sum = 0;
            for (int k = 0; k < scores.GetLength(1); k++)
            {
                sum += Math.Exp(scores[i, k] - max);
            }
            // −log softmax = log Σ exp(s − max) − (s_y − max)
            total += Math.Log(sum) - (scores[i, y[i]] - max);
        }
        return total / scores.GetLength(0);
    }

    private static double[,] Weight(BaseNetwork model, string name) =>
        model.Weights.TryGetValue(name, out var weight) ? weight.ToArray() : throw new InvalidOperationException($"The model has no weight \"{name}\".");

    private static double[,] Affine(double[,] a, double[,] w, double[,]? bias)
    {
        int n = a.GetLength(0), d = a.GetLength(1), m = w.GetLength(1);
        var result = new double[n, m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double sum = bias?[0, j] ?? 0;
                for (int k = 0; k < d; k++)
                {
                    sum += a[i, k] * w[k, j];
                }
                result[i, j] = sum;
            }
        }
        return result;
    }

    private static double[,] Map(double[,] a, Func<double, double> f)
    {
        var result = new double[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
            {
                result[i, j] = f(a[i, j]);
            }
        }
        return result;
    }
}
