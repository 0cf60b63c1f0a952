using Assignment1.Models;
using Assignment1.Numerics;
using Assignment1.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.PrivateTests;

/// <summary>
/// Both networks at other sizes than 784/10/128 and other batch sizes, every gradient entry against central
/// differences; evaluation mode leaves gradients alone; training mode replaces them; the loss and accuracy Forward
/// returns are those of its weights.
/// </summary>
[TestFixture]
public class NetworkPrivateTests
{
    private const string GradientHint = "average over the batch: dL/dscores = (softmax − onehot(y)) / N, then the chain rule backwards; use the model's InputSize/NumClasses, never 784 or 10.";

    [TestCase(1)]
    [TestCase(5)]
    [Graded("9.1", 1.5, "Softmax regression: every gradient entry, small random networks", PrivateSuite.Visibility)]
    public void SoftmaxRegression_Gradient_MatchesCentralDifferences(int batch)
    {
        var model = new SoftmaxRegression(inputSize: 7, numClasses: 4);
        model.Weights["W1"] = PrivateSuite.Random(7, 4, seed: 21, scale: 0.5);
        var x = PrivateSuite.Random(batch, 7, seed: 22);
        int[] y = PrivateSuite.Labels(batch, 4);
        CheckAllEntries(model, x, y, "W1");
    }

    [TestCase(1)]
    [TestCase(4)]
    [Graded("9.2", 2, "Two-layer network: every gradient entry, small random networks", PrivateSuite.Visibility)]
    public void TwoLayerNet_Gradients_MatchCentralDifferences(int batch)
    {
        var model = new TwoLayerNet(inputSize: 6, numClasses: 3, hiddenSize: 5);
        model.Weights["W1"] = PrivateSuite.Random(6, 5, seed: 31, scale: 0.5);
        model.Weights["b1"] = PrivateSuite.Random(1, 5, seed: 32, scale: 0.5);
        model.Weights["W2"] = PrivateSuite.Random(5, 3, seed: 33, scale: 0.5);
        model.Weights["b2"] = PrivateSuite.Random(1, 3, seed: 34, scale: 0.5);
        var x = PrivateSuite.Random(batch, 6, seed: 35);
        int[] y = PrivateSuite.Labels(batch, 3);
        foreach (string parameter in new[] { "W1", "b1", "W2", "b2" })
        {
            CheckAllEntries(model, x, y, parameter);
        }
    }

    [TestCase(nameof(SoftmaxRegression))]
    [TestCase(nameof(TwoLayerNet))]
    [Graded("9.3", 0.5, "Evaluation mode changes no gradient and no weight", PrivateSuite.Visibility)]
    public void EvaluationMode_LeavesGradientsAndWeightsAlone(string modelName)
    {
        var model = Create(modelName);
        foreach (string name in model.Weights.Keys.ToList())
        {
            model.Gradients[name] = Matrix<double>.Build.Dense(model.Weights[name].RowCount, model.Weights[name].ColumnCount, 12345.0);
        }
        var weightsBefore = model.Weights.ToDictionary(p => p.Key, p => p.Value.Clone());
        var gradientsBefore = model.Gradients.ToDictionary(p => p.Key, p => p.Value.Clone());
        var x = PrivateSuite.Random(3, 6, seed: 41);
        double evaluated = StudentCode.Run($"{modelName}.Forward (evaluation mode)", () => model.Forward(x, [0, 1, 2], ForwardMode.Evaluate)).Loss;
        Expect.True(evaluated > 0 && double.IsFinite(evaluated), "Evaluation mode computed no loss", "a positive cross-entropy loss", Expect.Format(evaluated),
            "evaluation mode runs the same forward pass and loss as training mode; it only skips the gradients.");
        foreach (string name in weightsBefore.Keys)
        {
            Expect.Close(gradientsBefore[name], model.Gradients[name], 0, $"Gradients[\"{name}\"] after Forward(..., ForwardMode.Evaluate)",
                "in evaluation mode compute only the loss and accuracy: store no gradient (validation and test batches must not change them).");
            Expect.Close(weightsBefore[name], model.Weights[name], 0, $"Weights[\"{name}\"] after Forward", "Forward never changes the weights; the optimizer does.");
        }
    }

