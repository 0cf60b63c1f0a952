using System.Text.Json;
using Assignment1.Grader.Tests.Support;
using Assignment1.Models;
using Assignment1.Numerics;
using Assignment1.Optimizers;
using Assignment1.Tests.Support;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Grader.Tests;

/// <summary>
/// The reference solution on the original's fixed batch of 64 images: losses equal the original's and
/// every gradient equals NumPy's (computed independently from the original formulas) to 1e-12.
/// </summary>
[TestFixture]
public class ReferenceFixedBatchTests
{
    private Matrix<double> _x = null!;
    private int[] _y = null!;

    [OneTimeSetUp]
    public void LoadFixedBatch() => (_x, _y) = Fixtures.FixedBatch();

    [Test]
    public void FixedBatch_LabelsAreTheOriginals()
    {
        _y.Take(10).Should().Equal(2, 6, 1, 1, 1, 7, 4, 6, 2, 1);
    }

    [Test]
    public void FixedBatch_IsTheOriginalsRows_AndEveryCallGetsItsOwnCopy()
    {
        // It is built once per test process: a test (or a student's Forward) that changes its batch must not change the next test's.
        var (images, labels) = Fixtures.TrainingSet();
        var (x, y) = Fixtures.FixedBatch();
        x.Should().Be(images.SelectRows(Fixtures.FixedBatchIndices));
        y.Should().Equal(Fixtures.FixedBatchIndices.Select(i => labels[i]));

        x.Clear();
        y[0] = -1;
        var (again, againLabels) = Fixtures.FixedBatch();
        again.Should().Be(images.SelectRows(Fixtures.FixedBatchIndices));
        againLabels[0].Should().Be(2);
    }

    [Test]
    public void SoftmaxRegression_LossAndGradient_MatchTheOriginal()
    {
        var model = new SoftmaxRegression();
        var (loss, accuracy) = model.Forward(_x, _y);
        loss.Should().BeApproximately(2.3029035854, 1e-10);
        accuracy.Should().Be(3.0 / 64);
        MaxAbsDifference(model.Gradients["W1"], Fixtures.Gradient("softmax_grad_W1", 784, 10)).Should().BeLessThan(1e-12);
    }

    [Test]
    public void TwoLayerNet_LossAndGradients_MatchTheOriginal()
    {
        var model = new TwoLayerNet();
        var (loss, accuracy) = model.Forward(_x, _y);
        loss.Should().BeApproximately(2.3028479181, 1e-10);
        accuracy.Should().Be(3.0 / 64);
        foreach (var (name, rows, columns) in new[] { ("W1", 784, 128), ("b1", 1, 128), ("W2", 128, 10), ("b2", 1, 10) })
        {
            MaxAbsDifference(model.Gradients[name], Fixtures.Gradient("twolayer_grad_" + name, rows, columns)).Should().BeLessThan(1e-12, name);
        }
    }

    [Test]
    public void Losses_EqualNumPysToTheLastDigits()
    {
        var numpy = JsonDocument.Parse(File.ReadAllText(Repository.TestFile("Fixtures", "numpy_reference.json"))).RootElement;
        new SoftmaxRegression().Forward(_x, _y).Loss.Should().BeApproximately(numpy.GetProperty("softmax_loss").GetDouble(), 1e-13);
        new TwoLayerNet().Forward(_x, _y).Loss.Should().BeApproximately(numpy.GetProperty("twolayer_loss").GetDouble(), 1e-13);
    }

    /// <summary>
    /// Our provider changes only the summation order of MathNet's: the losses, the gradients and the weights after
    /// one SGD step agree with MathNet's managed provider to 1e-12. (It swaps the process-wide provider, so it runs
    /// alone.)
    /// </summary>
    [Test]
    [NonParallelizable]
    public void FastProvider_GivesTheManagedProvidersLossesGradientsAndStep()
    {
        List<(string What, Matrix<double> Value)> TrainingStep()
        {
            var results = new List<(string, Matrix<double>)>();
            foreach (BaseNetwork model in new BaseNetwork[] { new SoftmaxRegression(), new TwoLayerNet() })
            {
                string name = model.GetType().Name;
                var (loss, _) = model.Forward(_x, _y);
                results.Add(($"{name} loss", Matrix<double>.Build.Dense(1, 1, loss)));
                results.AddRange(model.Gradients.Select(g => ($"{name} gradient {g.Key}", g.Value.Clone())));
                new Sgd(learningRate: 0.1, reg: 5e-4).Update(model);
                results.AddRange(model.Weights.Select(w => ($"{name} {w.Key} after one step", w.Value.Clone())));
            }
            return results;
        }

        var (managed, fast) = BothProviders.Run(TrainingStep);
        fast.Select(r => r.What).Should().Equal(managed.Select(r => r.What));
        foreach (var (ours, theirs) in fast.Zip(managed))
        {
            MaxAbsDifference(ours.Value, theirs.Value).Should().BeLessThan(1e-12, ours.What);
        }
    }

    private static double MaxAbsDifference(Matrix<double> actual, Matrix<double> expected)
    {
        actual.RowCount.Should().Be(expected.RowCount);
        actual.ColumnCount.Should().Be(expected.ColumnCount);
        return (actual - expected).Enumerate().Max(Math.Abs);
    }
}
