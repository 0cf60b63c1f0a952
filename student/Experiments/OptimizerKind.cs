namespace Assignment1.Experiments;

/// <summary>Which optimizer trains the model (<c>Train.optimizer</c> in a config).</summary>
public enum OptimizerKind
{
    /// <summary><c>sgd</c>, the default: your <c>Sgd</c>.</summary>
    Sgd,

    /// <summary><c>momentum</c>: SGD with momentum μ = <c>Train.momentum</c> (<see cref="MomentumSgd"/>).</summary>
    Momentum,

    /// <summary><c>adam</c> (<see cref="Adam"/>).</summary>
    Adam,

    /// <summary><c>adagrad</c> (<see cref="Adagrad"/>).</summary>
    Adagrad,
}

/// <summary>The config names of <see cref="OptimizerKind"/>.</summary>
public static class OptimizerNames
{
    /// <summary>Config name → optimizer.</summary>
    public static readonly IReadOnlyDictionary<string, OptimizerKind> ByName = new Dictionary<string, OptimizerKind>
    {
        ["sgd"] = OptimizerKind.Sgd,
        ["momentum"] = OptimizerKind.Momentum,
        ["adam"] = OptimizerKind.Adam,
        ["adagrad"] = OptimizerKind.Adagrad,
    };
}