    [TestCase(nameof(SoftmaxRegression))]
    [TestCase(nameof(TwoLayerNet))]
    [Graded("9.4", 0.5, "Training mode replaces the gradients, never accumulates", PrivateSuite.Visibility)]
    public void TrainingMode_ReplacesTheGradients(string modelName)
    {
        var model = Create(modelName);
        var x = PrivateSuite.Random(4, 6, seed: 51);
        int[] y = [0, 1, 2, 1];
        SetSentinelGradients(model);
        StudentCode.Run($"{modelName}.Forward", () => model.Forward(x, y));
        var first = model.Gradients.ToDictionary(p => p.Key, p => p.Value.Clone());
        foreach (var (name, gradient) in first)
        {
            Expect.True(!gradient.Equals(Sentinel(model.Weights[name])), $"Gradients[\"{name}\"] was not set by Forward", "a new gradient",
                "the value it held before", "in training mode, assign every parameter's gradient: Gradients[name] = ....");
        }
        StudentCode.Run($"{modelName}.Forward", () => model.Forward(x, y));
        foreach (var (name, gradient) in first)
        {
            Expect.Close(gradient, model.Gradients[name], 1e-15, $"Gradients[\"{name}\"] after a second Forward on the same batch",
                "assign each gradient (Gradients[name] = ...), do not add to the previous batch's.");
        }
    }

    [Test]
    [Graded("9.5", 1, "Gradients have their parameters' shapes", PrivateSuite.Visibility)]
    public void Gradients_HaveTheShapesOfTheirParameters()
    {
        var model = Create(nameof(TwoLayerNet));
        SetSentinelGradients(model);
        StudentCode.Run("TwoLayerNet.Forward", () => model.Forward(PrivateSuite.Random(4, 6, seed: 61), [0, 1, 2, 0]));
        foreach (var (name, weight) in model.Weights)
        {
            var gradient = model.Gradients.GetValueOrDefault(name);
            Expect.True(gradient is not null && !gradient.Equals(Sentinel(weight)), $"Gradients[\"{name}\"] was not set by Forward", "a new gradient",
                gradient is null ? "missing" : "the value it held before", "in training mode, assign every parameter's gradient: Gradients[name] = ....");
            Expect.True(gradient!.RowCount == weight.RowCount && gradient.ColumnCount == weight.ColumnCount,
                $"Gradients[\"{name}\"] has the wrong shape", $"{weight.RowCount}x{weight.ColumnCount}", $"{gradient.RowCount}x{gradient.ColumnCount}",
                "a bias gradient is a 1×n row (sum over the batch with SumOverRows), a weight gradient has the weight's shape.");
        }
    }

    [Test]
    [Confirms("4.1")]
    [Graded("9.6", 1, "Softmax regression: Forward's loss and accuracy, random weights", PrivateSuite.Visibility)]
    public void SoftmaxRegression_ReportsTheLossAndAccuracyOfItsWeights() => CheckReportedLossAndAccuracy(nameof(SoftmaxRegression));

    [Test]
    [Confirms("4.4")]
    [Graded("9.7", 1, "Two-layer network: Forward's loss and accuracy, random weights and biases", PrivateSuite.Visibility)]
    public void TwoLayerNet_ReportsTheLossAndAccuracyOfItsWeights() => CheckReportedLossAndAccuracy(nameof(TwoLayerNet));

