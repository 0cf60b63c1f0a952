using Assignment1.Models;
using Assignment1.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Tests.Support;

/// <summary>
/// The tests' own measure of what a model has learned: the share of samples whose largest score belongs to their label,
/// computed from the model's <see cref="BaseNetwork.Weights"/> with the assignment's formulas. The accuracy a
/// <see cref="BaseNetwork.Forward"/> returns is what the code under test says about itself; a training test that
/// believed it would pass a Forward that reports 100% and learns nothing.
/// </summary>
/// <remarks>
/// Scores: softmax regression ReLU(x·W1); two-layer network σ(x·W1 + b1)·W2 + b2. Softmax is left out, as it keeps each
/// row's largest entry where it is. Ties go to the first class, as <c>np.argmax</c> breaks them.
/// </remarks>
public static class ModelAccuracy
{
    /// <summary>Accuracy in [0, 1] of <paramref name="model"/>'s current weights on <paramref name="x"/> (N×D) with labels <paramref name="y"/> (length N).</summary>
    public static double Of(BaseNetwork model, Matrix<double> x, int[] y)
    {
        int[] predicted = Scores(model, x).ArgMaxPerRow();
        return (double)predicted.Where((label, row) => label == y[row]).Count() / y.Length;
    }

    /// <summary>The model's scores for <paramref name="x"/> (N×D), N×C, computed from its weights by the formulas above.</summary>
    public static Matrix<double> Scores(BaseNetwork model, Matrix<double> x) => model switch
    {
        TwoLayerNet => Affine(Affine(x, model, "W1", "b1").Map(v => 1.0 / (1.0 + Math.Exp(-v))), model, "W2", "b2"),
        SoftmaxRegression => Affine(x, model, "W1", bias: null).Map(v => Math.Max(0.0, v)),
        _ => throw new ArgumentException($"No formula for the scores of a {model.GetType().Name}.", nameof(model)),
    };

    /// <summary>a·W (+ b, added to every row), after checking that the model holds W (and b) in the shapes the product needs.</summary>
    private static Matrix<double> Affine(Matrix<double> a, BaseNetwork model, string weight, string? bias)
    {
        var w = Parameter(model, weight);
        if (w.RowCount != a.ColumnCount)
        {
            Expect.Fail($"The trained model's {weight} is {w.RowCount}x{w.ColumnCount}: it cannot multiply inputs of {a.ColumnCount} columns.\n"
                        + $"Hint: {weight} is in×out; Update must change its values, never replace it by a matrix of another shape.");
        }
        var product = a * w;
        if (bias is null)
        {
            return product;
        }
        var b = Parameter(model, bias);
        if (b.RowCount != 1 || b.ColumnCount != w.ColumnCount)
        {
            Expect.Fail($"The trained model's {bias} is {b.RowCount}x{b.ColumnCount}, expected 1x{w.ColumnCount}.\n"
                        + $"Hint: a bias is one row; Update must change its values, never replace it by a matrix of another shape.");
        }
        return product.AddRowVector(b);
    }

    private static Matrix<double> Parameter(BaseNetwork model, string name)
    {
        if (!model.Weights.TryGetValue(name, out var parameter) || parameter is null)
        {
            Expect.Fail($"The trained model has no parameter \"{name}\" in Weights.\nHint: Update changes the values of Weights; it must keep every entry.");
        }
        return parameter!;
    }
}
