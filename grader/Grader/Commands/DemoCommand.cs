using System.IO.Compression;

namespace Assignment1.Grader.Commands;

/// <summary>
/// <c>demo [--out DIR] [--isolation LEVEL]</c>: grades two demo submissions end to end, in bulk, and prints the score table: the
/// reference solution, and the reference with a bug students make (the bias gradient divided by N a second time).
/// </summary>
public static class DemoCommand
{
    /// <summary>The file the demo's bug is planted in, under student/.</summary>
    internal const string BuggyFile = "Models/TwoLayerNet.cs";

    /// <summary>The reference's line the bug replaces.</summary>
    internal const string CorrectLine = "Gradients[\"b1\"] = dZ1.SumOverRows();";

    /// <summary>The bug: the bias gradient divided by N a second time.</summary>
    internal const string BuggyLine = "Gradients[\"b1\"] = dZ1.SumOverRows() / y.Length;";

    /// <summary>Runs the demo, writing under <paramref name="output"/>; returns the grade command's exit code.</summary>
    public static int Run(string output, string? isolation, RepositoryLayout layout)
    {
        string submissions = Path.Combine(output, "submissions");
        Directory.CreateDirectory(submissions);
        WriteZip(layout, Path.Combine(submissions, "demo_correct.zip"), bug: false);
        WriteZip(layout, Path.Combine(submissions, "demo_bias_gradient_bug.zip"), bug: true);
        Console.WriteLine($"Grading the demo submissions in {submissions} ...");
        return GradeCommand.Run(new GradeOptions(submissions, Path.Combine(output, "results"), Single: false, Kit: null, Mnist: null, isolation,
            new BulkOptions(BulkOptions.DefaultJobs())), layout);
    }

    private static void WriteZip(RepositoryLayout layout, string path, bool bug)
    {
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (string file in layout.TodoFiles)
        {
            string text = File.ReadAllText(Path.Combine(layout.SolutionDirectory, file));
            if (bug && file == BuggyFile)
            {
                text = text.Contains(CorrectLine, StringComparison.Ordinal)
                    ? text.Replace(CorrectLine, BuggyLine, StringComparison.Ordinal)
                    : throw new InvalidOperationException($"The demo's bug cannot be planted: '{CorrectLine}' is no longer in grader/solution/{BuggyFile}.");
            }
            using var writer = new StreamWriter(zip.CreateEntry("student/" + file).Open());
            writer.Write(text);
        }
        zip.CreateEntryFromFile(Path.Combine(layout.Root, "configs", "config_exp.yaml"), "configs/config_exp.yaml");
    }
}
