namespace Assignment1.Training;

/// <summary>
/// A one-line progress bar for an epoch, redrawn in place on a terminal. When the output is redirected
/// (a log file, CI) it prints nothing per batch, so logs hold only the per-epoch summaries.
/// </summary>
public sealed class ConsoleProgressBar(TextWriter output, bool interactive)
{
    private const int BarWidth = 30;
    private int _lastDrawnPercent = -1;

    /// <summary>A bar on the console, interactive when standard output is a terminal.</summary>
    public static ConsoleProgressBar ForConsole() => new(Console.Out, !Console.IsOutputRedirected);

    /// <summary>Redraws the bar for <paramref name="progress"/> of epoch <paramref name="epoch"/> of <paramref name="epochCount"/>.</summary>
    public void Report(int epoch, int epochCount, BatchProgress progress)
    {
        if (!interactive)
        {
            return;
        }
        int percent = 100 * progress.Batch / progress.BatchCount;
        if (percent == _lastDrawnPercent && progress.Batch != progress.BatchCount)
        {
            return;
        }
        _lastDrawnPercent = percent;
        int filled = BarWidth * progress.Batch / progress.BatchCount;
        output.Write(FormattableString.Invariant(
            $"\rEpoch {epoch,3}/{epochCount} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {progress.Batch,5}/{progress.BatchCount} loss {progress.MeanLoss:F4} acc {progress.Accuracy:F4}"));
    }

    /// <summary>Clears the bar so that the next line starts clean.</summary>
    public void Finish()
    {
        if (interactive)
        {
            output.Write("\r" + new string(' ', BarWidth + 70) + "\r");
        }
        _lastDrawnPercent = -1;
    }
}
