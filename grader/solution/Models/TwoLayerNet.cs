using Assignment1.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Models;

/// <summary>
/// A two-layer fully connected network:
/// <c>x · W1 + b1 → sigmoid → · W2 + b2 → softmax</c>, loss = cross-entropy.
/// </summary>
public sealed class TwoLayerNet : BaseNetwork
{
    /// <summary>
    /// Creates the network as the original does: <c>np.random.seed(1024)</c>, <c>W1 = 0.001·randn(D, H)</c>;
    /// <c>np.random.seed(1024)</c> again, <c>W2 = 0.001·randn(H, C)</c>; biases zero.
    /// </summary>
    /// <param name="inputSize">D, features per sample (784).</param>
    /// <param name="numClasses">C, classes (10).</param>
    /// <param name="hiddenSize">H, hidden units (128).</param>
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

    /// <summary>H, the number of hidden units.</summary>
    public int HiddenSize { get; }

    /// <summary>
    /// Forward pass, loss and accuracy; in training mode also the gradients of W1, b1, W2 and b2.
    /// </summary>
    /// <param name="x">Batch of inputs, N×D.</param>
    /// <param name="y">Labels, length N.</param>
    /// <param name="mode">Train (default): store all four gradients. Evaluate: touch no gradient.</param>
    /// <returns>The mean cross-entropy loss and the accuracy of the batch.</returns>
    /// <remarks>
    /// Forward: <c>Z1 = x·W1 + b1</c> (N×H), <c>A1 = σ(Z1)</c>, <c>Z2 = A1·W2 + b2</c> (N×C), <c>P = softmax(Z2)</c>.
    /// Backward, averaged over the batch: <c>dZ2 = (P − onehot(y)) / N</c>; <c>dW2 = A1ᵀ·dZ2</c>;
    /// <c>db2 = Σ_rows dZ2</c> (1×C); <c>dA1 = dZ2·W2ᵀ</c>; <c>dZ1 = dA1 ⊙ σ'(Z1)</c>;
    /// <c>dW1 = xᵀ·dZ1</c>; <c>db1 = Σ_rows dZ1</c> (1×H).
    /// Hints: <c>AddRowVector</c> broadcasts a bias over the batch, <c>SumOverRows</c> sums a gradient over it,
    /// <c>m.TransposeAndMultiply(w)</c> computes <c>m·wᵀ</c>.
    /// </remarks>
    public override (double Loss, double Accuracy) Forward(Matrix<double> x, int[] y, ForwardMode mode = ForwardMode.Train)
    {
        // BEGIN SOLUTION
        var z1 = (x * Weights["W1"]).AddRowVector(Weights["b1"]);
        var a1 = Sigmoid(z1);
        var z2 = (a1 * Weights["W2"]).AddRowVector(Weights["b2"]);
        var probabilities = Softmax(z2);
        double loss = CrossEntropyLoss(probabilities, y);
        double accuracy = ComputeAccuracy(probabilities, y);

        if (mode == ForwardMode.Train)
        {
            var dZ2 = (probabilities - y.OneHot(NumClasses)) / y.Length;
            Gradients["W2"] = a1.TransposeThisAndMultiply(dZ2);
            Gradients["b2"] = dZ2.SumOverRows();
            var dA1 = dZ2.TransposeAndMultiply(Weights["W2"]);
            var dZ1 = dA1.PointwiseMultiply(SigmoidDev(z1));
            Gradients["W1"] = x.TransposeThisAndMultiply(dZ1);
            Gradients["b1"] = dZ1.SumOverRows();
        }
        return (loss, accuracy);
        // END SOLUTION
    }
}
