using System.IO.Compression;

namespace Assignment1.Grader.Packaging;

/// <summary>
/// Writes the Gradescope autograder zip: the course repository's sources (the grader builds its kit from them
/// on Gradescope) with <c>setup.sh</c> and <c>run_autograder</c> at the root, as Gradescope requires.
/// Build outputs, MNIST, git data and local results are left out.
/// </summary>
public static class GradescopePackage
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "bin.reference", "obj.reference", ".git", ".build", ".kit", "TestResults", "outputs", "mnist", "node_modules", ".vs", ".idea"];

    private const int Executable = 0b111_101_101; // rwxr-xr-x
    private const int Regular = 0b110_100_100; // rw-r--r--

    /// <summary>The file at the zip's root naming the isolation level run_autograder asks for.</summary>
    public const string IsolationFile = "isolation.txt";

    /// <summary>Writes the zip to <paramref name="zipPath"/>; returns the number of entries.</summary>
    /// <param name="layout">The course repository.</param>
    /// <param name="zipPath">Where to write the zip.</param>
    /// <param name="isolation">The isolation level grading asks for (bubblewrap unless course staff name a weaker one).</param>
    public static int Write(RepositoryLayout layout, string zipPath, string isolation = "bubblewrap")
    {
        if (File.Exists(zipPath))
        {
            File.Delete(zipPath);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        string zipFullPath = Path.GetFullPath(zipPath);
        int count = 0;
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (string script in new[] { "setup.sh", "run_autograder" })
        {
            Add(zip, Path.Combine(layout.Root, "grader", "gradescope", script), script, Executable);
            count++;
        }
        var level = zip.CreateEntry(IsolationFile);
        level.ExternalAttributes = (0x8000 | Regular) << 16;
        using (var writer = new StreamWriter(level.Open()))
        {
            writer.Write(isolation + "\n");
        }
        count++;
        foreach (string file in Directory.EnumerateFiles(layout.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(layout.Root, file).Replace('\\', '/');
            if (relative.Split('/').Any(SkippedFolders.Contains) || Path.GetFullPath(file) == zipFullPath || relative.EndsWith(".zip", StringComparison.Ordinal))
            {
                continue;
            }
            bool executable = relative.EndsWith(".sh", StringComparison.Ordinal) || relative is "grader/grader" or ".ci/run";
            Add(zip, file, relative, executable ? Executable : Regular);
            count++;
        }
        return count;
    }

    private static void Add(ZipArchive zip, string file, string entryName, int mode)
    {
        var entry = zip.CreateEntryFromFile(file, entryName, CompressionLevel.Optimal);
        entry.ExternalAttributes = (0x8000 | mode) << 16;
    }
}
