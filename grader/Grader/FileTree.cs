namespace Assignment1.Grader;

/// <summary>Copies folders of files, as the handout and merged gradebooks need them.</summary>
public static class FileTree
{
    /// <summary>
    /// Copies every file under <paramref name="source"/> to the same relative path under <paramref name="target"/>,
    /// overwriting, except those whose path relative to <paramref name="source"/> <paramref name="skip"/> says to leave.
    /// </summary>
    public static void Copy(string source, string target, Func<string, bool>? skip = null)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            if (skip?.Invoke(relative) == true)
            {
                continue;
            }
            string destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
