// An alternative correct solution, "loops" style.
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
        var z1 = x * Weights["W1"];
        AddBias(z1, Weights["b1"]);
        var a1 = Sigmoid(z1);
        var z2 = a1 * Weights["W2"];
        AddBias(z2, Weights["b2"]);
        var p = Softmax(z2);
        double loss = CrossEntropyLoss(p, y);
        double accuracy = ComputeAccuracy(p, y);
        if (mode == ForwardMode.Evaluate)
        {
            return (loss, accuracy);
        }

        var dZ2 = p.Clone();
        for (int i = 0; i < n; i++)
        {
            dZ2[i, y[i]] -= 1;
        }
        dZ2 = dZ2 / n;
        var dA1 = dZ2 * Weights["W2"].Transpose();
        var dZ1 = Matrix<double>.Build.Dense(n, HiddenSize);
        for (int i = 0; i < n; i++)
        {
            for (int h = 0; h < HiddenSize; h++)
            {
                dZ1[i, h] = dA1[i, h] * a1[i, h] * (1 - a1[i, h]);
            }
        }
        Gradients["W2"] = a1.Transpose() * dZ2;
        Gradients["b2"] = ColumnTotals(dZ2);
        Gradients["W1"] = x.Transpose() * dZ1;
        Gradients["b1"] = ColumnTotals(dZ1);
        return (loss, accuracy);
    }

    private static void AddBias(Matrix<double> z, Matrix<double> bias)
    {
        for (int i = 0; i < z.RowCount; i++)
        {
            for (int j = 0; j < z.ColumnCount; j++)
            {
                z[i, j] += bias[0, j];
            }
        }
    }

    private static Matrix<double> ColumnTotals(Matrix<double> m)
    {
        var totals = Matrix<double>.Build.Dense(1, m.ColumnCount);
        for (int i = 0; i < m.RowCount; i++)
        {
            for (int j = 0; j < m.ColumnCount; j++)
            {
                totals[0, j] += m[i, j];
            }
        }
        return totals;
    }
}
