using Assignment1.Grader.Results;

namespace Assignment1.Grader.Commands;

/// <summary>
/// <c>merge --out DIR SHARD_OUT...</c>: combines the bulk runs of shards (<c>grade FOLDER --out SHARD_OUT --shard i/n</c>)
/// into DIR, as one bulk run of the whole folder would have written it: every submission's folder, and one
/// gradebook.csv (with its gradebook.json). Exit code 0 when merged, 1 when a shard's output is missing or its
/// gradebook does not match the others (another kit), or two shards graded the same submission; 2 for usage errors.
/// </summary>
public static class MergeCommand
{
    /// <summary>Parses <paramref name="args"/> (what follows <c>merge</c> on the command line) and runs the command.</summary>
    public static int Run(string[] args) => GraderCommandLine.Invoke(["merge", .. args], RepositoryLayout.FindFrom(AppContext.BaseDirectory));

    /// <summary>Merges the <paramref name="shards"/>' results into <paramref name="output"/>.</summary>
    public static int Run(string output, IReadOnlyList<string> shards)
    {
        try
        {
            var sheets = shards.Select(s => (Folder: s, Sheet: Gradebook.Read(s))).ToList();
            var columns = sheets[0].Sheet.Tests;
            if (sheets.FirstOrDefault(s => !s.Sheet.Tests.SequenceEqual(columns)) is { Folder: not null } other)
            {
                throw new InvalidDataException($"{other.Folder} was graded with other tests than {sheets[0].Folder} (another test kit): grade every shard with the same kit.");
            }
            var duplicate = sheets.SelectMany(s => s.Sheet.Rows.Select(r => (s.Folder, r.Submission)))
                .GroupBy(x => x.Submission).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new InvalidDataException($"'{duplicate.Key}' was graded in {string.Join(" and ", duplicate.Select(x => x.Folder))}: give each shard once, with the same n.");
            }

            Directory.CreateDirectory(output);
            foreach (var (folder, sheet) in sheets)
            {
                foreach (var row in sheet.Rows)
                {
                    // Every graded row has a folder (results.json, feedback.md) unless someone removed it from the shard.
                    if (Directory.Exists(Path.Combine(folder, row.Submission)))
                    {
                        FileTree.Copy(Path.Combine(folder, row.Submission), Path.Combine(output, row.Submission));
                    }
                }
            }
            var merged = new Gradebook.Sheet(columns, sheets.SelectMany(s => s.Sheet.Rows).ToList());
            Gradebook.Write(merged, output);
            Console.WriteLine($"Merged {merged.Rows.Count} submission(s) from {sheets.Count} shard(s). Gradebook: {Path.Combine(output, Gradebook.CsvFile)}");
            return 0;
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine($"grader: {e.Message}");
            return 1;
        }
    }
}
