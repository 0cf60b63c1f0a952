// An alternative correct solution, "vectorized" style.
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
        var scores = x.Multiply(Weights["W1"]);
        var probabilities = Softmax(ReLU(scores));
        var result = (CrossEntropyLoss(probabilities, y), ComputeAccuracy(probabilities, y));
        if (mode == ForwardMode.Train)
        {
            var labels = Matrix<double>.Build.Dense(y.Length, NumClasses, (i, j) => y[i] == j ? 1.0 : 0.0);
            var dScores = (probabilities - labels).Divide(y.Length).PointwiseMultiply(ReLUDev(scores));
            Gradients["W1"] = x.TransposeThisAndMultiply(dScores);
        }
        return result;
    }
}
