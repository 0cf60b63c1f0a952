using System.IO.Compression;
using System.Text;
using Assignment1.Grader.Grading;

namespace Assignment1.Grader.Intake;

/// <summary>
/// Takes the gradable files out of a zip or a folder without ever writing the submission to disk: entries are
/// read into memory within size limits, and only the expected files are kept. Entries with <c>..</c>,
/// absolute paths, links or devices are refused; an expected file is accepted wherever it sits (a zip of the
/// folder instead of its files is the usual mistake) as long as there is one candidate, matching names without
/// regard to case when that is unambiguous.
/// </summary>
public sealed class SubmissionReader(IReadOnlyList<string> expectedFiles, GradingLimits limits)
{
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixRegularFile = 0x8000;
    private const int UnixDirectory = 0x4000;

    /// <summary>Reads a submission zip.</summary>
    public Submission ReadZip(string zipPath)
    {
        string name = Path.GetFileNameWithoutExtension(zipPath);
        var problems = new List<string>();
        var entries = new List<(string Path, byte[] Content)>();
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                return Refused(name, $"The zip has {zip.Entries.Count} entries; at most {limits.MaxZipEntries} are accepted. Zip only the files collect_submission.sh collects.");
            }
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                string path = entry.FullName.Replace('\\', '/');
                if (path.EndsWith('/'))
                {
                    continue;
                }
                if (UnsafePath(path) is { } why)
                {
                    problems.Add($"Refused entry '{entry.FullName}': {why}.");
                    continue;
                }
                int unixType = (entry.ExternalAttributes >> 16) & UnixFileTypeMask;
                if (unixType != 0 && unixType != UnixRegularFile && unixType != UnixDirectory)
                {
                    problems.Add($"Refused entry '{entry.FullName}': it is a link or a device, not a file.");
                    continue;
                }
                if (!IsCandidate(path))
                {
                    entries.Add((path, []));
                    continue;
                }
                // Read at most the limit, whatever the header claims: headers of zip bombs lie.
                byte[]? content = ReadBounded(entry, limits.MaxFileBytes);
                if (content is null)
                {
                    problems.Add($"Refused entry '{entry.FullName}': larger than {limits.MaxFileBytes / 1024} KB.");
                    continue;
                }
                total += content.Length;
                if (total > limits.MaxUncompressedBytes)
                {
                    return Refused(name, $"The zip expands to more than {limits.MaxUncompressedBytes >> 20} MB.");
                }
                entries.Add((path, content));
            }
        }
        catch (InvalidDataException e)
        {
            return Refused(name, $"'{Path.GetFileName(zipPath)}' is not a readable zip file ({e.Message}). Create it with collect_submission.sh.");
        }
        catch (IOException e)
        {
            return Refused(name, $"'{Path.GetFileName(zipPath)}' could not be read ({e.Message}).");
        }
        return Select(name, entries, problems);
    }

    /// <summary>Reads a submission folder (for example an unpacked Gradescope submission).</summary>
    public Submission ReadFolder(string folder)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var problems = new List<string>();
        var entries = new List<(string Path, byte[] Content)>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, MaxRecursionDepth = 16 };
        foreach (string file in Directory.EnumerateFiles(folder, "*", options).Take(limits.MaxZipEntries + 1))
        {
            string relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (new FileInfo(file).LinkTarget is not null)
            {
                problems.Add($"Refused '{relative}': it is a link.");
                continue;
            }
            if (!IsCandidate(relative))
            {
                entries.Add((relative, []));
                continue;
            }
            if (new FileInfo(file).Length > limits.MaxFileBytes)
            {
                problems.Add($"Refused '{relative}': larger than {limits.MaxFileBytes / 1024} KB.");
                continue;
            }
            entries.Add((relative, File.ReadAllBytes(file)));
        }
        return Select(name, entries, problems);
    }

    private bool IsCandidate(string path) =>
        expectedFiles.Any(expected => Path.GetFileName(expected).Equals(Path.GetFileName(path), StringComparison.OrdinalIgnoreCase));

    private Submission Select(string name, List<(string Path, byte[] Content)> entries, List<string> problems)
    {
        var files = new Dictionary<string, string>();
        var used = new HashSet<string>();
        foreach (string expected in expectedFiles)
        {
            var candidates = entries.Where(e => e.Content.Length > 0 || IsCandidate(e.Path))
                .Where(e => Path.GetFileName(e.Path).Equals(Path.GetFileName(expected), StringComparison.OrdinalIgnoreCase))
                .ToList();
            // Prefer an entry whose path ends with the expected path (exactly, then ignoring case), then a single candidate.
            var chosen = candidates.Where(c => ("/" + c.Path).EndsWith("/" + expected, StringComparison.Ordinal)).ToList() is { Count: 1 } exact ? exact
                : candidates.Where(c => ("/" + c.Path).EndsWith("/" + expected, StringComparison.OrdinalIgnoreCase)).ToList() is { Count: 1 } loose ? loose
                : candidates;
            if (chosen.Count == 1)
            {
                files[expected] = Normalise(chosen[0].Content);
                used.Add(chosen[0].Path);
            }
            else if (chosen.Count > 1)
            {
                problems.Add($"Several files could be {expected} ({string.Join(", ", chosen.Select(c => c.Path))}); none was used. Submit one.");
                used.UnionWith(chosen.Select(c => c.Path));
            }
        }
        var ignored = entries.Select(e => e.Path).Where(p => !used.Contains(p)).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0 && problems.Count == 0)
        {
            problems.Add($"None of the expected files ({string.Join(", ", expectedFiles)}) is in the submission. Create it with collect_submission.sh.");
        }
        return new Submission(name, files, ignored, problems);
    }

    private static string? UnsafePath(string path)
    {
        if (path.StartsWith('/') || (path.Length > 1 && path[1] == ':'))
        {
            return "absolute path";
        }
        if (path.Split('/').Any(part => part == ".."))
        {
            return "path leaves the submission folder (..)";
        }
        return path.Any(char.IsControl) ? "control characters in the name" : null;
    }

    private static byte[]? ReadBounded(ZipArchiveEntry entry, long maxBytes)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string Normalise(byte[] content)
    {
        string text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(content);
        return text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
    }

    private static Submission Refused(string name, string why) => new(name, new Dictionary<string, string>(), [], [why]);
}
