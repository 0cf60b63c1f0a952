namespace Assignment1.Experiments;

/// <summary>How a model's weight matrices start (<c>Model.init</c> in a config). Biases always start at zero.</summary>
public enum InitScheme
{
    /// <summary><c>numpy-gaussian</c>, the default: the original's <c>0.001 * np.random.randn</c> after <c>np.random.seed(1024)</c>, bit for bit (what the models' constructors do).</summary>
    NumpyGaussian,

    /// <summary><c>zero</c>: every weight 0 (the classic example of a symmetry that training cannot break).</summary>
    Zero,

    /// <summary><c>normal</c>: every weight drawn from N(0, σ²), σ = <c>Model.init_sigma</c>.</summary>
    Normal,

    /// <summary><c>glorot</c>: uniform on [−a, a] with a = √(6 / (fan_in + fan_out)) (Glorot and Bengio, 2010).</summary>
    Glorot,
}

/// <summary>The config names of <see cref="InitScheme"/>.</summary>
public static class InitSchemeNames
{
    /// <summary>Config name → scheme.</summary>
    public static readonly IReadOnlyDictionary<string, InitScheme> ByName = new Dictionary<string, InitScheme>
    {
        ["numpy-gaussian"] = InitScheme.NumpyGaussian,
        ["zero"] = InitScheme.Zero,
        ["normal"] = InitScheme.Normal,
        ["glorot"] = InitScheme.Glorot,
    };
}
