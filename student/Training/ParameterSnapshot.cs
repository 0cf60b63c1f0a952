using Assignment1.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Training;

/// <summary>
/// A deep copy of a model's parameters (the original's <c>copy.deepcopy(model)</c>), used to keep the
/// model of the best epoch while training goes on.
/// </summary>
public sealed class ParameterSnapshot
{
    private readonly Dictionary<string, Matrix<double>> _parameters;

    private ParameterSnapshot(Dictionary<string, Matrix<double>> parameters) => _parameters = parameters;

    /// <summary>Copies every parameter of <paramref name="model"/>.</summary>
    public static ParameterSnapshot Take(BaseNetwork model) =>
        new(model.Weights.ToDictionary(p => p.Key, p => p.Value.Clone()));

    /// <summary>Puts copies of the saved parameters back into <paramref name="model"/>.</summary>
    public void RestoreInto(BaseNetwork model)
    {
        foreach (var (name, value) in _parameters)
        {
            model.Weights[name] = value.Clone();
        }
    }
}
