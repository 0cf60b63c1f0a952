namespace Assignment1.Training;

/// <summary>Progress within an epoch, reported after every batch.</summary>
/// <param name="Batch">Batches done so far (1-based).</param>
/// <param name="BatchCount">Batches in the epoch.</param>
/// <param name="MeanLoss">Mean loss of the batches done so far.</param>
/// <param name="Accuracy">Accuracy over the samples seen so far.</param>
public readonly record struct BatchProgress(int Batch, int BatchCount, double MeanLoss, double Accuracy);
