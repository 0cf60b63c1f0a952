using Assignment1.Models;

namespace Assignment1.Optimizers;

/// <summary>What every optimizer of the assignment has: a learning rate, an L2 strength, and an update step.</summary>
/// <param name="learningRate">The step size η.</param>
/// <param name="reg">The L2 regularization strength λ (the loss gains ½·λ·Σw² over the weights).</param>
public abstract class Optimizer(double learningRate, double reg)
{
    /// <summary>The step size η.</summary>
    public double LearningRate { get; } = learningRate;

    /// <summary>The L2 regularization strength λ.</summary>
    public double Reg { get; } = reg;

    /// <summary>Adds the gradient of the L2 penalty to the model's weight gradients (never its biases).</summary>
    public abstract void ApplyRegularization(BaseNetwork model);

    /// <summary>Moves every parameter of <paramref name="model"/> one step, using <c>model.Gradients</c>.</summary>
    public abstract void Update(BaseNetwork model);

    /// <summary>
    /// True for weight matrices (<c>"W1"</c>, <c>"W2"</c>), false for biases (<c>"b1"</c>, <c>"b2"</c>):
    /// the assignment names every weight with a leading <c>W</c>.
    /// </summary>
    public static bool IsWeight(string parameterName) => parameterName.StartsWith('W');
}
