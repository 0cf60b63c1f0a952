// An alternative correct solution, "log-sum-exp" style: the loss straight from the logits.
using Assignment1.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Models;

public sealed class SoftmaxRegression : BaseNetwork
{
    public SoftmaxRegression(int inputSize = 28 * 28, int numClasses = 10)
        : base(inputSize, numClasses)
    {
        Weights["W1"] = WeightInitializer.Gaussian(inputSize, numClasses);
        Gradients["W1"] = Matrix<double>.Build.Dense(inputSize, numClasses);
    }

    public override (double Loss, double Accuracy) Forward(Matrix<double> x, int[] y, ForwardMode mode = ForwardMode.Train)
    {
        var z = x * Weights["W1"];
        var logits = ReLU(z);
        double[] lse = LogSumExpPerRow(logits);
        double loss = y.Select((label, i) => lse[i] - logits[i, label]).Average();
        var probabilities = Softmax(logits);
        double accuracy = ComputeAccuracy(probabilities, y);

        if (mode == ForwardMode.Train)
        {
            var delta = probabilities - y.OneHot(NumClasses);
            Gradients["W1"] = x.TransposeThisAndMultiply(delta.PointwiseMultiply(ReLUDev(z))) / x.RowCount;
        }
        return (loss, accuracy);
    }
}
