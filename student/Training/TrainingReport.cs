namespace Assignment1.Training;

/// <summary>The outcome of a full run: every epoch, the best epoch, and the best model's test accuracy.</summary>
/// <param name="Epochs">Per-epoch metrics, in order.</param>
/// <param name="BestEpoch">1-based epoch with the highest validation accuracy (the first such, as strict &gt; keeps it).</param>
/// <param name="TestAccuracy">Accuracy of the best epoch's model on the 10,000 test images.</param>
public sealed record TrainingReport(IReadOnlyList<EpochMetrics> Epochs, int BestEpoch, double TestAccuracy);
