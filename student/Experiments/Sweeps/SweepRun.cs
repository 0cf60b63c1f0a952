using Assignment1.Configuration;

namespace Assignment1.Experiments.Sweeps;

/// <summary>One run of a sweep: the values it sets, and the config they make.</summary>
/// <param name="Label">The values as <c>key=value</c> pairs (the legend entry and, made safe, the run's folder name).</param>
/// <param name="Settings">Config key (<c>Section.key</c>) → value as written in YAML.</param>
/// <param name="ConfigYaml">The run's whole config file.</param>
/// <param name="Config">The run's config, as <see cref="ConfigLoader"/> reads <see cref="ConfigYaml"/>.</param>
public sealed record SweepRun(string Label, IReadOnlyDictionary<string, string> Settings, string ConfigYaml, TrainingConfig Config)
{
    /// <summary>The run's folder name: the label with anything but letters, digits, '.', '-', '=' and ',' replaced.</summary>
    public string FolderName => new(Label.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '=' or ',' ? c : '_').ToArray());
}
