using System.Globalization;
using Assignment1.Grader.Grading;

namespace Assignment1.Grader.Commands;

/// <summary>How a bulk grading is spread: over <see cref="Jobs"/> concurrent gradings, and over machines by shards.</summary>
/// <param name="Jobs">Submissions graded at once.</param>
/// <param name="ShardIndex">Which share this run grades, from 1; 1 when not sharded.</param>
/// <param name="ShardCount">Into how many shares the folder is split; 1 when not sharded.</param>
public sealed record BulkOptions(int Jobs, int ShardIndex = 1, int ShardCount = 1)
{
    /// <summary>
    /// Concurrent gradings the machine can take: one per two cores (a test process multiplies matrices on two threads),
    /// and no more than the memory holds at one test process's heap cap plus 1 GB each for the rest of it.
    /// </summary>
    public static int DefaultJobs()
    {
        long memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        long perGrading = GradingLimits.Default.HeapLimitBytes + (1L << 30);
        return Math.Max(1, Math.Min(Environment.ProcessorCount / 2, (int)(memory / perGrading)));
    }

    /// <summary>Reads <c>--jobs N</c> and <c>--shard i/n</c> (either may be null).</summary>
    public static bool TryParse(string? jobs, string? shard, out BulkOptions options, out string? error)
    {
        options = new BulkOptions(DefaultJobs());
        error = null;
        if (jobs is not null)
        {
            if (!int.TryParse(jobs, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
            {
                error = $"--jobs takes a whole number of at least 1, not '{jobs}'.";
                return false;
            }
            options = options with { Jobs = n };
        }
        if (shard is not null)
        {
            string[] parts = shard.Split('/');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1 || index < 1 || index > count)
            {
                error = $"--shard takes i/n with 1 <= i <= n (the i-th of n shares), not '{shard}'.";
                return false;
            }
            options = options with { ShardIndex = index, ShardCount = count };
        }
        return true;
    }

    /// <summary>This run's share of <paramref name="sortedZips"/>: every n-th zip from the i-th, so shares differ by one at most.</summary>
    public IReadOnlyList<string> Share(IReadOnlyList<string> sortedZips) =>
        sortedZips.Where((_, position) => position % ShardCount == ShardIndex - 1).ToList();

    /// <summary>" (shard i of n)", or "" when not sharded.</summary>
    public string Describe() => ShardCount == 1 ? "" : $" (shard {ShardIndex} of {ShardCount})";
}
