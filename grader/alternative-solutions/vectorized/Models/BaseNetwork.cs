// An alternative correct solution, "vectorized" style: whole-matrix MathNet calls, no explicit loops.
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
        var rowMax = Matrix<double>.Build.DenseOfColumnVectors(
            Vector<double>.Build.DenseOfEnumerable(scores.EnumerateRows().Select(row => row.Maximum())));
        var ones = Matrix<double>.Build.Dense(1, scores.ColumnCount, 1.0);
        var e = (scores - rowMax * ones).PointwiseExp();
        var rowSums = Matrix<double>.Build.DenseOfColumnVectors(e.RowSums());
        return e.PointwiseDivide(rowSums * ones);
    }

    public double CrossEntropyLoss(Matrix<double> xPred, int[] y)
    {
        var picked = Vector<double>.Build.Dense(y.Length, i => xPred[i, y[i]]);
        return -picked.PointwiseMaximum(1e-300).PointwiseLog().Average();
    }

    public double ComputeAccuracy(Matrix<double> xPred, int[] y)
    {
        var predicted = xPred.EnumerateRows().Select(row => row.MaximumIndex());
        return predicted.Zip(y).Count(pair => pair.First == pair.Second) / (double)y.Length;
    }

    public Matrix<double> Sigmoid(Matrix<double> x) => 1.0 / ((-x).PointwiseExp() + 1.0);

    public Matrix<double> SigmoidDev(Matrix<double> x)
    {
        var s = Sigmoid(x);
        return s - s.PointwisePower(2);
    }

    public Matrix<double> ReLU(Matrix<double> x) => x.PointwiseMaximum(0.0);

    public Matrix<double> ReLUDev(Matrix<double> x) => x.PointwiseSign().PointwiseMaximum(0.0);
}
