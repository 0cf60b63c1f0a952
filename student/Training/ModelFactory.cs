using Assignment1.Configuration;
using Assignment1.Experiments;
using Assignment1.Models;
using Assignment1.Optimizers;

namespace Assignment1.Training;

/// <summary>Builds the model and optimizer a config asks for.</summary>
public static class ModelFactory
{
    /// <summary>A fresh model of the config's type (784 inputs, 10 classes), its weights initialized as <c>Model.init</c> says.</summary>
    public static BaseNetwork CreateModel(TrainingConfig config)
    {
        BaseNetwork model = config.Model switch
        {
            ModelType.SoftmaxRegression => new SoftmaxRegression(),
            ModelType.TwoLayerNet => new TwoLayerNet(hiddenSize: config.HiddenSize ?? 128),
            _ => throw new ArgumentOutOfRangeException(nameof(config), config.Model, "Unknown model type."),
        };
        WeightInitialization.Apply(model, config.Init, config.InitSigma);
        return model;
    }

    /// <summary>
    /// The optimizer <c>Train.optimizer</c> names, with the config's learning rate and L2 strength: by default your
    /// <c>Sgd</c> (momentum is not used, as in the original); momentum, Adam and Adagrad are provided for the studies.
    /// </summary>
    public static Optimizer CreateOptimizer(TrainingConfig config) => config.Optimizer switch
    {
        OptimizerKind.Sgd => new Sgd(config.LearningRate, config.Reg),
        OptimizerKind.Momentum => new MomentumSgd(config.LearningRate, config.Reg, config.Momentum),
        OptimizerKind.Adam => new Adam(config.LearningRate, config.Reg),
        OptimizerKind.Adagrad => new Adagrad(config.LearningRate, config.Reg),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.Optimizer, "Unknown optimizer."),
    };
}
