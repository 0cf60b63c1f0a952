using Assignment1.Experiments;
using Assignment1.Models;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Grader.Tests.Experiments;

/// <summary>
/// The provided optimizers of the optimizer study, checked against hand computations on a 1×2 weight and a 1×2 bias:
/// W = [1, −2], dW = [0.5, 0.25], b = [3, 4], db = [0.5, −1], η = 0.1, λ = 0.1. With the assignment's L2 rule the weight's
/// gradient is dW + λ·W = [0.6, 0.05]; the bias's stays db.
/// </summary>
[TestFixture]
public class StudyOptimizerTests
{
    private const double Lr = 0.1, Reg = 0.1;
    private static readonly double[] RegularizedWeightGradient = [0.6, 0.05];
    private static readonly double[] BiasGradient = [0.5, -1];

    [Test]
    public void Momentum_TwoSteps_MatchTheHandComputation()
    {
        var model = Model();
        var optimizer = new MomentumSgd(Lr, Reg, momentum: 0.9);

        Step(optimizer, model);
        // v = −η·g: W's v = [−0.06, −0.005], b's v = [−0.05, 0.1].
        Row(model, "W1").Should().Equal([0.94, -2.005], Close);
        Row(model, "b1").Should().Equal([2.95, 4.1], Close);

        Step(optimizer, model);
        // W's gradient is now [0.5, 0.25] + 0.1·[0.94, −2.005] = [0.594, 0.0495]; v = 0.9·v − η·g = [−0.1134, −0.00945].
        Row(model, "W1").Should().Equal([0.94 - 0.1134, -2.005 - 0.00945], Close);
        // b: v = 0.9·[−0.05, 0.1] − 0.1·[0.5, −1] = [−0.095, 0.19].
        Row(model, "b1").Should().Equal([2.95 - 0.095, 4.1 + 0.19], Close);
    }

    [Test]
    public void Adam_FirstStep_MovesEveryParameterByTheLearningRate_AgainstItsGradient()
    {
        // Step 1: m̂ = g and v̂ = g², so the step is η·g / (|g| + ε) = η·sign(g).
        var model = Model();
        var optimizer = new Adam(Lr, Reg);
        Step(optimizer, model);
        Row(model, "W1").Should().Equal([0.9, -2.1], Close);
        Row(model, "b1").Should().Equal([2.9, 4.1], Close);
    }

    [Test]
    public void Adam_SecondStep_MatchesTheFormula()
    {
        var model = Model();
        var optimizer = new Adam(Lr, Reg);
        Step(optimizer, model);
        Step(optimizer, model);
        // The bias's gradient is 0.5 both times: m = 0.9·0.05 + 0.1·0.5 = 0.095, v = 0.999·0.00025 + 0.001·0.25 = 0.00049975;
        // m̂ = 0.095 / 0.19 = 0.5, v̂ = 0.00049975 / 0.001999 = 0.25 → a step of η·0.5 / 0.5 = η again.
        Row(model, "b1")[0].Should().BeApproximately(2.8, 1e-7);
        // The weight's second gradient is [0.5, 0.25] + 0.1·[0.9, −2.1] = [0.59, 0.04] (up to ε's effect on the first step).
        double m = 0.9 * (0.1 * 0.6) + 0.1 * 0.59, v = 0.999 * (0.001 * 0.36) + 0.001 * 0.59 * 0.59;
        double step = Lr * (m / 0.19) / (Math.Sqrt(v / (1 - 0.999 * 0.999)) + 1e-8);
        Row(model, "W1")[0].Should().BeApproximately(0.9 - step, 1e-8);
    }

    [Test]
    public void Adagrad_StepsShrinkAsSquaredGradientsAccumulate()
    {
        var model = Model();
        var optimizer = new Adagrad(Lr, Reg);
        Step(optimizer, model);
        Row(model, "b1").Should().Equal([2.9, 4.1], Close, "the first step is η·g / |g|");
        Step(optimizer, model);
        // The bias's gradient is the same again: G = 2g², so the step is η·g / (√2·|g|) = η / √2.
        Row(model, "b1").Should().Equal([2.9 - Lr / Math.Sqrt(2), 4.1 + Lr / Math.Sqrt(2)], Close);
    }

    [Test]
    public void EveryStudyOptimizer_RegularizesWeightsOnly_ByTheAssignmentsRule()
    {
        foreach (var optimizer in new StatefulOptimizer[] { new MomentumSgd(Lr, Reg, 0.9), new Adam(Lr, Reg), new Adagrad(Lr, Reg) })
        {
            var model = Model();
            optimizer.ApplyRegularization(model);
            Row(model, "W1", gradients: true).Should().Equal(RegularizedWeightGradient, Close, optimizer.GetType().Name);
            Row(model, "b1", gradients: true).Should().Equal(BiasGradient, Close, $"{optimizer.GetType().Name} leaves biases unregularized");
        }
    }

    [Test]
    public void Momentum_OutsideZeroToOne_IsRefused()
    {
        var make = () => new MomentumSgd(Lr, Reg, momentum: 1.0);
        make.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*[0, 1)*");
    }

    /// <summary>Equal up to what ε = 1e-8 in Adam's and Adagrad's denominators changes (η·ε/|g| ≤ 2e-8 here).</summary>
    private static bool Close(double actual, double expected) => Math.Abs(actual - expected) < 1e-7;

    /// <summary>A 2-input, 2-class softmax regression given the weight, bias and gradients above (the optimizers only read the dictionaries).</summary>
    private static BaseNetwork Model()
    {
        var model = new SoftmaxRegression(inputSize: 1, numClasses: 2);
        model.Weights["W1"] = Matrix<double>.Build.DenseOfRowArrays([1.0, -2.0]);
        model.Weights["b1"] = Matrix<double>.Build.DenseOfRowArrays([3.0, 4.0]);
        SetGradients(model);
        return model;
    }

    /// <summary>What a forward pass would store: the same raw gradients every step.</summary>
    private static void SetGradients(BaseNetwork model)
    {
        model.Gradients["W1"] = Matrix<double>.Build.DenseOfRowArrays([0.5, 0.25]);
        model.Gradients["b1"] = Matrix<double>.Build.DenseOfRowArrays(BiasGradient);
    }

    private static void Step(StatefulOptimizer optimizer, BaseNetwork model)
    {
        SetGradients(model);
        optimizer.Update(model);
    }

    private static double[] Row(BaseNetwork model, string name, bool gradients = false) =>
        (gradients ? model.Gradients : model.Weights)[name].Row(0).ToArray();
}
