using Assignment1.Configuration;
using Assignment1.Experiments;
using Assignment1.Models;
using Assignment1.Training;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Experiments;

/// <summary>The initialization study's schemes: each as defined, the default untouched, and biases always zero.</summary>
[TestFixture]
public class WeightInitializationTests
{
    private static TrainingConfig TwoLayer(InitScheme init, double sigma = 0.01) =>
        new(64, 0.1, 0.001, 1, 0.9, false, ModelType.TwoLayerNet, 128, init, sigma);

    [Test]
    public void TheDefault_IsTheConstructorsNumpyGaussian_BitForBit()
    {
        var built = ModelFactory.CreateModel(TwoLayer(InitScheme.NumpyGaussian));
        var constructed = new TwoLayerNet(hiddenSize: 128);
        foreach (var (name, weight) in constructed.Weights)
        {
            built.Weights[name].ToColumnMajorArray().Should().Equal(weight.ToColumnMajorArray(), name);
        }
    }

    [Test]
    public void Glorot_StaysWithinItsBound_AndHasItsVariance()
    {
        var model = ModelFactory.CreateModel(TwoLayer(InitScheme.Glorot));
        foreach (var (name, fanIn, fanOut) in new[] { ("W1", 784, 128), ("W2", 128, 10) })
        {
            double bound = Math.Sqrt(6.0 / (fanIn + fanOut));
            WeightInitialization.GlorotBound(fanIn, fanOut).Should().Be(bound);
            double[] values = model.Weights[name].ToColumnMajorArray();
            values.Should().OnlyContain(v => Math.Abs(v) <= bound, $"{name} is uniform on [−a, a], a = √(6 / (fan_in + fan_out))");
            values.Max().Should().BeGreaterThan(0.9 * bound, $"{name} fills its interval");
            double variance = values.Select(v => v * v).Average();
            // Var U(−a, a) = a²/3 = 2 / (fan_in + fan_out); 1,280 draws of W2 estimate it within about 4%.
            variance.Should().BeApproximately(2.0 / (fanIn + fanOut), 0.15 * 2.0 / (fanIn + fanOut), name);
        }
        Biases(model).Should().OnlyContain(v => v == 0);
    }

    [Test]
    public void Normal_HasTheConfiguredSigma_AndZero_IsAllZeros()
    {
        var normal = ModelFactory.CreateModel(TwoLayer(InitScheme.Normal, sigma: 0.05));
        double[] w1 = normal.Weights["W1"].ToColumnMajorArray();
        Math.Sqrt(w1.Select(v => v * v).Average()).Should().BeApproximately(0.05, 0.002);
        w1.Average().Should().BeApproximately(0, 0.001);

        var zero = ModelFactory.CreateModel(TwoLayer(InitScheme.Zero));
        zero.Weights.Values.SelectMany(w => w.ToColumnMajorArray()).Should().OnlyContain(v => v == 0);
    }

    [Test]
    public void RandomSchemes_AreReproducible()
    {
        ModelFactory.CreateModel(TwoLayer(InitScheme.Glorot)).Weights["W2"].ToColumnMajorArray()
            .Should().Equal(ModelFactory.CreateModel(TwoLayer(InitScheme.Glorot)).Weights["W2"].ToColumnMajorArray());
    }

    private static IEnumerable<double> Biases(BaseNetwork model) =>
        model.Weights.Where(w => w.Key.StartsWith('b')).SelectMany(w => w.Value.ToColumnMajorArray());
}
