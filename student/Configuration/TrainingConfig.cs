using Assignment1.Experiments;

namespace Assignment1.Configuration;

/// <summary>One experiment, as a <c>configs/*.yaml</c> file describes it.</summary>
/// <param name="BatchSize">Samples per mini-batch (<c>Train.batch_size</c>), at least 1.</param>
/// <param name="LearningRate">SGD step size (<c>Train.learning_rate</c>), &gt; 0.</param>
/// <param name="Reg">L2 regularization strength λ (<c>Train.reg</c>), ≥ 0.</param>
/// <param name="Epochs">Passes over the training set (<c>Train.epochs</c>), at least 1.</param>
/// <param name="Momentum">μ of <c>optimizer: momentum</c> (<c>Train.momentum</c>); read for fidelity with the original configs, which plain SGD does not use.</param>
/// <param name="Debug">Print per-epoch summaries and the final test accuracy (<c>Train.debug</c>).</param>
/// <param name="Model">Which network to train (<c>Model.type</c>).</param>
/// <param name="HiddenSize">Hidden units of the two-layer network (<c>Model.hidden_size</c>); null for softmax regression.</param>
/// <param name="Init">How the weights start (<c>Model.init</c>: numpy-gaussian, the default, zero, normal or glorot).</param>
/// <param name="InitSigma">σ of <c>init: normal</c> (<c>Model.init_sigma</c>, default 0.01).</param>
/// <param name="Optimizer">Which optimizer trains (<c>Train.optimizer</c>: sgd, the default, momentum, adam or adagrad).</param>
/// <param name="Patience">
/// Early stopping (<c>Train.early_stopping: {patience: N}</c>): stop after N epochs without a better validation
/// accuracy; the best model is restored either way. Null: train every epoch.
/// </param>
public sealed record TrainingConfig(
    int BatchSize,
    double LearningRate,
    double Reg,
    int Epochs,
    double Momentum,
    bool Debug,
    ModelType Model,
    int? HiddenSize,
    InitScheme Init = InitScheme.NumpyGaussian,
    double InitSigma = 0.01,
    OptimizerKind Optimizer = OptimizerKind.Sgd,
    int? Patience = null);
