namespace Assignment1.Grader.Skeleton;

/// <summary>Compares or rewrites the student TODO files against what the generator makes of the reference.</summary>
public static class SkeletonSync
{
    /// <summary>One TODO file: its path under student/, the generated text and what is on disk (null if missing).</summary>
    public sealed record FileState(string StudentPath, string Generated, string? OnDisk)
    {
        /// <summary>True when the file on disk is exactly the generated skeleton.</summary>
        public bool UpToDate => OnDisk == Generated;
    }

    /// <summary>The state of every TODO file of <paramref name="layout"/>.</summary>
    public static IReadOnlyList<FileState> Inspect(RepositoryLayout layout) =>
        layout.TodoFiles.Select(relative =>
        {
            string reference = File.ReadAllText(Path.Combine(layout.SolutionDirectory, relative));
            string studentFile = Path.Combine(layout.StudentDirectory, relative);
            return new FileState(
                relative,
                SkeletonGenerator.Generate(reference, relative),
                File.Exists(studentFile) ? File.ReadAllText(studentFile) : null);
        }).ToList();

    /// <summary>Writes every out-of-date TODO file; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(RepositoryLayout layout)
    {
        var written = new List<string>();
        foreach (var state in Inspect(layout).Where(s => !s.UpToDate))
        {
            string path = Path.Combine(layout.StudentDirectory, state.StudentPath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, state.Generated);
            written.Add(state.StudentPath);
        }
        return written;
    }
}
