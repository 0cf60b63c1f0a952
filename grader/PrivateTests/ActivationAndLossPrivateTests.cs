using Assignment1.Models;
using Assignment1.Numerics;
using Assignment1.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.PrivateTests;

/// <summary>Activations, softmax, loss and accuracy at the edges: huge logits, exact zeros, underflow, ties.</summary>
[TestFixture]
public class ActivationAndLossPrivateTests
{
    private static BaseNetwork Model => new SoftmaxRegression(inputSize: 3, numClasses: 3);

    [Test]
    [Graded("8.1", 2, "Softmax: large logits", PrivateSuite.Visibility)]
    public void Softmax_OfHugeLogits_IsFiniteAndExact()
    {
        var scores = Matrix<double>.Build.DenseOfArray(new double[,] { { 1000, 1001, 1002 }, { -1000, -1001, -1002 }, { 0, 0, 0 }, { 800, -800, 0 } });
        var p = StudentCode.Run("Softmax", () => Model.Softmax(scores));
        double e0 = Math.Exp(-2), e1 = Math.Exp(-1);
        var expected = Matrix<double>.Build.DenseOfArray(new double[,]
        {
            { e0 / (e0 + e1 + 1), e1 / (e0 + e1 + 1), 1 / (e0 + e1 + 1) },
            { 1 / (e0 + e1 + 1), e1 / (e0 + e1 + 1), e0 / (e0 + e1 + 1) },
            { 1.0 / 3, 1.0 / 3, 1.0 / 3 },
            { 1, 0, Math.Exp(-800) },
        });
        Expect.Close(expected, p, 1e-12, "Softmax of logits around ±1000",
            "exp(1000) overflows to infinity and infinity/infinity is NaN: subtract each row's maximum before exponentiating.");
    }

    [Test]
    [Graded("8.2", 1, "Softmax: rows sum to 1, shape kept, input untouched", PrivateSuite.Visibility)]
    public void Softmax_RowsSumToOne_KeepsTheShape_AndLeavesTheInputAlone()
    {
        var scores = PrivateSuite.Random(17, 13, seed: 8, scale: 3);
        var before = scores.Clone();
        var p = StudentCode.Run("Softmax", () => Model.Softmax(scores));
        Expect.True(p.RowCount == 17 && p.ColumnCount == 13, "Softmax changed the shape", "17x13", $"{p.RowCount}x{p.ColumnCount}", "one probability per score.");
        Expect.Close(Matrix<double>.Build.Dense(17, 1, 1.0), Matrix<double>.Build.DenseOfColumnVectors(p.RowSums()), 1e-10,
            "Row sums of Softmax", "normalise every row by its own sum, not by the matrix's or a column's.");
        Expect.Close(before, scores, 0, "Softmax's input after the call", "compute into a new matrix; never modify the argument (MathNet's Map and operators return new matrices).");
    }

