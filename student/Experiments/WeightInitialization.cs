using Assignment1.Models;
using Assignment1.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Experiments;

/// <summary>Re-initializes a model's weight matrices for the initialization study (provided; not a TODO).</summary>
public static class WeightInitialization
{
    /// <summary>
    /// Replaces every weight matrix (<c>W1</c>, <c>W2</c>, …; biases are left at zero) of <paramref name="model"/> as
    /// <paramref name="scheme"/> says. <see cref="InitScheme.NumpyGaussian"/> changes nothing: the constructors already
    /// initialize that way, so the default keeps every result bit-identical. Random schemes draw from the seed-1024
    /// NumPy stream, so a run is reproducible.
    /// </summary>
    /// <param name="model">A freshly built model.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="sigma">Standard deviation σ for <see cref="InitScheme.Normal"/>, &gt; 0.</param>
    public static void Apply(BaseNetwork model, InitScheme scheme, double sigma = 0.01)
    {
        if (scheme == InitScheme.NumpyGaussian)
        {
            return;
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigma);
        var random = new NumpyRandom(WeightInitializer.Seed);
        foreach (string name in model.Weights.Keys.Where(Optimizers.Optimizer.IsWeight).Order(StringComparer.Ordinal).ToList())
        {
            var weight = model.Weights[name];
            model.Weights[name] = Create(weight.RowCount, weight.ColumnCount, scheme, sigma, random);
        }
    }

    /// <summary>A <paramref name="fanIn"/>×<paramref name="fanOut"/> matrix drawn as <paramref name="scheme"/> says, filled row by row as NumPy fills it.</summary>
    public static Matrix<double> Create(int fanIn, int fanOut, InitScheme scheme, double sigma, NumpyRandom random)
    {
        double glorotBound = GlorotBound(fanIn, fanOut);
        var matrix = Matrix<double>.Build.Dense(fanIn, fanOut);
        for (int row = 0; row < fanIn; row++)
        {
            for (int column = 0; column < fanOut; column++)
            {
                matrix[row, column] = scheme switch
                {
                    InitScheme.Zero => 0.0,
                    InitScheme.Normal => sigma * random.NextGaussian(),
                    InitScheme.Glorot => glorotBound * (2 * random.NextDouble() - 1),
                    _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Use the model's constructor for numpy-gaussian."),
                };
            }
        }
        return matrix;
    }

    /// <summary>Glorot's bound a = √(6 / (fan_in + fan_out)): a uniform draw on [−a, a] has variance 2 / (fan_in + fan_out).</summary>
    public static double GlorotBound(int fanIn, int fanOut) => Math.Sqrt(6.0 / (fanIn + fanOut));
}
