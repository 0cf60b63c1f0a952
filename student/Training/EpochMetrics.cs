namespace Assignment1.Training;

/// <summary>What one epoch measured.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean of the batch losses over the epoch's training batches.</param>
/// <param name="TrainAccuracy">Correct predictions / training samples, during training.</param>
/// <param name="ValidLoss">Mean of the batch losses over the validation batches, after the epoch.</param>
/// <param name="ValidAccuracy">Correct predictions / validation samples, after the epoch.</param>
/// <param name="Seconds">Wall-clock seconds for the epoch's training and validation.</param>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double TrainAccuracy, double ValidLoss, double ValidAccuracy, double Seconds);
