namespace Assignment1.Configuration;

/// <summary>One experiment, as a <c>configs/*.yaml</c> file describes it.</summary>
/// <param name="BatchSize">Samples per mini-batch (<c>Train.batch_size</c>), at least 1.</param>
/// <param name="LearningRate">SGD step size (<c>Train.learning_rate</c>), &gt; 0.</param>
/// <param name="Reg">L2 regularization strength λ (<c>Train.reg</c>), ≥ 0.</param>
/// <param name="Epochs">Passes over the training set (<c>Train.epochs</c>), at least 1.</param>
/// <param name="Momentum">Read for fidelity with the original configs; plain SGD does not use it.</param>
/// <param name="Debug">Print per-epoch summaries and the final test accuracy (<c>Train.debug</c>).</param>
/// <param name="Model">Which network to train (<c>Model.type</c>).</param>
/// <param name="HiddenSize">Hidden units of the two-layer network (<c>Model.hidden_size</c>); null for softmax regression.</param>
public sealed record TrainingConfig(
    int BatchSize,
    double LearningRate,
    double Reg,
    int Epochs,
    double Momentum,
    bool Debug,
    ModelType Model,
    int? HiddenSize);
