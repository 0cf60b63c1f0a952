using System.Globalization;
using Assignment1.Experiments;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Assignment1.Configuration;

/// <summary>
/// Reads a training config in the original assignment's YAML layout:
/// <code>
/// Train:
///   batch_size: 64
///   learning_rate: 0.1
///   reg: 0.001
///   epochs: 10
///   momentum: 0.9
///   debug: True
/// Model:
///   type: TwoLayerNet
///   hidden_size: 128
/// </code>
/// Strict on purpose: a typo in a key would otherwise silently train with a default.
/// </summary>
public static class ConfigLoader
{
    private static readonly Dictionary<string, string[]> AllowedKeys = new()
    {
        ["Train"] = ["batch_size", "learning_rate", "reg", "epochs", "momentum", "debug", "optimizer", "early_stopping"],
        ["Model"] = ["type", "hidden_size", "init", "init_sigma"],
    };

    /// <summary>Loads and validates the config at <paramref name="path"/>.</summary>
    /// <exception cref="ConfigException">With a message naming the file, the line and the key at fault.</exception>
    public static TrainingConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"Config file '{path}' does not exist (looked in '{Directory.GetCurrentDirectory()}'). The configs are in configs/, e.g. configs/config_twolayer.yaml.");
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses config text; <paramref name="fileName"/> is used in messages only.</summary>
    /// <exception cref="ConfigException">With a message naming the file, the line and the key at fault.</exception>
    public static TrainingConfig Parse(string yaml, string fileName)
    {
        var sections = ReadSections(yaml, fileName);
        var reader = new SectionReader(fileName, sections);

        var model = reader.Enum<ModelType>("Model", "type");
        int? hiddenSize = model == ModelType.TwoLayerNet
            ? reader.Int("Model", "hidden_size", minimum: 1)
            : reader.OptionalInt("Model", "hidden_size", minimum: 1);

        return new TrainingConfig(
            BatchSize: reader.Int("Train", "batch_size", minimum: 1),
            LearningRate: reader.Double("Train", "learning_rate", mustBePositive: true),
            Reg: reader.Double("Train", "reg", mustBePositive: false),
            Epochs: reader.Int("Train", "epochs", minimum: 1),
            Momentum: reader.Double("Train", "momentum", mustBePositive: false),
            Debug: reader.Bool("Train", "debug"),
            Model: model,
            HiddenSize: hiddenSize,
            Init: reader.OptionalChoice("Model", "init", InitSchemeNames.ByName) ?? InitScheme.NumpyGaussian,
            InitSigma: reader.OptionalDouble("Model", "init_sigma", mustBePositive: true) ?? 0.01,
            Optimizer: reader.OptionalChoice("Train", "optimizer", OptimizerNames.ByName) ?? OptimizerKind.Sgd,
            Patience: reader.OptionalNestedInt("Train", "early_stopping", "patience", minimum: 1));
    }

    /// <summary>
    /// The settings of <paramref name="config"/> that training reads but does not use, one sentence each, so that a
    /// value changed for an experiment never goes unnoticed: momentum (plain SGD, as in the original, has none) and a
    /// hidden size given to softmax regression (which has no hidden layer).
    /// </summary>
    public static IReadOnlyList<string> UnusedSettings(TrainingConfig config)
    {
        var notes = new List<string>();
        if (config.Momentum != 0 && config.Optimizer != OptimizerKind.Momentum)
        {
            notes.Add($"Train.momentum ({config.Momentum.ToString(CultureInfo.InvariantCulture)}) is not used: only optimizer: momentum uses it (plain SGD, as in the original assignment, has none).");
        }
        if (config.Init != InitScheme.Normal && config.InitSigma != 0.01)
        {
            notes.Add($"Model.init_sigma ({config.InitSigma.ToString(CultureInfo.InvariantCulture)}) is not used: only init: normal draws with a σ.");
        }
        if (config.Model == ModelType.SoftmaxRegression && config.HiddenSize is int hidden)
        {
            notes.Add($"Model.hidden_size ({hidden}) is not used: softmax regression has no hidden layer.");
        }
        return notes;
    }

    private static Dictionary<string, YamlMappingNode> ReadSections(string yaml, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ConfigException($"{fileName}:{e.Start.Line}: not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigException($"{fileName}: expected the sections 'Train:' and 'Model:' at the top level, found {(stream.Documents.Count == 0 ? "an empty file" : "something else")}.");
        }

        var sections = new Dictionary<string, YamlMappingNode>();
        foreach (var (keyNode, valueNode) in root.Children)
        {
            string section = ((YamlScalarNode)keyNode).Value ?? "";
            if (!AllowedKeys.TryGetValue(section, out string[]? keys))
            {
                throw new ConfigException($"{fileName}:{keyNode.Start.Line}: unknown section '{section}'. Allowed sections: {string.Join(", ", AllowedKeys.Keys)}.");
            }
            if (valueNode is not YamlMappingNode mapping)
            {
                throw new ConfigException($"{fileName}:{keyNode.Start.Line}: section '{section}' must hold indented 'key: value' lines.");
            }
            foreach (var entry in mapping.Children.Keys)
            {
                string key = ((YamlScalarNode)entry).Value ?? "";
                if (!keys.Contains(key))
                {
                    throw new ConfigException($"{fileName}:{entry.Start.Line}: unknown key '{section}.{key}'. Allowed keys in {section}: {string.Join(", ", keys)}.");
                }
            }
            sections[section] = mapping;
        }
        return sections;
    }

    /// <summary>Typed access to the values of the sections, with messages that name file, line and key.</summary>
    private sealed class SectionReader(string fileName, Dictionary<string, YamlMappingNode> sections)
    {
        public int Int(string section, string key, int minimum) =>
            OptionalInt(section, key, minimum) ?? throw Missing(section, key, "a whole number");

        public int? OptionalInt(string section, string key, int minimum)
        {
            if (Scalar(section, key) is not { } node)
            {
                return null;
            }
            if (!int.TryParse(node.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            {
                throw Wrong(node, section, key, "a whole number");
            }
            return value >= minimum ? value : throw Wrong(node, section, key, $"a whole number of at least {minimum}");
        }

        public double Double(string section, string key, bool mustBePositive) =>
            OptionalDouble(section, key, mustBePositive) ?? throw Missing(section, key, "a number");

        public double? OptionalDouble(string section, string key, bool mustBePositive)
        {
            if (Scalar(section, key) is not { } node)
            {
                return null;
            }
            if (!double.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                throw Wrong(node, section, key, "a number such as 0.1 or 1e-3");
            }
            if (mustBePositive ? value <= 0 : value < 0)
            {
                throw Wrong(node, section, key, mustBePositive ? "a number greater than 0" : "a number of at least 0");
            }
            return value;
        }

        public bool Bool(string section, string key)
        {
            var node = Scalar(section, key) ?? throw Missing(section, key, "True or False");
            return node.Value?.ToLowerInvariant() switch
            {
                "true" or "yes" => true,
                "false" or "no" => false,
                _ => throw Wrong(node, section, key, "True or False"),
            };
        }

        public T Enum<T>(string section, string key) where T : struct, System.Enum
        {
            string allowed = string.Join(" or ", System.Enum.GetNames<T>());
            var node = Scalar(section, key) ?? throw Missing(section, key, allowed);
            return System.Enum.TryParse(node.Value, ignoreCase: false, out T value) && System.Enum.IsDefined(value)
                ? value
                : throw Wrong(node, section, key, allowed);
        }

        public T? OptionalChoice<T>(string section, string key, IReadOnlyDictionary<string, T> choices) where T : struct
        {
            if (Scalar(section, key) is not { } node)
            {
                return null;
            }
            return choices.TryGetValue(node.Value ?? "", out T value) ? value : throw Wrong(node, section, key, string.Join(", ", choices.Keys));
        }

        /// <summary>A whole number one level down: <c>section.key: {inner: N}</c>; null when <c>section.key</c> is absent.</summary>
        public int? OptionalNestedInt(string section, string key, string inner, int minimum)
        {
            if (!sections.TryGetValue(section, out var mapping) || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                return null;
            }
            if (node is not YamlMappingNode nested || nested.Children.Count != 1
                || !nested.Children.TryGetValue(new YamlScalarNode(inner), out var value) || value is not YamlScalarNode scalar)
            {
                throw new ConfigException($"{fileName}:{node.Start.Line}: '{section}.{key}' must be written '{key}: {{{inner}: N}}', with a whole number N of at least {minimum}.");
            }
            return int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= minimum
                ? n
                : throw Wrong(scalar, section, $"{key}.{inner}", $"a whole number of at least {minimum}");
        }

        private YamlScalarNode? Scalar(string section, string key)
        {
            if (!sections.TryGetValue(section, out var mapping)
                || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                return null;
            }
            if (node is not YamlScalarNode scalar)
            {
                throw new ConfigException($"{fileName}:{node.Start.Line}: '{section}.{key}' must be a single value, not a list or section.");
            }
            // "key:" with nothing after it parses as an empty scalar: treat it as missing, not as a value.
            return string.IsNullOrWhiteSpace(scalar.Value) ? throw Missing(section, key, "a value", scalar.Start.Line) : scalar;
        }

        private ConfigException Missing(string section, string key, string expected, long? line = null) =>
            new($"{fileName}{(line is null ? "" : $":{line}")}: '{section}.{key}' has no value; expected {expected}. Every config needs it (see configs/config_twolayer.yaml for a complete example).");

        private ConfigException Wrong(YamlScalarNode node, string section, string key, string expected) =>
            new($"{fileName}:{node.Start.Line}: '{section}.{key}' is '{node.Value}'; expected {expected}.");
    }
}
