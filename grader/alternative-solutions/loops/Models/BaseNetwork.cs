// An alternative correct solution, "loops" style: explicit loops over entries, as a student coming from C would write it.
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Models;

public abstract class BaseNetwork
{
    protected BaseNetwork(int inputSize, int numClasses)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 2);
        InputSize = inputSize;
        NumClasses = numClasses;
    }

    public int InputSize { get; }

    public int NumClasses { get; }

    public Dictionary<string, Matrix<double>> Weights { get; } = new();

    public Dictionary<string, Matrix<double>> Gradients { get; } = new();

    public abstract (double Loss, double Accuracy) Forward(Matrix<double> x, int[] y, ForwardMode mode = ForwardMode.Train);

    public Matrix<double> Softmax(Matrix<double> scores)
    {
        var result = Matrix<double>.Build.Dense(scores.RowCount, scores.ColumnCount);
        for (int i = 0; i < scores.RowCount; i++)
        {
            double max = double.NegativeInfinity;
            for (int j = 0; j < scores.ColumnCount; j++)
            {
                max = Math.Max(max, scores[i, j]);
            }
            double total = 0;
            for (int j = 0; j < scores.ColumnCount; j++)
            {
                result[i, j] = Math.Exp(scores[i, j] - max);
                total += result[i, j];
            }
            for (int j = 0; j < scores.ColumnCount; j++)
            {
                result[i, j] /= total;
            }
        }
        return result;
    }

    public double CrossEntropyLoss(Matrix<double> xPred, int[] y)
    {
        const double tiny = 1e-300;
        double total = 0;
        for (int i = 0; i < y.Length; i++)
        {
            total -= Math.Log(xPred[i, y[i]] + tiny);
        }
        return total / y.Length;
    }

    public double ComputeAccuracy(Matrix<double> xPred, int[] y)
    {
        int correct = 0;
        for (int i = 0; i < y.Length; i++)
        {
            int best = 0;
            for (int j = 1; j < xPred.ColumnCount; j++)
            {
                if (xPred[i, j] > xPred[i, best])
                {
                    best = j;
                }
            }
            if (best == y[i])
            {
                correct++;
            }
        }
        return correct / (double)y.Length;
    }

    public Matrix<double> Sigmoid(Matrix<double> x)
    {
        var result = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        for (int i = 0; i < x.RowCount; i++)
        {
            for (int j = 0; j < x.ColumnCount; j++)
            {
                result[i, j] = 1 / (1 + Math.Exp(-x[i, j]));
            }
        }
        return result;
    }

    public Matrix<double> SigmoidDev(Matrix<double> x)
    {
        var s = Sigmoid(x);
        var result = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        for (int i = 0; i < x.RowCount; i++)
        {
            for (int j = 0; j < x.ColumnCount; j++)
            {
                result[i, j] = s[i, j] * (1 - s[i, j]);
            }
        }
        return result;
    }

    public Matrix<double> ReLU(Matrix<double> x)
    {
        var result = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        for (int i = 0; i < x.RowCount; i++)
        {
            for (int j = 0; j < x.ColumnCount; j++)
            {
                result[i, j] = x[i, j] > 0 ? x[i, j] : 0;
            }
        }
        return result;
    }

    public Matrix<double> ReLUDev(Matrix<double> x)
    {
        var result = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        for (int i = 0; i < x.RowCount; i++)
        {
            for (int j = 0; j < x.ColumnCount; j++)
            {
                if (x[i, j] > 0)
                {
                    result[i, j] = 1;
                }
            }
        }
        return result;
    }
}
