using System.Globalization;
using Assignment1.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Assignment1.Experiments.Sweeps;

/// <summary>How a sweep combines the values it varies.</summary>
public enum SweepMode
{
    /// <summary><c>one-at-a-time</c>: each key takes each of its values while every other key keeps the base config's value.</summary>
    OneAtATime,

    /// <summary><c>grid</c>: every combination of the values.</summary>
    Grid,

    /// <summary><c>random</c>: <c>runs</c> combinations drawn with <c>seed</c> (random search with a budget).</summary>
    Random,
}

/// <summary>The values one config key takes: a list, or (random search only) a range, uniform or log-uniform.</summary>
/// <param name="Key">The config key, <c>Section.key</c>, e.g. <c>Train.learning_rate</c>.</param>
/// <param name="Values">The listed values, as written; empty for a range.</param>
/// <param name="Min">A range's lower end.</param>
/// <param name="Max">A range's upper end.</param>
/// <param name="Log">Draw the range log-uniformly (for learning rates and regularization strengths).</param>
public sealed record SweepAxis(string Key, IReadOnlyList<string> Values, double Min = 0, double Max = 0, bool Log = false)
{
    /// <summary>Whether this axis is a range rather than a list.</summary>
    public bool IsRange => Values.Count == 0;
}

/// <summary>
/// A sweep file (<c>configs/sweep_*.yaml</c>): a base config and the values to vary. Example:
/// <code>
/// base: config_twolayer.yaml      # relative to the sweep file
/// mode: one-at-a-time             # or grid, or random (with runs: N and seed: S)
/// vary:
///   Train.learning_rate: [0.01, 0.05, 0.1, 0.5]
/// </code>
/// Every run's config is the base config with its values written in, checked by <see cref="ConfigLoader"/> as a
/// config file would be.
/// </summary>
/// <param name="Name">The sweep's name (its file name without extension): its output folder.</param>
/// <param name="BasePath">The base config's path.</param>
/// <param name="Mode">How values combine.</param>
/// <param name="Axes">The keys varied, in file order.</param>
/// <param name="Runs">Random search's budget.</param>
/// <param name="Seed">Random search's seed.</param>
public sealed record SweepDefinition(string Name, string BasePath, SweepMode Mode, IReadOnlyList<SweepAxis> Axes, int Runs, int Seed)
{
    private static readonly string[] TopLevelKeys = ["base", "mode", "vary", "runs", "seed"];

    /// <summary>Reads and checks a sweep file.</summary>
    /// <exception cref="ConfigException">The file is missing or wrong; the message names the file, the line and what to write.</exception>
    public static SweepDefinition Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"Sweep file '{path}' does not exist. The shipped sweeps are configs/sweep_*.yaml.");
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException e)
        {
            throw new ConfigException($"{path}:{e.Start.Line}: not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigException($"{path}: expected 'base:', 'vary:' and optionally 'mode:', 'runs:', 'seed:' at the top level.");
        }
        foreach (var key in root.Children.Keys)
        {
            if (!TopLevelKeys.Contains(((YamlScalarNode)key).Value))
            {
                throw new ConfigException($"{path}:{key.Start.Line}: unknown key '{key}'. Allowed: {string.Join(", ", TopLevelKeys)}.");
            }
        }

        string Scalar(string key, string? fallback)
        {
            if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                return fallback ?? throw new ConfigException($"{path}: '{key}:' is missing.");
            }
            return node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw new ConfigException($"{path}:{node.Start.Line}: '{key}' must be a single value.");
        }

        string basePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Scalar("base", null));
        if (!File.Exists(basePath))
        {
            throw new ConfigException($"{path}: its base config '{basePath}' does not exist.");
        }
        var mode = Scalar("mode", "one-at-a-time") switch
        {
            "one-at-a-time" => SweepMode.OneAtATime,
            "grid" => SweepMode.Grid,
            "random" => SweepMode.Random,
            var other => throw new ConfigException($"{path}: 'mode' is '{other}'; expected one-at-a-time, grid or random."),
        };
        int Whole(string key, int fallback, int minimum) =>
            int.TryParse(Scalar(key, fallback.ToString(CultureInfo.InvariantCulture)), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= minimum
                ? n : throw new ConfigException($"{path}: '{key}' must be a whole number of at least {minimum}.");
        int runs = Whole("runs", 8, 1), seed = Whole("seed", 0, 0);

        if (!root.Children.TryGetValue(new YamlScalarNode("vary"), out var varyNode) || varyNode is not YamlMappingNode vary || vary.Children.Count == 0)
        {
            throw new ConfigException($"{path}: 'vary:' must list at least one key to vary, e.g. 'Train.learning_rate: [0.01, 0.1]'.");
        }
        var axes = vary.Children.Select(entry => ReadAxis(path, (YamlScalarNode)entry.Key, entry.Value, mode)).ToList();
        var definition = new SweepDefinition(Path.GetFileNameWithoutExtension(path), basePath, mode, axes, runs, seed);
        // Every run's config is built and checked now, so that a wrong key or value stops the sweep before any training.
        _ = SweepPlan.Make(definition);
        return definition;
    }

    private static SweepAxis ReadAxis(string path, YamlScalarNode key, YamlNode value, SweepMode mode)
    {
        string name = key.Value ?? "";
        if (name.Split('.') is not [_, _])
        {
            throw new ConfigException($"{path}:{key.Start.Line}: '{name}' must name a config key as Section.key, e.g. Train.learning_rate or Model.hidden_size.");
        }
        switch (value)
        {
            case YamlSequenceNode list when list.Children.Count > 0 && list.Children.All(c => c is YamlScalarNode):
                return new SweepAxis(name, list.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList());
            case YamlMappingNode range when mode == SweepMode.Random:
                double Bound(string k) => range.Children.TryGetValue(new YamlScalarNode(k), out var n) && n is YamlScalarNode s
                    && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)
                        ? d : throw new ConfigException($"{path}:{value.Start.Line}: the range of '{name}' needs '{k}: NUMBER'.");
                bool log = range.Children.TryGetValue(new YamlScalarNode("log"), out var l) && l is YamlScalarNode { Value: "true" or "True" };
                double min = Bound("min"), max = Bound("max");
                if (min >= max || (log && min <= 0))
                {
                    throw new ConfigException($"{path}:{value.Start.Line}: the range of '{name}' needs min < max{(log ? ", both above 0 for log: true" : "")}.");
                }
                return new SweepAxis(name, [], min, max, log);
            default:
                throw new ConfigException($"{path}:{value.Start.Line}: '{name}' must be a list of values, e.g. [0.01, 0.1]"
                    + (mode == SweepMode.Random ? ", or a range, e.g. {min: 0.001, max: 1, log: true}." : " (ranges are for mode: random)."));
        }
    }
}
