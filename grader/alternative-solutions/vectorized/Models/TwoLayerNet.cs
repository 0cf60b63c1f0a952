// An alternative correct solution, "vectorized" style: biases broadcast with a column of ones.
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
        var ones = Matrix<double>.Build.Dense(x.RowCount, 1, 1.0);
        var hiddenIn = x * Weights["W1"] + ones * Weights["b1"];
        var hidden = Sigmoid(hiddenIn);
        var probabilities = Softmax(hidden * Weights["W2"] + ones * Weights["b2"]);
        double loss = CrossEntropyLoss(probabilities, y);
        double accuracy = ComputeAccuracy(probabilities, y);

        if (mode == ForwardMode.Train)
        {
            var dOut = (probabilities - y.OneHot(NumClasses)) * (1.0 / x.RowCount);
            var dHidden = (dOut * Weights["W2"].Transpose()).PointwiseMultiply(SigmoidDev(hiddenIn));
            Gradients["W1"] = x.Transpose() * dHidden;
            Gradients["b1"] = ones.Transpose() * dHidden;
            Gradients["W2"] = hidden.Transpose() * dOut;
            Gradients["b2"] = ones.Transpose() * dOut;
        }
        return (loss, accuracy);
    }
}
