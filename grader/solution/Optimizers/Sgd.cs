using Assignment1.Models;

namespace Assignment1.Optimizers;

/// <summary>Plain stochastic gradient descent with L2 regularization.</summary>
/// <param name="learningRate">The step size η.</param>
/// <param name="reg">The L2 regularization strength λ.</param>
public sealed class Sgd(double learningRate = 1e-4, double reg = 1e-3) : Optimizer(learningRate, reg)
{
    /// <summary>
    /// Adds the gradient of the L2 penalty to every weight gradient: <c>dW += λ·W</c>
    /// (the penalty is <c>½·λ·Σw²</c>, so its gradient is <c>λ·W</c>).
    /// </summary>
    /// <param name="model">The model whose <c>Gradients</c> are updated in place.</param>
    /// <remarks>
    /// Biases are never regularized: use <see cref="Optimizer.IsWeight"/> to tell them apart.
    /// Two forms are right, as in NumPy: <c>model.Gradients[name] = model.Gradients[name] + Reg * w</c> stores a new
    /// matrix (NumPy's <c>dW = dW + reg * W</c>); with <c>g = model.Gradients[name]</c>, <c>g.Add(Reg * w, g)</c> adds in
    /// place (NumPy's <c>dW += reg * W</c>) and allocates one matrix less per step.
    /// </remarks>
    public override void ApplyRegularization(BaseNetwork model)
    {
        // BEGIN SOLUTION
        foreach (var (name, weight) in model.Weights)
        {
            if (IsWeight(name))
            {
                var gradient = model.Gradients[name];
                gradient.Add(Reg * weight, gradient);
            }
        }
        // END SOLUTION
    }

    /// <summary>
    /// One SGD step: first <see cref="ApplyRegularization"/>, then for every parameter
    /// <c>p ← p − η·dp</c>.
    /// </summary>
    /// <param name="model">The model whose <c>Weights</c> are updated, using its <c>Gradients</c>.</param>
    /// <remarks>
    /// As above, both forms are right: <c>model.Weights[name] = model.Weights[name] - LearningRate * g</c>, and, with
    /// <c>w = model.Weights[name]</c>, the in-place <c>w.Subtract(LearningRate * g, w)</c> (NumPy's <c>W -= lr * dW</c>),
    /// which is faster: every new matrix must be allocated and cleared.
    /// </remarks>
    public override void Update(BaseNetwork model)
    {
        // BEGIN SOLUTION
        ApplyRegularization(model);
        foreach (var (name, weight) in model.Weights)
        {
            weight.Subtract(LearningRate * model.Gradients[name], weight);
        }
        // END SOLUTION
    }
}