    /// <summary>
    /// The loss and accuracy Forward returns in evaluation mode, against the tests' own (<see cref="IndependentLoss"/>,
    /// <see cref="ModelAccuracy"/>): the public test's shapes and images (so that no size a solution may assume changes),
    /// but random weights, non-zero biases and other labels, where the public test has a fresh model with zero biases.
    /// Moderate weights keep every probability far from 0, and the loss's tolerance is ten times the public test's: this
    /// test must pass whenever an honest Forward passes that one (a small ε inside the log included).
    /// </summary>
    private static void CheckReportedLossAndAccuracy(string modelName)
    {
        BaseNetwork model = modelName == nameof(TwoLayerNet) ? new TwoLayerNet() : new SoftmaxRegression();
        uint seed = 71;
        foreach (string name in model.Weights.Keys.ToList())
        {
            var shape = model.Weights[name];
            model.Weights[name] = PrivateSuite.Random(shape.RowCount, shape.ColumnCount, seed++, scale: name == "W1" ? 0.05 : 0.2);
        }
        var (x, _) = Fixtures.FixedBatch();
        // Labels: the weights' own prediction on even rows, another class on odd rows, so that exactly half are right.
        var scores = ModelAccuracy.Scores(model, x);
        if (scores.EnumerateRows().Any(row => row.Count(v => v == row.Maximum()) > 1))
        {
            throw new InvalidOperationException("The test's data has a row with tied scores: pick other seeds.");
        }
        int[] y = scores.ArgMaxPerRow().Select((p, i) => i % 2 == 0 ? p : (p + 1) % model.NumClasses).ToArray();
        double expectedLoss = IndependentLoss.Of(model, x, y);
        if (Math.Abs(expectedLoss - 2.30285) < 0.01)
        {
            throw new InvalidOperationException("The test's loss is close to the public tests' (2.3029): pick other seeds.");
        }

        var (loss, accuracy) = StudentCode.Run($"{modelName}.Forward (evaluation mode)", () => model.Forward(x, y, ForwardMode.Evaluate));
        Expect.Close(expectedLoss, loss, 5e-5, $"Loss {modelName}.Forward returns for 64 images with random weights and biases",
            "return CrossEntropyLoss of the softmax of this batch's scores, computed from the current Weights (biases included).");
        Expect.Close(0.5, accuracy, 5e-5, $"Accuracy {modelName}.Forward returns for 64 images whose labels match the weights' prediction on every other row",
            "return ComputeAccuracy of the same probabilities: the share of rows whose largest probability is the label's.");
    }

    /// <summary>A recognisable value of <paramref name="weight"/>'s shape that no Forward computes.</summary>
    private static Matrix<double> Sentinel(Matrix<double> weight) => Matrix<double>.Build.Dense(weight.RowCount, weight.ColumnCount, 12345.0);

    private static void SetSentinelGradients(BaseNetwork model)
    {
        foreach (string name in model.Weights.Keys.ToList())
        {
            model.Gradients[name] = Sentinel(model.Weights[name]);
        }
    }

    private static BaseNetwork Create(string modelName) => modelName == nameof(TwoLayerNet)
        ? new TwoLayerNet(inputSize: 6, numClasses: 3, hiddenSize: 5)
        : new SoftmaxRegression(inputSize: 6, numClasses: 3);

    /// <summary>
    /// Every entry of the parameter's gradient against (L(w+h) − L(w−h)) / 2h, where L is the true loss computed by the
    /// tests' own code (<see cref="IndependentLoss"/>): a fake loss with a gradient to match earns nothing, and a wrong
    /// loss with a right gradient loses only the loss tests.
    /// </summary>
    private static void CheckAllEntries(BaseNetwork model, Matrix<double> x, int[] y, string parameter)
    {
        const double h = 1e-6;
        StudentCode.Run($"{model.GetType().Name}.Forward", () => model.Forward(x, y));
        var analytic = model.Gradients.GetValueOrDefault(parameter)?.Clone();
        var weights = model.Weights[parameter];
        Expect.True(analytic is not null && analytic.RowCount == weights.RowCount && analytic.ColumnCount == weights.ColumnCount,
            $"Gradients[\"{parameter}\"] is missing or has the wrong shape", $"{weights.RowCount}x{weights.ColumnCount}",
            analytic is null ? "missing" : $"{analytic.RowCount}x{analytic.ColumnCount}", GradientHint);
        for (int r = 0; r < weights.RowCount; r++)
        {
            for (int c = 0; c < weights.ColumnCount; c++)
            {
                double original = weights[r, c];
                weights[r, c] = original + h;
                double plus = IndependentLoss.Of(model, x, y);
                weights[r, c] = original - h;
                double minus = IndependentLoss.Of(model, x, y);
                weights[r, c] = original;
                double numeric = (plus - minus) / (2 * h);
                double error = Math.Abs(numeric - analytic![r, c]) / Math.Max(1e-7, Math.Abs(numeric) + Math.Abs(analytic[r, c]));
                Expect.True(error < 1e-5, $"Gradients[\"{parameter}\"][{r}, {c}] of a {model.GetType().Name} with {model.InputSize} inputs, {model.NumClasses} classes and a batch of {x.RowCount}",
                    $"{Expect.Format(numeric)} (central difference of the loss)", Expect.Format(analytic[r, c]), GradientHint);
            }
        }
    }
}
