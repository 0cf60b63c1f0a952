// An alternative correct solution, "loops" style.
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
        var p = Softmax(ReLU(z));
        double loss = CrossEntropyLoss(p, y);
        double accuracy = ComputeAccuracy(p, y);
        if (mode != ForwardMode.Train)
        {
            return (loss, accuracy);
        }

        int n = y.Length;
        var dZ = Matrix<double>.Build.Dense(n, NumClasses);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < NumClasses; j++)
            {
                double dScore = (p[i, j] - (j == y[i] ? 1 : 0)) / n;
                dZ[i, j] = z[i, j] > 0 ? dScore : 0;
            }
        }
        Gradients["W1"] = x.Transpose() * dZ;
        return (loss, accuracy);
    }
}
