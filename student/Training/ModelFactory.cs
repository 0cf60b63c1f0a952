using Assignment1.Configuration;
using Assignment1.Models;
using Assignment1.Optimizers;

namespace Assignment1.Training;

/// <summary>Builds the model and optimizer a config asks for.</summary>
public static class ModelFactory
{
    /// <summary>A fresh model of the config's type (784 inputs, 10 classes).</summary>
    public static BaseNetwork CreateModel(TrainingConfig config) => config.Model switch
    {
        ModelType.SoftmaxRegression => new SoftmaxRegression(),
        ModelType.TwoLayerNet => new TwoLayerNet(hiddenSize: config.HiddenSize ?? 128),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.Model, "Unknown model type."),
    };

    /// <summary>Plain SGD with the config's learning rate and L2 strength (momentum is not used, as in the original).</summary>
    public static Optimizer CreateOptimizer(TrainingConfig config) => new Sgd(config.LearningRate, config.Reg);
}
