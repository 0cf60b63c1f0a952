using Assignment1.Models;
using Assignment1.Optimizers;
using Assignment1.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.PrivateTests;

/// <summary>SGD and L2 regularization on a two-layer network, where weights and biases must be told apart.</summary>
[TestFixture]
public class OptimizerPrivateTests
{
    [Test]
    [Graded("10.1", 3, "Regularization never touches biases", PrivateSuite.Visibility)]
    public void ApplyRegularization_ChangesWeightGradientsOnly()
    {
        var model = NetworkWithGradients(zeroGradients: true);
        StudentCode.Run("Sgd.ApplyRegularization", () => new Sgd(learningRate: 0.1, reg: 0.5).ApplyRegularization(model));
        foreach (var (name, weight) in model.Weights)
        {
            var expected = Optimizer.IsWeight(name) ? 0.5 * weight : Matrix<double>.Build.Dense(weight.RowCount, weight.ColumnCount);
            Expect.Close(expected, model.Gradients[name], 1e-14, $"Gradients[\"{name}\"] after ApplyRegularization (reg = 0.5, zero gradients before)",
                "only weights (W1, W2) are regularized: dW += reg·W; bias gradients (b1, b2) stay as they are.");
        }
    }

    [Test]
    [Graded("10.2", 3, "Regularization is applied exactly once per update", PrivateSuite.Visibility)]
    public void Update_AppliesRegularizationOnce()
    {
        var model = NetworkWithGradients(zeroGradients: true);
        var before = model.Weights.ToDictionary(p => p.Key, p => p.Value.Clone());
        StudentCode.Run("Sgd.Update", () => new Sgd(learningRate: 1.0, reg: 0.1).Update(model));
        foreach (var (name, weight) in before)
        {
            var expected = Optimizer.IsWeight(name) ? 0.9 * weight : weight;
            Expect.Close(expected, model.Weights[name], 1e-14, $"Weights[\"{name}\"] after one Update (lr = 1, reg = 0.1, zero gradients)",
                "Update calls ApplyRegularization once, then W ← W − lr·dW: a weight becomes 0.9·W here, not 0.81·W or 0.8·W.");
        }
    }

    [Test]
    [Graded("10.3", 3, "Every parameter moves by −lr·grad", PrivateSuite.Visibility)]
    public void Update_MovesEveryParameterAgainstItsGradient()
    {
        var model = NetworkWithGradients(zeroGradients: false);
        var weights = model.Weights.ToDictionary(p => p.Key, p => p.Value.Clone());
        var gradients = model.Gradients.ToDictionary(p => p.Key, p => p.Value.Clone());
        StudentCode.Run("Sgd.Update", () => new Sgd(learningRate: 0.05, reg: 0).Update(model));
        foreach (string name in weights.Keys)
        {
            Expect.Close(weights[name] - 0.05 * gradients[name], model.Weights[name], 1e-14, $"Weights[\"{name}\"] after Update (lr = 0.05, reg = 0)",
                "every parameter, biases included, takes the step p ← p − lr·dp.");
        }
    }

    [Test]
    [Graded("10.4", 3, "A zero learning rate changes nothing", PrivateSuite.Visibility)]
    public void Update_WithZeroLearningRate_LeavesTheWeights()
    {
        var moved = NetworkWithGradients(zeroGradients: false);
        var start = moved.Weights.ToDictionary(p => p.Key, p => p.Value.Clone());
        StudentCode.Run("Sgd.Update", () => new Sgd(learningRate: 0.1, reg: 0.5).Update(moved));
        Expect.True(start.Any(p => !p.Value.Equals(moved.Weights[p.Key])), "Update with lr = 0.1 changed no weight", "W ← W − lr·(dW + reg·W)",
            "the same weights", "Update must change the weights when the learning rate is not 0 (this test then checks lr = 0).");

        var model = NetworkWithGradients(zeroGradients: false);
        var weights = model.Weights.ToDictionary(p => p.Key, p => p.Value.Clone());
        StudentCode.Run("Sgd.Update", () => new Sgd(learningRate: 0, reg: 0.5).Update(model));
        foreach (string name in weights.Keys)
        {
            Expect.Close(weights[name], model.Weights[name], 0, $"Weights[\"{name}\"] after Update with lr = 0",
                "the whole step, regularization included, is scaled by the learning rate: W ← W − lr·(dW + reg·W).");
        }
    }

    private static TwoLayerNet NetworkWithGradients(bool zeroGradients)
    {
        var model = new TwoLayerNet(inputSize: 4, numClasses: 3, hiddenSize: 5);
        uint seed = 70;
        foreach (string name in model.Weights.Keys.ToList())
        {
            var shape = model.Weights[name];
            model.Weights[name] = PrivateSuite.Random(shape.RowCount, shape.ColumnCount, seed++);
            model.Gradients[name] = zeroGradients
                ? Matrix<double>.Build.Dense(shape.RowCount, shape.ColumnCount)
                : PrivateSuite.Random(shape.RowCount, shape.ColumnCount, seed++);
        }
        return model;
    }
}
