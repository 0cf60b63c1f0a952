// An alternative correct solution, "log-sum-exp" style: the loss straight from the logits; averages at the end.
using Assignment1.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Models;

public sealed class TwoLayerNet : BaseNetwork
{
    public TwoLayerNet(int inputSize = 28 * 28, int numClasses = 10, int hiddenSize = 128)
        : base(inputSize, numClasses)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        HiddenSize = hiddenSize;
        Weights["W1"] = WeightInitializer.Gaussian(inputSize, hiddenSize);
        Weights["b1"] = Matrix<double>.Build.Dense(1, hiddenSize);
        Weights["W2"] = WeightInitializer.Gaussian(hiddenSize, numClasses);
        Weights["b2"] = Matrix<double>.Build.Dense(1, numClasses);
        foreach (var (name, parameter) in Weights)
        {
            Gradients[name] = Matrix<double>.Build.Dense(parameter.RowCount, parameter.ColumnCount);
        }
    }

    public int HiddenSize { get; }

    public override (double Loss, double Accuracy) Forward(Matrix<double> x, int[] y, ForwardMode mode = ForwardMode.Train)
    {
        int n = x.RowCount;
        var z1 = (x * Weights["W1"]).AddRowVector(Weights["b1"]);
        var a1 = Sigmoid(z1);
        var logits = (a1 * Weights["W2"]).AddRowVector(Weights["b2"]);
        double[] lse = LogSumExpPerRow(logits);
        double loss = Enumerable.Range(0, n).Sum(i => lse[i] - logits[i, y[i]]) / n;
        var probabilities = Softmax(logits);
        double accuracy = ComputeAccuracy(probabilities, y);

        if (mode == ForwardMode.Train)
        {
            // Sums over the batch first, one division by N per gradient at the end.
            var delta2 = probabilities - y.OneHot(NumClasses);
            var delta1 = delta2.TransposeAndMultiply(Weights["W2"]).PointwiseMultiply(a1.Map(s => s * (1 - s)));
            Gradients["W2"] = a1.TransposeThisAndMultiply(delta2) / n;
            Gradients["b2"] = delta2.SumOverRows() / n;
            Gradients["W1"] = x.TransposeThisAndMultiply(delta1) / n;
            Gradients["b1"] = delta1.SumOverRows() / n;
        }
        return (loss, accuracy);
    }
}
