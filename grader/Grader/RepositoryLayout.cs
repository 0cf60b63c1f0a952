namespace Assignment1.Grader;

/// <summary>Where things are in the course staff's repository.</summary>
/// <param name="Root">The repository root (the folder holding Assignment1.sln).</param>
public sealed record RepositoryLayout(string Root)
{
    /// <summary>The reference solution: one file per student TODO file, same relative paths.</summary>
    public string SolutionDirectory => Path.Combine(Root, "grader", "solution");

    /// <summary>The project students edit.</summary>
    public string StudentDirectory => Path.Combine(Root, "student");

    /// <summary>
    /// The TODO files as paths relative to <see cref="StudentDirectory"/> with '/' separators, sorted:
    /// exactly the files of the reference solution.
    /// </summary>
    public IReadOnlyList<string> TodoFiles =>
        Directory.EnumerateFiles(SolutionDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(SolutionDirectory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Finds the repository root by walking up from <paramref name="start"/> to the folder holding Assignment1.sln.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder above <paramref name="start"/>.</exception>
    public static RepositoryLayout FindFrom(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Assignment1.sln")))
            {
                return new RepositoryLayout(folder.FullName);
            }
        }
        throw new DirectoryNotFoundException($"No Assignment1.sln in '{start}' or any folder above it: run this from inside the course repository.");
    }
}
