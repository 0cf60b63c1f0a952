namespace Assignment1.Grader.Intake;

/// <summary>What was taken from a submission: the gradable files' text, and what was ignored or refused and why.</summary>
/// <param name="Name">The submission's name (the zip's or folder's name without extension), used for its results folder.</param>
/// <param name="Files">Gradable files by their path in the repository layout (<c>student/Utils.cs</c>, <c>configs/config_exp.yaml</c>), normalised to LF without BOM.</param>
/// <param name="Ignored">Entries that are not gradable files (with where they were).</param>
/// <param name="Problems">Why entries or the whole submission were refused; empty for a clean submission.</param>
public sealed record Submission(string Name, IReadOnlyDictionary<string, string> Files, IReadOnlyList<string> Ignored, IReadOnlyList<string> Problems);
