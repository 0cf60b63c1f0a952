// An alternative correct solution, "log-sum-exp" style: softmax through log-sum-exp, sigmoid through tanh,
// a clamped log in the loss (1e-12, as many libraries clamp), the rows of the log-sum-exp in a parallel loop.
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
        double[] logNormalizers = LogSumExpPerRow(scores);
        return Matrix<double>.Build.Dense(scores.RowCount, scores.ColumnCount, (i, j) => Math.Exp(scores[i, j] - logNormalizers[i]));
    }

    public double CrossEntropyLoss(Matrix<double> xPred, int[] y) =>
        y.Select((label, i) => -Math.Log(Math.Clamp(xPred[i, label], 1e-12, 1.0))).Average();

    public double ComputeAccuracy(Matrix<double> xPred, int[] y)
    {
        double hits = 0;
        foreach (var (row, label) in xPred.EnumerateRows().Zip(y))
        {
            if (row.MaximumIndex() == label)
            {
                hits += 1;
            }
        }
        return hits / y.Length;
    }

    public Matrix<double> Sigmoid(Matrix<double> x) => x.Map(v => 0.5 * (1.0 + Math.Tanh(0.5 * v)));

    public Matrix<double> SigmoidDev(Matrix<double> x) => Sigmoid(x).Map(s => s * (1.0 - s));

    public Matrix<double> ReLU(Matrix<double> x) => x.Map(v => v > 0 ? v : 0.0);

    public Matrix<double> ReLUDev(Matrix<double> x) => x.Map(v => v > 0 ? 1.0 : 0.0);

    /// <summary>
    /// log Σ_j exp(m[i, j]) per row, computed as max + log Σ exp(m − max) so nothing overflows; rows are independent,
    /// so they are computed in parallel.
    /// </summary>
    protected static double[] LogSumExpPerRow(Matrix<double> m)
    {
        var result = new double[m.RowCount];
        Parallel.For(0, m.RowCount, i =>
        {
            var row = m.Row(i);
            double max = row.Maximum();
            result[i] = max + Math.Log(row.Sum(v => Math.Exp(v - max)));
        });
        return result;
    }
}
