using Assignment1.Models;
using Assignment1.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.PrivateTests;

/// <summary>
/// The public activation and loss tests again, on ordinary data students cannot read (random, moderate values, no ties,
/// no exact zeros), with the expected values computed here from the formulas. Worth no points of their own: each
/// <see cref="ConfirmsAttribute">confirms</see> a public test, which counts only when its twin passes too.
/// </summary>
[TestFixture]
public class PublicChecksOnOtherDataTests
{
    private static BaseNetwork Model => new SoftmaxRegression(inputSize: 3, numClasses: 5);

    /// <summary>6×5 standard normals times 2: moderate values, none exactly 0.</summary>
    private static Matrix<double> Input => PrivateSuite.Random(6, 5, seed: 91, scale: 2);

    private const string Why = "the same check as the public test, on other data: the result must be computed from the input, for every input.";

    // A twin must pass whenever an honest implementation passes its public test, so its tolerance is never tighter:
    // the public Σ|actual − expected| ≤ 5e-8 over 8 entries becomes 2e-7 over 30; the loss gets ten times the public
    // 5e-6 (below); the accuracy keeps 5e-5.
    private const double MatrixTolerance = 2e-7;

    [Test]
    [Confirms("1.1")]
    [Graded("8.8", 0, "Sigmoid on other data", PrivateSuite.Visibility)]
    public void Sigmoid_OnOtherData()
    {
        var actual = StudentCode.Run("Sigmoid", () => Model.Sigmoid(Input));
        Expect.Close(Input.Map(v => 1.0 / (1.0 + Math.Exp(-v))), actual, MatrixTolerance, "Sigmoid of a random 6x5 matrix", Why);
    }

    [Test]
    [Confirms("1.2")]
    [Graded("8.9", 0, "Sigmoid derivative on other data", PrivateSuite.Visibility)]
    public void SigmoidDev_OnOtherData()
    {
        var actual = StudentCode.Run("SigmoidDev", () => Model.SigmoidDev(Input));
        Expect.Close(Input.Map(v => Math.Exp(-v) / ((1.0 + Math.Exp(-v)) * (1.0 + Math.Exp(-v)))), actual, MatrixTolerance, "SigmoidDev of a random 6x5 matrix", Why);
    }

    [Test]
    [Confirms("1.3")]
    [Graded("8.10", 0, "ReLU on other data", PrivateSuite.Visibility)]
    public void ReLU_OnOtherData()
    {
        var actual = StudentCode.Run("ReLU", () => Model.ReLU(Input));
        Expect.Close(Input.Map(v => v > 0 ? v : 0.0), actual, MatrixTolerance, "ReLU of a random 6x5 matrix", Why);
    }

    [Test]
    [Confirms("1.4")]
    [Graded("8.11", 0, "ReLU derivative on other data", PrivateSuite.Visibility)]
    public void ReLUDev_OnOtherData()
    {
        var actual = StudentCode.Run("ReLUDev", () => Model.ReLUDev(Input));
        Expect.Close(Input.Map(v => v > 0 ? 1.0 : 0.0), actual, MatrixTolerance, "ReLUDev of a random 6x5 matrix", Why);
    }

    [Test]
    [Confirms("1.5")]
    [Graded("8.12", 0, "Softmax on other data", PrivateSuite.Visibility)]
    public void Softmax_OnOtherData()
    {
        var actual = StudentCode.Run("Softmax", () => Model.Softmax(Input));
        Expect.Close(SoftmaxOf(Input), actual, MatrixTolerance, "Softmax of a random 6x5 matrix", Why);
    }

    [Test]
    [Confirms("2.1")]
    [Graded("8.13", 0, "Cross-entropy loss on other data", PrivateSuite.Visibility)]
    public void CrossEntropyLoss_OnOtherData()
    {
        // Probabilities between about 0.1 and 0.4, as in the public test, and ten times its tolerance: a small ε inside
        // the log (log(p + 1e-8)), which the public test tolerates, passes here too.
        var p = SoftmaxOf(PrivateSuite.Random(6, 5, seed: 92, scale: 0.5));
        int[] y = PrivateSuite.Labels(6, 5);
        double expected = -Enumerable.Range(0, 6).Average(i => Math.Log(p[i, y[i]]));
        double actual = StudentCode.Run("CrossEntropyLoss", () => Model.CrossEntropyLoss(p, y));
        Expect.Close(expected, actual, 5e-5, "CrossEntropyLoss of random probabilities (6 samples, 5 classes)", Why);
    }

    [Test]
    [Confirms("2.2")]
    [Graded("8.14", 0, "Accuracy on other data", PrivateSuite.Visibility)]
    public void ComputeAccuracy_OnOtherData()
    {
        var p = SoftmaxOf(Input);
        // The most likely class on rows 0, 2 and 3, another class elsewhere: 3 of 6 right.
        int[] y = Enumerable.Range(0, 6).Select(i => p.Row(i).MaximumIndex() + (i is 0 or 2 or 3 ? 0 : 1)).Select(c => c % 5).ToArray();
        double actual = StudentCode.Run("ComputeAccuracy", () => Model.ComputeAccuracy(p, y));
        Expect.Close(0.5, actual, 5e-5, "ComputeAccuracy of random probabilities, 3 of 6 right", Why);
    }

    private static Matrix<double> SoftmaxOf(Matrix<double> scores)
    {
        var exponentials = scores.Map(Math.Exp);
        return Matrix<double>.Build.Dense(scores.RowCount, scores.ColumnCount, (i, j) => exponentials[i, j] / exponentials.Row(i).Sum());
    }
}
