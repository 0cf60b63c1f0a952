using Assignment1.Models;
using Assignment1.Tests.Support;

namespace Assignment1.Tests;

/// <summary>
/// Both networks on the original's fixed batch of 64 training images, freshly initialised: loss,
/// accuracy and gradients against values computed by NumPy with the original formulas, and the
/// gradients against numerical derivatives of the loss.
/// </summary>
[TestFixture]
public class NetworkTests
{
    // Σ|actual − expected| to 7 places over each gradient, as the original.
    private const double GradientTolerance = 5e-8;

    // The original's losses of freshly initialised models on the fixed batch (NumPy).
    private const double SoftmaxRegressionLoss = 2.3029035854;
    private const double TwoLayerNetLoss = 2.3028479181;

    private const string GradientHint =
        "average over the batch: dL/dscores = (softmax − onehot(y)) / N, then apply the chain rule backwards through each layer.";

    [Graded("4.1", 3, "Softmax regression: loss and accuracy")]
    [Test]
    public void SoftmaxRegression_LossAndAccuracy_MatchTheOriginal()
    {
        Prerequisites.Explain(() =>
        {
            var (x, y) = Fixtures.FixedBatch();
            var (loss, accuracy) = StudentCode.Run("SoftmaxRegression.Forward", () => new SoftmaxRegression().Forward(x, y));
            Expect.Close(SoftmaxRegressionLoss, loss, 5e-6, "Loss of a fresh SoftmaxRegression on the fixed batch",
                "scores = ReLU(x·W1), probabilities = Softmax(scores), loss = CrossEntropyLoss(probabilities, y).");
            Expect.Close(0.046875, accuracy, 5e-5, "Accuracy of a fresh SoftmaxRegression on the fixed batch",
                "3 of the 64 samples are right at initialisation; use ComputeAccuracy on the probabilities.");
        }, Prerequisites.ReLU, Prerequisites.Softmax, Prerequisites.CrossEntropyLoss, Prerequisites.ComputeAccuracy);
    }

    [Graded("4.2", 4, "Softmax regression: gradient of W1")]
    [Test]
    public void SoftmaxRegression_GradientOfW1_MatchesTheOriginal()
    {
        Prerequisites.Explain(() =>
        {
            var (x, y) = Fixtures.FixedBatch();
            var model = new SoftmaxRegression();
            StudentCode.Run("SoftmaxRegression.Forward", () => model.Forward(x, y));
            Expect.Close(Fixtures.Gradient("softmax_grad_W1", 784, 10), model.Gradients.GetValueOrDefault("W1"), GradientTolerance,
                "Gradients[\"W1\"] of SoftmaxRegression", GradientHint + " Here dL/dZ = dL/dA ⊙ ReLU'(Z) with Z = x·W1, and dL/dW1 = xᵀ·dL/dZ.",
                batchSize: y.Length);
        }, Prerequisites.ReLU, Prerequisites.ReLUDev, Prerequisites.Softmax);
    }

    [Graded("4.3", 2, "Softmax regression: gradient check")]
    [Test]
    public void SoftmaxRegression_GradientOfW1_MatchesNumericalDerivative()
    {
        Prerequisites.Explain(() =>
        {
            var (x, y) = Fixtures.FixedBatch();
            var model = new SoftmaxRegression();
            StudentCode.Run("SoftmaxRegression.Forward", () => model.Forward(x, y));
            var analytic = model.Gradients["W1"].Clone();
            StudentCode.Run("SoftmaxRegression.Forward (evaluation mode)", () =>
                FiniteDifferences.Check(model, "W1", analytic, x, y, samples: 20, tolerance: 1e-4, GradientHint,
                    expectedLoss: SoftmaxRegressionLoss, Fixtures.Gradient("softmax_grad_W1", 784, 10)));
        }, Prerequisites.ReLU, Prerequisites.Softmax, Prerequisites.CrossEntropyLoss);
    }

