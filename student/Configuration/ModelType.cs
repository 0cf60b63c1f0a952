namespace Assignment1.Configuration;

/// <summary>The two models of the assignment, named as in the configs' <c>Model.type</c>.</summary>
public enum ModelType
{
    /// <summary>x·W1 → ReLU → softmax.</summary>
    SoftmaxRegression,

    /// <summary>x·W1+b1 → sigmoid → ·W2+b2 → softmax.</summary>
    TwoLayerNet,
}