    [Test]
    [Graded("8.3", 1, "ReLU and its derivative at exactly 0", PrivateSuite.Visibility)]
    public void ReLUDerivative_AtZero_IsZero_AndInputsAreNotModified()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, -0.0, 1e-300, -1e-300 } });
        var before = x.Clone();
        var dev = StudentCode.Run("ReLUDev", () => Model.ReLUDev(x));
        var relu = StudentCode.Run("ReLU", () => Model.ReLU(x));
        Expect.Close(Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0, 1, 0 } }), dev, 0, "ReLUDev at 0, −0, ±1e-300",
            "ReLU'(x) is 1 only where x > 0: at exactly 0 it is 0 (use >, not >=).");
        Expect.Close(Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0, 1e-300, 0 } }), relu, 0, "ReLU at 0, −0, ±1e-300", "ReLU(x) = max(0, x).");
        Expect.Close(before, x, 0, "ReLU's input after the call", "never modify the argument.");
    }

    [Test]
    [Graded("8.4", 1, "Sigmoid at extreme inputs", PrivateSuite.Visibility)]
    public void Sigmoid_AtExtremes_IsFinite()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { -800, 800, -40, 40 } });
        var s = StudentCode.Run("Sigmoid", () => Model.Sigmoid(x));
        var d = StudentCode.Run("SigmoidDev", () => Model.SigmoidDev(x));
        Expect.Close(Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1, 1 / (1 + Math.Exp(40)), 1 / (1 + Math.Exp(-40)) } }), s, 1e-15,
            "Sigmoid at ±800 and ±40", "1 / (1 + exp(−x)) is finite for every x (exp overflows to infinity and 1/∞ = 0); avoid forms like exp(x)/(1+exp(x)), which give ∞/∞ = NaN.");
        Expect.True(d.Enumerate().All(double.IsFinite), "SigmoidDev at ±800 is not finite", "finite values", d.ToShortString(), "σ'(x) = σ(x)·(1 − σ(x)).");
    }

    [Test]
    [Graded("8.5", 1, "Cross-entropy: a mean, not a sum", PrivateSuite.Visibility)]
    public void CrossEntropy_IsTheMeanOverTheBatch()
    {
        var p = Matrix<double>.Build.DenseOfArray(new double[,] { { 0.7, 0.2, 0.1 }, { 0.1, 0.1, 0.8 } });
        var doubled = Matrix<double>.Build.DenseOfRowArrays(p.Row(0).ToArray(), p.Row(1).ToArray(), p.Row(0).ToArray(), p.Row(1).ToArray());
        double once = StudentCode.Run("CrossEntropyLoss", () => Model.CrossEntropyLoss(p, [0, 2]));
        double twice = StudentCode.Run("CrossEntropyLoss", () => Model.CrossEntropyLoss(doubled, [0, 2, 0, 2]));
        // The public test's tolerance: a small ε inside the log (log(p + 1e-8)) is no mistake; a sum is twice the mean.
        Expect.Close(-(Math.Log(0.7) + Math.Log(0.8)) / 2, once, 5e-6, "CrossEntropyLoss of two samples", "L = −(1/N) Σ log p[i, y[i]]: divide by N.");
        Expect.Close(once, twice, 1e-12, "CrossEntropyLoss of the same batch repeated twice", "the mean does not change when the batch is repeated; a sum would double.");
    }

    [Test]
    [Graded("8.6", 1, "Cross-entropy: finite when a probability underflows", PrivateSuite.Visibility)]
    public void CrossEntropy_StaysFinite_WhenTheLabelsProbabilityIsZero()
    {
        var p = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0, 0 }, { 0.5, 0.5, 0 } });
        double loss = StudentCode.Run("CrossEntropyLoss", () => Model.CrossEntropyLoss(p, [1, 0]));
        // Any floor a library would use passes: double.Epsilon gives 372, 1e-15 gives 17.6, Keras's 1e-7 gives 8.4.
        Expect.True(double.IsFinite(loss) && loss > 5, "CrossEntropyLoss when p[label] = 0", "a large finite number (above 5)", Expect.Format(loss),
            "log(0) is −∞: never take the log of something smaller than a tiny positive number (for example double.Epsilon or 1e-12).");
    }

    [Test]
    [Graded("8.7", 1, "Accuracy: ties and all-wrong batches", PrivateSuite.Visibility)]
    public void Accuracy_BreaksTiesLikeArgmax_AndIsZeroWhenAllAreWrong()
    {
        var tied = Matrix<double>.Build.DenseOfArray(new double[,] { { 0.5, 0.5, 0 }, { 0.2, 0.4, 0.4 } });
        double ties = StudentCode.Run("ComputeAccuracy", () => Model.ComputeAccuracy(tied, [0, 1]));
        Expect.Close(1.0, ties, 0, "Accuracy with tied probabilities", "a tie goes to the lowest class index, as np.argmax does (ArgMaxPerRow does this).");
        var p = Matrix<double>.Build.DenseOfArray(new double[,] { { 0.9, 0.05, 0.05 }, { 0.1, 0.8, 0.1 } });
        double wrong = StudentCode.Run("ComputeAccuracy", () => Model.ComputeAccuracy(p, [2, 0]));
        Expect.Close(0.0, wrong, 0, "Accuracy when every prediction is wrong", "count matches of the predicted class with the label, over N.");
    }
}
