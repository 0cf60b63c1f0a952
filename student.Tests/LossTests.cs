using Assignment1.Models;
using Assignment1.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Tests;

/// <summary>Cross-entropy loss and accuracy, on the original assignment's vectors.</summary>
[TestFixture]
public class LossTests
{
    private static readonly Matrix<double> Predictions = Matrix<double>.Build.DenseOfArray(new[,]
    {
        { 0.2, 0.5, 0.3 }, { 0.5, 0.1, 0.4 }, { 0.3, 0.3, 0.4 },
    });

    private static readonly int[] Labels = [1, 2, 0];

    [Graded("2.1", 1.5, "Cross-entropy loss")]
    [Test]
    public void CrossEntropyLoss_MatchesTheOriginalValue()
    {
        double loss = StudentCode.Run("CrossEntropyLoss", () => new SoftmaxRegression().CrossEntropyLoss(Predictions, Labels));
        Expect.Close(0.937803, loss, 5e-6, "CrossEntropyLoss(xPred, y)",
            "L = −(1/N) Σ_i log(xPred[i, y[i]]): only the probability of each sample's label counts, and the sum is divided by N.");
    }

    [Graded("2.2", 1.5, "Accuracy")]
    [Test]
    public void ComputeAccuracy_MatchesTheOriginalValue()
    {
        double accuracy = StudentCode.Run("ComputeAccuracy", () => new SoftmaxRegression().ComputeAccuracy(Predictions, Labels));
        Expect.Close(0.3333, accuracy, 5e-5, "ComputeAccuracy(xPred, y)",
            "a sample is correct when the column of its largest probability is its label; accuracy = correct / N.");
    }
}
