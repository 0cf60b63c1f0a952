namespace Assignment1.Models;

/// <summary>Whether a forward pass is part of training or only measures the model.</summary>
public enum ForwardMode
{
    /// <summary>Compute loss and accuracy and store the gradients in <see cref="BaseNetwork.Gradients"/>.</summary>
    Train,

    /// <summary>Compute loss and accuracy only; leave every gradient untouched (validation and test).</summary>
    Evaluate,
}
