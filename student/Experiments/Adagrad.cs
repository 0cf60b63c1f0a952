using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Experiments;

/// <summary>Adagrad (Duchi et al., 2011): <c>G ← G + g²</c>, <c>p ← p − η·g / (√G + ε)</c>, element-wise, G starting at zero.</summary>
/// <param name="learningRate">The step size η.</param>
/// <param name="reg">The L2 regularization strength λ.</param>
/// <param name="epsilon">ε.</param>
public sealed class Adagrad(double learningRate, double reg, double epsilon = 1e-8) : StatefulOptimizer(learningRate, reg)
{
    /// <inheritdoc/>
    protected override int StateMatrices => 1;

    /// <inheritdoc/>
    protected override void Step(Matrix<double> parameter, Matrix<double> gradient, Matrix<double>[] state)
    {
        double[] p = parameter.AsColumnMajorArray() ?? throw new InvalidOperationException("Adagrad needs dense matrices.");
        double[] g = gradient.AsColumnMajorArray() ?? gradient.ToColumnMajorArray(), sums = state[0].AsColumnMajorArray();
        for (int i = 0; i < p.Length; i++)
        {
            sums[i] += g[i] * g[i];
            p[i] -= LearningRate * g[i] / (Math.Sqrt(sums[i]) + epsilon);
        }
    }
}
