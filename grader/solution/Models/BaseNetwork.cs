using Assignment1.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Models;

/// <summary>
/// What both networks share: their parameters, their gradients, and the building blocks you implement
/// here (activations, softmax, cross-entropy loss, accuracy).
/// </summary>
/// <remarks>
/// Shapes: a batch <c>x</c> is N×D (one image per row), scores and probabilities are N×C
/// (C = <see cref="NumClasses"/>), labels <c>y</c> are an <c>int[]</c> of length N with values in 0..C−1.
/// The helpers in <see cref="MatrixExtensions"/> (<c>MaxPerRow</c>, <c>SubtractFromEachRow</c>,
/// <c>DivideEachRowBy</c>, <c>ArgMaxPerRow</c>, <c>OneHot</c>, …) do what NumPy's broadcasting does.
/// </remarks>
public abstract class BaseNetwork
{
    /// <summary>Creates a network with no parameters yet; the subclass constructors initialise them.</summary>
    /// <param name="inputSize">D, the number of input features (784 for 28×28 MNIST images).</param>
    /// <param name="numClasses">C, the number of classes (10 digits).</param>
    protected BaseNetwork(int inputSize, int numClasses)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 2);
        InputSize = inputSize;
        NumClasses = numClasses;
    }

    /// <summary>D, the number of input features.</summary>
    public int InputSize { get; }

    /// <summary>C, the number of classes.</summary>
    public int NumClasses { get; }

    /// <summary>
    /// The parameters by name: weights <c>"W1"</c>, <c>"W2"</c> (in×out matrices) and biases
    /// <c>"b1"</c>, <c>"b2"</c> (1×out row matrices).
    /// </summary>
    public Dictionary<string, Matrix<double>> Weights { get; } = new();

    /// <summary>
    /// dLoss/dParameter for every entry of <see cref="Weights"/>, same names and shapes, written by the
    /// last <see cref="Forward"/> in <see cref="ForwardMode.Train"/>.
    /// </summary>
    public Dictionary<string, Matrix<double>> Gradients { get; } = new();

    /// <summary>
    /// Runs the network on a batch and returns its mean cross-entropy loss and accuracy. In
    /// <see cref="ForwardMode.Train"/> it also stores the gradient of that loss for every parameter in
    /// <see cref="Gradients"/> (replacing the previous ones); in <see cref="ForwardMode.Evaluate"/> it
    /// leaves <see cref="Gradients"/> alone.
    /// </summary>
    /// <param name="x">Batch of inputs, N×D.</param>
    /// <param name="y">Labels, length N.</param>
    /// <param name="mode">Train (default) or Evaluate.</param>
    public abstract (double Loss, double Accuracy) Forward(Matrix<double> x, int[] y, ForwardMode mode = ForwardMode.Train);

    /// <summary>
    /// Row-wise softmax: <c>p[i, j] = exp(s[i, j]) / Σ_k exp(s[i, k])</c>.
    /// </summary>
    /// <param name="scores">Raw class scores (logits), N×C.</param>
    /// <returns>Probabilities, N×C; every row is non-negative and sums to 1.</returns>
    /// <remarks>
    /// Hint: <c>exp</c> overflows to infinity above ~709. Softmax does not change if you subtract the
    /// same number from a whole row, so subtract each row's maximum first: then every exponent is ≤ 0.
    /// </remarks>
    public Matrix<double> Softmax(Matrix<double> scores)
    {
        // BEGIN SOLUTION
        var shifted = scores.SubtractFromEachRow(scores.MaxPerRow());
        var exponentials = shifted.PointwiseExp();
        return exponentials.DivideEachRowBy(exponentials.RowSums());
        // END SOLUTION
    }

    /// <summary>
    /// Mean cross-entropy loss over the batch: <c>L = −(1/N) Σ_i log(p[i, y[i]])</c>.
    /// </summary>
    /// <param name="xPred">Predicted probabilities (the output of <see cref="Softmax"/>), N×C.</param>
    /// <param name="y">Labels, length N.</param>
    /// <returns>The loss, a non-negative number.</returns>
    /// <remarks>
    /// Only the probability of the correct class of each sample enters the loss. Average, do not sum:
    /// the loss must not grow with the batch size. A probability can underflow to exactly 0: keep the
    /// loss finite (for example by never taking the log of something smaller than <c>double.Epsilon</c>).
    /// </remarks>
    public double CrossEntropyLoss(Matrix<double> xPred, int[] y)
    {
        // BEGIN SOLUTION
        double sum = 0.0;
        for (int i = 0; i < y.Length; i++)
        {
            sum += Math.Log(Math.Max(xPred[i, y[i]], double.Epsilon));
        }
        return -sum / y.Length;
        // END SOLUTION
    }

    /// <summary>
    /// The fraction of samples whose highest-probability class is their label.
    /// </summary>
    /// <param name="xPred">Predicted probabilities, N×C.</param>
    /// <param name="y">Labels, length N.</param>
    /// <returns>Accuracy in [0, 1].</returns>
    /// <remarks>Hint: <c>ArgMaxPerRow</c> gives each row's predicted class (ties go to the lowest index, as <c>np.argmax</c>).</remarks>
    public double ComputeAccuracy(Matrix<double> xPred, int[] y)
    {
        // BEGIN SOLUTION
        int[] predictions = xPred.ArgMaxPerRow();
        int correct = 0;
        for (int i = 0; i < y.Length; i++)
        {
            if (predictions[i] == y[i])
            {
                correct++;
            }
        }
        return (double)correct / y.Length;
        // END SOLUTION
    }

    /// <summary>Element-wise logistic sigmoid: <c>σ(x) = 1 / (1 + exp(−x))</c>.</summary>
    /// <param name="x">Any matrix; it is not modified.</param>
    /// <returns>A new matrix of the same shape, values in [0, 1].</returns>
    /// <remarks>Hint: MathNet's <c>Map</c> applies a function to every entry.</remarks>
    public Matrix<double> Sigmoid(Matrix<double> x)
    {
        // BEGIN SOLUTION
        return x.Map(value => 1.0 / (1.0 + Math.Exp(-value)));
        // END SOLUTION
    }

    /// <summary>
    /// Element-wise derivative of the sigmoid, taken at the pre-activation <paramref name="x"/>:
    /// <c>σ'(x) = σ(x) · (1 − σ(x))</c>.
    /// </summary>
    /// <param name="x">The input of the sigmoid (not its output); it is not modified.</param>
    /// <returns>A new matrix of the same shape.</returns>
    public Matrix<double> SigmoidDev(Matrix<double> x)
    {
        // BEGIN SOLUTION
        var s = Sigmoid(x);
        return s.PointwiseMultiply(1.0 - s);
        // END SOLUTION
    }

    /// <summary>Element-wise rectified linear unit: <c>ReLU(x) = max(0, x)</c>.</summary>
    /// <param name="x">Any matrix; it is not modified.</param>
    /// <returns>A new matrix of the same shape.</returns>
    public Matrix<double> ReLU(Matrix<double> x)
    {
        // BEGIN SOLUTION
        return x.Map(value => Math.Max(0.0, value));
        // END SOLUTION
    }

    /// <summary>
    /// Element-wise derivative of ReLU: 1 where <c>x &gt; 0</c>, else 0 (including at exactly 0).
    /// </summary>
    /// <param name="x">The input of the ReLU; it is not modified.</param>
    /// <returns>A new matrix of zeros and ones, same shape.</returns>
    public Matrix<double> ReLUDev(Matrix<double> x)
    {
        // BEGIN SOLUTION
        return x.Map(value => value > 0.0 ? 1.0 : 0.0);
        // END SOLUTION
    }
}
