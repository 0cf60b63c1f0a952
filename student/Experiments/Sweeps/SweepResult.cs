using Assignment1.Training;

namespace Assignment1.Experiments.Sweeps;

/// <summary>A finished run of a sweep.</summary>
/// <param name="Run">The run.</param>
/// <param name="Report">Its per-epoch metrics, best epoch and test accuracy.</param>
/// <param name="Reused">True when it was read from an earlier sweep's output instead of trained.</param>
public sealed record SweepResult(SweepRun Run, TrainingReport Report, bool Reused)
{
    /// <summary>Validation accuracy after the last epoch.</summary>
    public double FinalValidAccuracy => Report.Epochs[^1].ValidAccuracy;

    /// <summary>The best validation accuracy (the model whose test accuracy is reported).</summary>
    public double BestValidAccuracy => Report.Epochs.Max(e => e.ValidAccuracy);

    /// <summary>Seconds of training and validation, all epochs.</summary>
    public double Seconds => Report.Epochs.Sum(e => e.Seconds);
}