    [Graded("4.4", 3, "Two-layer network: loss and accuracy")]
    [Test]
    public void TwoLayerNet_LossAndAccuracy_MatchTheOriginal()
    {
        Prerequisites.Explain(() =>
        {
            var (x, y) = Fixtures.FixedBatch();
            var (loss, accuracy) = StudentCode.Run("TwoLayerNet.Forward", () => new TwoLayerNet().Forward(x, y));
            Expect.Close(TwoLayerNetLoss, loss, 5e-6, "Loss of a fresh TwoLayerNet on the fixed batch",
                "Z1 = x·W1 + b1, A1 = Sigmoid(Z1), Z2 = A1·W2 + b2, probabilities = Softmax(Z2), loss = CrossEntropyLoss(probabilities, y).");
            Expect.Close(0.046875, accuracy, 5e-5, "Accuracy of a fresh TwoLayerNet on the fixed batch",
                "3 of the 64 samples are right at initialisation; use ComputeAccuracy on the probabilities.");
        }, Prerequisites.Sigmoid, Prerequisites.Softmax, Prerequisites.CrossEntropyLoss, Prerequisites.ComputeAccuracy);
    }

    [Graded("4.5", 2, "Two-layer network: gradient")]
    [TestCase("W1", 784, 128, "dW1 = xᵀ·dZ1, where dZ1 = (dZ2·W2ᵀ) ⊙ σ'(Z1).")]
    [TestCase("b1", 1, 128, "db1 = the sum of dZ1 over the batch (rows), a 1×128 row: SumOverRows.")]
    [TestCase("W2", 128, 10, "dW2 = A1ᵀ·dZ2, where A1 = Sigmoid(Z1) and dZ2 = (softmax − onehot(y)) / N.")]
    [TestCase("b2", 1, 10, "db2 = the sum of dZ2 over the batch (rows), a 1×10 row: SumOverRows.")]
    public void TwoLayerNet_Gradient_MatchesTheOriginal(string parameter, int rows, int columns, string hint)
    {
        Prerequisites.Explain(() =>
        {
            var (x, y) = Fixtures.FixedBatch();
            var model = new TwoLayerNet();
            StudentCode.Run("TwoLayerNet.Forward", () => model.Forward(x, y));
            Expect.Close(Fixtures.Gradient("twolayer_grad_" + parameter, rows, columns), model.Gradients.GetValueOrDefault(parameter),
                GradientTolerance, $"Gradients[\"{parameter}\"] of TwoLayerNet", hint + " " + GradientHint, batchSize: y.Length);
        }, Prerequisites.Sigmoid, Prerequisites.SigmoidDev, Prerequisites.Softmax);
    }

    [Graded("4.6", 0.5, "Two-layer network: gradient check")]
    [TestCase("W1")]
    [TestCase("b1")]
    [TestCase("W2")]
    [TestCase("b2")]
    public void TwoLayerNet_Gradient_MatchesNumericalDerivative(string parameter)
    {
        Prerequisites.Explain(() =>
        {
            var (x, y) = Fixtures.FixedBatch();
            var model = new TwoLayerNet();
            StudentCode.Run("TwoLayerNet.Forward", () => model.Forward(x, y));
            Expect.True(model.Gradients.ContainsKey(parameter), $"No gradient for {parameter}",
                $"Gradients[\"{parameter}\"] set by Forward", "missing", "store the gradient of every parameter in training mode.");
            var analytic = model.Gradients[parameter].Clone();
            StudentCode.Run("TwoLayerNet.Forward (evaluation mode)", () =>
                FiniteDifferences.Check(model, parameter, analytic, x, y, samples: 12, tolerance: 1e-4, GradientHint,
                    expectedLoss: TwoLayerNetLoss, Fixtures.Gradient($"twolayer_grad_{parameter}", model.Weights[parameter].RowCount, model.Weights[parameter].ColumnCount)));
        }, Prerequisites.Sigmoid, Prerequisites.Softmax, Prerequisites.CrossEntropyLoss);
    }
}
