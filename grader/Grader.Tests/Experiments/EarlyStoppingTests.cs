using Assignment1.Configuration;
using Assignment1.Training;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Grader.Tests.Experiments;

/// <summary>Early stopping ends training after <c>patience</c> epochs without a better validation accuracy, and keeps the best model.</summary>
[TestFixture]
public class EarlyStoppingTests
{
    [Test]
    public void TrainingThatStopsImproving_StopsAfterPatienceEpochs_AndKeepsTheBestEpoch()
    {
        // A learning rate far too small to change any prediction: validation accuracy never improves after epoch 1.
        var report = Train(patience: 2, learningRate: 1e-15, epochs: 10);
        report.Epochs.Should().HaveCount(3, "epoch 1 is the best, and epochs 2 and 3 are the two epochs of patience");
        report.BestEpoch.Should().Be(1);
    }

    [Test]
    public void WithoutEarlyStopping_EveryEpochRuns()
    {
        Train(patience: null, learningRate: 1e-15, epochs: 4).Epochs.Should().HaveCount(4);
    }

    private static TrainingReport Train(int? patience, double learningRate, int epochs)
    {
        var config = new TrainingConfig(8, learningRate, 0.001, epochs, 0.9, false, ModelType.TwoLayerNet, 16, Patience: patience);
        var random = new Random(7);
        var data = Matrix<double>.Build.Dense(40, 784, (_, _) => random.NextDouble());
        int[] labels = Enumerable.Range(0, 40).Select(i => i % 10).ToArray();
        return new TrainingSession(config).Run(data, labels, data, labels, data, labels);
    }
}
