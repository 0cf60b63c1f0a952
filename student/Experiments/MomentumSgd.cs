using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Experiments;

/// <summary>SGD with momentum: <c>v ← μ·v − η·g</c>, then <c>p ← p + v</c>, with v starting at zero.</summary>
/// <param name="learningRate">The step size η.</param>
/// <param name="reg">The L2 regularization strength λ.</param>
/// <param name="momentum">μ, in [0, 1).</param>
public sealed class MomentumSgd(double learningRate, double reg, double momentum) : StatefulOptimizer(learningRate, reg)
{
    /// <summary>μ.</summary>
    public double Momentum { get; } = momentum is >= 0 and < 1 ? momentum : throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "momentum must be in [0, 1).");

    /// <inheritdoc/>
    protected override int StateMatrices => 1;

    /// <inheritdoc/>
    protected override void Step(Matrix<double> parameter, Matrix<double> gradient, Matrix<double>[] state)
    {
        var velocity = state[0];
        velocity.Multiply(Momentum, velocity);
        velocity.Subtract(LearningRate * gradient, velocity);
        parameter.Add(velocity, parameter);
    }
}
