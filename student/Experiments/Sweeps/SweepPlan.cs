using System.Globalization;
using Assignment1.Configuration;
using Assignment1.Numerics;
using YamlDotNet.RepresentationModel;

namespace Assignment1.Experiments.Sweeps;

/// <summary>Turns a <see cref="SweepDefinition"/> into its runs, each a full config checked as a config file would be.</summary>
public static class SweepPlan
{
    /// <summary>The runs of <paramref name="sweep"/>, in a fixed order; duplicates (a value equal to the base's) are kept once.</summary>
    /// <param name="sweep">The sweep.</param>
    /// <param name="epochs">Overrides every run's <c>Train.epochs</c> (quick trials, CI); null keeps the configs'.</param>
    /// <exception cref="ConfigException">A run's config is invalid (the message names the sweep's key and value).</exception>
    public static IReadOnlyList<SweepRun> Make(SweepDefinition sweep, int? epochs = null)
    {
        var combinations = sweep.Mode switch
        {
            SweepMode.OneAtATime => sweep.Axes.SelectMany(axis => axis.Values.Select(v => new[] { (axis.Key, v) })).ToList(),
            SweepMode.Grid => sweep.Axes.Aggregate(new List<(string, string)[]> { Array.Empty<(string, string)>() },
                (partial, axis) => partial.SelectMany(p => axis.Values.Select(v => p.Append((axis.Key, v)).ToArray())).ToList()),
            _ => RandomCombinations(sweep),
        };
        string baseYaml = File.ReadAllText(sweep.BasePath);
        var runs = new List<SweepRun>();
        foreach (var combination in combinations)
        {
            var settings = combination.ToDictionary(c => c.Item1, c => c.Item2);
            if (epochs is int n)
            {
                settings["Train.epochs"] = n.ToString(CultureInfo.InvariantCulture);
            }
            string label = string.Join(",", combination.Select(c => $"{c.Item1.Split('.')[1]}={c.Item2}"));
            if (runs.Any(r => r.Label == label))
            {
                continue;
            }
            string yaml = WithSettings(baseYaml, settings);
            TrainingConfig config;
            try
            {
                config = ConfigLoader.Parse(yaml, $"{sweep.Name} run {label}");
            }
            catch (ConfigException e)
            {
                throw new ConfigException($"Sweep '{sweep.Name}': {e.Message}");
            }
            runs.Add(new SweepRun(label, settings, yaml, config));
        }
        return runs;
    }

    private static List<(string, string)[]> RandomCombinations(SweepDefinition sweep)
    {
        var random = new NumpyRandom((uint)sweep.Seed);
        return Enumerable.Range(0, sweep.Runs).Select(_ => sweep.Axes.Select(axis => (axis.Key, Draw(axis, random))).ToArray()).ToList();
    }

    private static string Draw(SweepAxis axis, NumpyRandom random)
    {
        if (!axis.IsRange)
        {
            return axis.Values[(int)random.NextInterval((uint)axis.Values.Count - 1)];
        }
        double u = random.NextDouble();
        double value = axis.Log ? Math.Exp(Math.Log(axis.Min) + u * (Math.Log(axis.Max) - Math.Log(axis.Min))) : axis.Min + u * (axis.Max - axis.Min);
        // Integer keys (hidden_size, batch_size, epochs) take whole numbers.
        return IsWholeNumberKey(axis.Key) ? Math.Round(value).ToString(CultureInfo.InvariantCulture) : value.ToString("G3", CultureInfo.InvariantCulture);
    }

    private static bool IsWholeNumberKey(string key) => key.Split('.')[1] is "hidden_size" or "batch_size" or "epochs";

    /// <summary>The base config's YAML with each <c>Section.key</c> set to its value (added if absent).</summary>
    private static string WithSettings(string baseYaml, IReadOnlyDictionary<string, string> settings)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(baseYaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var (key, value) in settings)
        {
            var (section, name) = (key.Split('.')[0], key.Split('.')[1]);
            if (!root.Children.TryGetValue(new YamlScalarNode(section), out var node) || node is not YamlMappingNode mapping)
            {
                root.Children[new YamlScalarNode(section)] = mapping = new YamlMappingNode();
            }
            mapping.Children[new YamlScalarNode(name)] = new YamlScalarNode(value);
        }
        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
