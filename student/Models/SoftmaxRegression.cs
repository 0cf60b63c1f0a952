using Assignment1.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Models;

/// <summary>
/// Softmax regression with a ReLU in front of the softmax, as the original assignment defines it:
/// <c>scores = ReLU(x · W1)</c>, <c>p = softmax(scores)</c>, loss = cross-entropy. No bias.
/// </summary>
public sealed class SoftmaxRegression : BaseNetwork
{
    /// <summary>Creates the model with <c>W1 = 0.001 · randn(inputSize, numClasses)</c> after <c>np.random.seed(1024)</c>.</summary>
    /// <param name="inputSize">D, features per sample (784).</param>
    /// <param name="numClasses">C, classes (10).</param>
    public SoftmaxRegression(int inputSize = 28 * 28, int numClasses = 10)
        : base(inputSize, numClasses)
    {
        Weights["W1"] = WeightInitializer.Gaussian(inputSize, numClasses);
        Gradients["W1"] = Matrix<double>.Build.Dense(inputSize, numClasses);
    }

    /// <summary>
    /// Forward pass, loss and accuracy; in training mode also the gradient of the loss w.r.t. W1.
    /// </summary>
    /// <param name="x">Batch of inputs, N×D.</param>
    /// <param name="y">Labels, length N.</param>
    /// <param name="mode">Train (default): store <c>Gradients["W1"]</c> (D×C). Evaluate: touch no gradient.</param>
    /// <returns>The mean cross-entropy loss and the accuracy of the batch.</returns>
    /// <remarks>
    /// Forward: <c>Z = x·W1</c> (N×C), <c>A = ReLU(Z)</c>, <c>P = softmax(A)</c>.
    /// Backward, averaged over the batch: <c>dL/dA = (P − onehot(y)) / N</c>,
    /// <c>dL/dZ = dL/dA ⊙ ReLU'(Z)</c>, <c>dL/dW1 = xᵀ · dL/dZ</c>.
    /// Hint: <c>x.TransposeThisAndMultiply(m)</c> computes <c>xᵀ·m</c> without building <c>xᵀ</c>.
    /// </remarks>
    public override (double Loss, double Accuracy) Forward(Matrix<double> x, int[] y, ForwardMode mode = ForwardMode.Train)
    {
        // TODO: implement SoftmaxRegression.Forward as its documentation above describes, then remove the throw below.
        throw new NotImplementedException("SoftmaxRegression.Forward in student/Models/SoftmaxRegression.cs is not implemented yet.");
    }
}
