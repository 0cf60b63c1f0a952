using Assignment1.Models;
using Assignment1.Numerics;
using Assignment1.Optimizers;
using Assignment1.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Tests;

/// <summary>L2 regularization and the SGD step, as the original's training tests.</summary>
[TestFixture]
public class OptimizerTests
{
    [Graded("5.1", 3, "L2 regularization")]
    [Test]
    public void ApplyRegularization_AddsRegTimesTheWeights()
    {
        var model = new SoftmaxRegression();
        var optimizer = new Sgd(learningRate: 1e-4, reg: 100);
        var gradientBefore = model.Gradients["W1"].Clone();

        StudentCode.Run("Sgd.ApplyRegularization", () => optimizer.ApplyRegularization(model));

        Expect.Close(gradientBefore + 100 * model.Weights["W1"], model.Gradients["W1"], 1e-7,
            "Gradients[\"W1\"] after ApplyRegularization with reg = 100",
            "the penalty ½·λ·Σw² has gradient λ·W: add reg·W to each weight gradient (not ½·reg·W, not reg·W²).");

        // Biases are not regularized: the original penalizes the weight matrices only.
        var network = new TwoLayerNet(inputSize: 4, numClasses: 3, hiddenSize: 5);
        foreach (string bias in new[] { "b1", "b2" })
        {
            network.Weights[bias] = Matrix<double>.Build.Dense(1, network.Weights[bias].ColumnCount, (_, j) => 0.5 + j);
            network.Gradients[bias] = Matrix<double>.Build.Dense(1, network.Weights[bias].ColumnCount, (_, j) => -1.0 - j);
        }
        var biasGradients = new[] { "b1", "b2" }.ToDictionary(b => b, b => network.Gradients[b].Clone());

        StudentCode.Run("Sgd.ApplyRegularization", () => optimizer.ApplyRegularization(network));

        foreach (string bias in new[] { "b1", "b2" })
        {
            Expect.Close(biasGradients[bias], network.Gradients[bias], 0, $"Gradients[\"{bias}\"] of a TwoLayerNet after ApplyRegularization",
                "regularize the weights only (the keys starting with W), never the biases: the penalty is ½·λ·(ΣW1² + ΣW2²).");
        }
    }

    [Graded("5.2", 3, "SGD update")]
    [Test]
    public void Update_TakesOneRegularizedGradientStep()
    {
        var model = new SoftmaxRegression();
        var optimizer = new Sgd(learningRate: 1e-3, reg: 1e-3);
        var gradient = Matrix<double>.Build.DenseOfRowMajor(784, 10, new NumpyRandom(256).Gaussians(784 * 10));
        model.Gradients["W1"] = gradient.Clone();
        var weightsBefore = model.Weights["W1"].Clone();

        StudentCode.Run("Sgd.Update", () => optimizer.Update(model));

        var expected = weightsBefore - 1e-3 * (gradient + 1e-3 * weightsBefore);
        Expect.Close(expected, model.Weights["W1"], 1e-7, "Weights[\"W1\"] after one Sgd.Update",
            "apply the regularization first, then W ← W − learningRate · dW for every parameter.");
    }
}
