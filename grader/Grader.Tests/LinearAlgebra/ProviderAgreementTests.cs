using Assignment1.Configuration;
using Assignment1.Grader.Tests.Support;
using Assignment1.Training;
using FluentAssertions;

namespace Assignment1.Grader.Tests.LinearAlgebra;

/// <summary>
/// Training the reference on our provider gives MathNet's managed provider's run: the products differ only in
/// summation order, so every epoch's validation accuracy and the final test accuracy agree to within 0.002.
/// The softmax config runs 4 of its 10 epochs and the two-layer config 1, because MathNet's provider needs 7–8 s per
/// two-layer epoch and CI's time is shared (`bench epochs` compares the full 10-epoch runs).
/// </summary>
[TestFixture]
[NonParallelizable] // swaps the process-wide provider
public class ProviderAgreementTests
{
    private const double Tolerance = 0.002;

    [TestCase("config_softmax.yaml", 4)]
    [TestCase("config_twolayer.yaml", 1)]
    public void Training_OnOurProvider_MatchesMathNetsProvider(string configName, int? epochs)
    {
        var config = ConfigLoader.Load(Repository.PathOf("configs", configName));
        if (epochs is int n)
        {
            config = config with { Epochs = n };
        }

        var (managed, fast) = BothProviders.Run(() => new TrainingSession(config).Run());

        TestContext.Out.WriteLine($"{configName}, {config.Epochs} epochs: test accuracy {fast.TestAccuracy:F4} on ours, {managed.TestAccuracy:F4} on MathNet's");
        fast.TestAccuracy.Should().BeApproximately(managed.TestAccuracy, Tolerance);
        fast.Epochs.Select(e => e.ValidAccuracy).Should().Equal(managed.Epochs.Select(e => e.ValidAccuracy),
            (ours, theirs) => Math.Abs(ours - theirs) <= Tolerance, "every epoch's validation accuracy agrees");
    }
}
