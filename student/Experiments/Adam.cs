using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Experiments;

/// <summary>
/// Adam (Kingma and Ba, 2015), at step t: <c>m ← β₁·m + (1−β₁)·g</c>, <c>v ← β₂·v + (1−β₂)·g²</c>,
/// <c>m̂ = m / (1−β₁ᵗ)</c>, <c>v̂ = v / (1−β₂ᵗ)</c>, <c>p ← p − η·m̂ / (√v̂ + ε)</c>, element-wise, m and v starting at zero.
/// </summary>
/// <param name="learningRate">The step size η (Adam's usual 1e-3 is far below the configs' 0.1).</param>
/// <param name="reg">The L2 regularization strength λ.</param>
/// <param name="beta1">β₁.</param>
/// <param name="beta2">β₂.</param>
/// <param name="epsilon">ε.</param>
public sealed class Adam(double learningRate, double reg, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) : StatefulOptimizer(learningRate, reg)
{
    private int _step;

    /// <inheritdoc/>
    protected override int StateMatrices => 2;

    /// <inheritdoc/>
    protected override void BeginStep() => _step++;

    /// <inheritdoc/>
    protected override void Step(Matrix<double> parameter, Matrix<double> gradient, Matrix<double>[] state)
    {
        var (m, v) = (state[0], state[1]);
        double correction1 = 1 - Math.Pow(beta1, _step), correction2 = 1 - Math.Pow(beta2, _step);
        double[] p = parameter.AsColumnMajorArray() ?? throw new InvalidOperationException("Adam needs dense matrices.");
        double[] g = gradient.AsColumnMajorArray() ?? gradient.ToColumnMajorArray(), ms = m.AsColumnMajorArray(), vs = v.AsColumnMajorArray();
        for (int i = 0; i < p.Length; i++)
        {
            ms[i] = beta1 * ms[i] + (1 - beta1) * g[i];
            vs[i] = beta2 * vs[i] + (1 - beta2) * g[i] * g[i];
            p[i] -= LearningRate * (ms[i] / correction1) / (Math.Sqrt(vs[i] / correction2) + epsilon);
        }
    }
}
