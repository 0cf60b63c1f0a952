using Assignment1.Models;
using Assignment1.Optimizers;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Experiments;

/// <summary>
/// The provided optimizers of the optimizer study: each keeps a state matrix (or two) per parameter, and all apply the
/// assignment's L2 rule first, as <c>Sgd</c> does: <c>dW += λ·W</c> for weights, never for biases.
/// </summary>
/// <param name="learningRate">The step size η.</param>
/// <param name="reg">The L2 regularization strength λ.</param>
public abstract class StatefulOptimizer(double learningRate, double reg) : Optimizer(learningRate, reg)
{
    private readonly Dictionary<string, Matrix<double>[]> _state = new();

    /// <summary>Adds λ·W to the gradient of every weight matrix, in place; biases are not regularized.</summary>
    public override void ApplyRegularization(BaseNetwork model)
    {
        foreach (var (name, weight) in model.Weights)
        {
            if (IsWeight(name))
            {
                var gradient = model.Gradients[name];
                gradient.Add(Reg * weight, gradient);
            }
        }
    }

    /// <summary>One step: regularization, then <see cref="Step"/> for every parameter.</summary>
    public override void Update(BaseNetwork model)
    {
        ApplyRegularization(model);
        BeginStep();
        foreach (var (name, weight) in model.Weights)
        {
            var state = _state.TryGetValue(name, out var kept) ? kept
                : _state[name] = Enumerable.Range(0, StateMatrices).Select(_ => Matrix<double>.Build.Dense(weight.RowCount, weight.ColumnCount)).ToArray();
            Step(weight, model.Gradients[name], state);
        }
    }

    /// <summary>How many state matrices, each shaped like its parameter and starting at zero, the optimizer keeps per parameter.</summary>
    protected abstract int StateMatrices { get; }

    /// <summary>Called once per update, before the parameters' steps (Adam counts its steps here).</summary>
    protected virtual void BeginStep()
    {
    }

    /// <summary>Updates <paramref name="parameter"/> in place from its (regularized) <paramref name="gradient"/> and its <paramref name="state"/>.</summary>
    protected abstract void Step(Matrix<double> parameter, Matrix<double> gradient, Matrix<double>[] state);
}
