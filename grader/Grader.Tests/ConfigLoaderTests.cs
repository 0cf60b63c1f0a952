using Assignment1.Configuration;
using Assignment1.Experiments;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests;

/// <summary>The configs load with the original's values, and every kind of bad config stops with a message naming file and key.</summary>
[TestFixture]
public class ConfigLoaderTests
{
    private const string Valid = """
        Train:
          batch_size: 64
          learning_rate: 0.1
          reg: 0.001
          epochs: 10
          momentum: 0.9
          debug: True
        Model:
          type: TwoLayerNet
          hidden_size: 128
        """;

    [TestCase("config_twolayer.yaml", ModelType.TwoLayerNet, 128)]
    [TestCase("config_exp.yaml", ModelType.TwoLayerNet, 128)]
    [TestCase("config_softmax.yaml", ModelType.SoftmaxRegression, null)]
    public void ShippedConfigs_HoldTheOriginalValues(string file, ModelType model, int? hidden)
    {
        var config = ConfigLoader.Load(Repository.PathOf("configs", file));
        config.Should().Be(new TrainingConfig(64, 0.1, 0.001, 10, 0.9, true, model, hidden));
    }

    [Test]
    public void SettingsThatTrainingDoesNotUse_AreNamed()
    {
        ConfigLoader.UnusedSettings(ConfigLoader.Parse(Valid, "exp.yaml")).Should().ContainSingle()
            .Which.Should().Contain("Train.momentum (0.9) is not used");
        ConfigLoader.UnusedSettings(ConfigLoader.Parse(Valid.Replace("momentum: 0.9", "momentum: 0"), "exp.yaml")).Should().BeEmpty();
        ConfigLoader.UnusedSettings(ConfigLoader.Parse(Valid.Replace("momentum: 0.9", "momentum: 0").Replace("TwoLayerNet", "SoftmaxRegression"), "exp.yaml"))
            .Should().ContainSingle().Which.Should().Contain("Model.hidden_size (128) is not used");
    }

    [Test]
    public void MissingFile_SaysWhichFileAndWhereTheConfigsAre()
    {
        var load = () => ConfigLoader.Load("configs/nope.yaml");
        load.Should().Throw<ConfigException>().WithMessage("*'configs/nope.yaml' does not exist*configs/config_twolayer.yaml*");
    }

    [TestCase("  learning_rate: 0.1", "  learning_rte: 0.1", "exp.yaml:3: unknown key 'Train.learning_rte'*Allowed keys in Train:*learning_rate*")]
    [TestCase("Model:", "Modle:", "exp.yaml:8: unknown section 'Modle'*")]
    [TestCase("  batch_size: 64", "  batch_size: sixty-four", "exp.yaml:2: 'Train.batch_size' is 'sixty-four'; expected a whole number*")]
    [TestCase("  batch_size: 64", "  batch_size: 0", "*'Train.batch_size' is '0'; expected a whole number of at least 1*")]
    [TestCase("  learning_rate: 0.1", "  learning_rate: -1", "*'Train.learning_rate' is '-1'; expected a number greater than 0*")]
    [TestCase("  debug: True", "  debug: maybe", "*'Train.debug' is 'maybe'; expected True or False*")]
    [TestCase("  type: TwoLayerNet", "  type: ThreeLayerNet", "*'Model.type' is 'ThreeLayerNet'; expected SoftmaxRegression or TwoLayerNet*")]
    [TestCase("  epochs: 10", "  epochs:", "exp.yaml:5: 'Train.epochs' has no value*")]
    [TestCase("  reg: 0.001\n", "", "exp.yaml: 'Train.reg' has no value; expected a number*")]
    [TestCase("  hidden_size: 128", "", "*'Model.hidden_size' has no value*")]
    [TestCase("  epochs: 10", "  epochs: [10, 20]", "exp.yaml:5: 'Train.epochs' must be a single value*")]
    [TestCase("Train:", "Train: [", "exp.yaml:*not valid YAML*")]
    public void BadConfig_NamesFileLineAndKey(string original, string replacement, string expectedMessage)
    {
        var parse = () => ConfigLoader.Parse(Valid.Replace(original, replacement), "exp.yaml");
        parse.Should().Throw<ConfigException>().WithMessage(expectedMessage);
    }

    [Test]
    public void StudyOptions_AreRead_AndDefaultToTheOriginalsTraining()
    {
        var defaults = ConfigLoader.Parse(Valid, "exp.yaml");
        (defaults.Init, defaults.Optimizer, defaults.Patience).Should().Be((InitScheme.NumpyGaussian, OptimizerKind.Sgd, (int?)null));

        string yaml = Valid
            .Replace("  debug: True", "  debug: True\n  optimizer: adam\n  early_stopping: {patience: 3}")
            .Replace("  hidden_size: 128", "  hidden_size: 128\n  init: normal\n  init_sigma: 0.05");
        var config = ConfigLoader.Parse(yaml, "exp.yaml");
        (config.Init, config.InitSigma, config.Optimizer, config.Patience).Should().Be((InitScheme.Normal, 0.05, OptimizerKind.Adam, (int?)3));
        ConfigLoader.UnusedSettings(config).Should().ContainSingle().Which.Should().Contain("only optimizer: momentum uses it");
        ConfigLoader.UnusedSettings(config with { Optimizer = OptimizerKind.Momentum }).Should().BeEmpty();
    }

    [TestCase("  debug: True", "  debug: True\n  optimizer: rmsprop", "exp.yaml:8: 'Train.optimizer' is 'rmsprop'; expected sgd, momentum, adam, adagrad*")]
    [TestCase("  hidden_size: 128", "  hidden_size: 128\n  init: xavier", "exp.yaml:11: 'Model.init' is 'xavier'; expected numpy-gaussian, zero, normal, glorot*")]
    [TestCase("  debug: True", "  debug: True\n  early_stopping: 3", "exp.yaml:8: 'Train.early_stopping' must be written 'early_stopping: {patience: N}'*")]
    [TestCase("  debug: True", "  debug: True\n  early_stopping: {patience: 0}", "exp.yaml:8: 'Train.early_stopping.patience' is '0'; expected a whole number of at least 1*")]
    [TestCase("  hidden_size: 128", "  hidden_size: 128\n  init_sigma: -1", "exp.yaml:11: 'Model.init_sigma' is '-1'; expected a number greater than 0*")]
    public void BadStudyOption_NamesFileLineAndKey(string original, string replacement, string expectedMessage)
    {
        var parse = () => ConfigLoader.Parse(Valid.Replace(original, replacement), "exp.yaml");
        parse.Should().Throw<ConfigException>().WithMessage(expectedMessage);
    }

    [Test]
    public void SoftmaxConfig_MayOmitHiddenSize_AndBooleansAcceptEitherCase()
    {
        string yaml = Valid.Replace("TwoLayerNet", "SoftmaxRegression").Replace("  hidden_size: 128", "").Replace("True", "false");
        var config = ConfigLoader.Parse(yaml, "s.yaml");
        config.Model.Should().Be(ModelType.SoftmaxRegression);
        config.HiddenSize.Should().BeNull();
        config.Debug.Should().BeFalse();
    }
}
