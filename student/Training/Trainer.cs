using Assignment1.Models;
using Assignment1.Optimizers;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Training;

/// <summary>
/// One epoch of training and one pass of evaluation, as the original's <c>train</c> and <c>evaluate</c>:
/// the reported loss is the mean of the batch losses, the accuracy is correct samples over all samples.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains <paramref name="model"/> on every batch once: forward pass (which stores the gradients),
    /// then <c>optimizer.Update(model)</c>.
    /// </summary>
    /// <param name="model">The model to train; its weights change.</param>
    /// <param name="optimizer">Applies each batch's gradients.</param>
    /// <param name="batches">Training batches, each N_b×D.</param>
    /// <param name="labelBatches">Their labels, one array per batch.</param>
    /// <param name="progress">Called after every batch; may be null.</param>
    /// <returns>Mean batch loss and overall accuracy over the epoch.</returns>
    public static (double Loss, double Accuracy) TrainEpoch(
        BaseNetwork model, Optimizer optimizer,
        IReadOnlyList<Matrix<double>> batches, IReadOnlyList<int[]> labelBatches,
        Action<BatchProgress>? progress = null)
    {
        return RunBatches(batches, labelBatches, progress, (x, y) =>
        {
            var result = model.Forward(x, y, ForwardMode.Train);
            optimizer.Update(model);
            return result;
        });
    }

    /// <summary>Measures <paramref name="model"/> on every batch without changing it.</summary>
    /// <returns>Mean batch loss and overall accuracy.</returns>
    public static (double Loss, double Accuracy) Evaluate(
        BaseNetwork model, IReadOnlyList<Matrix<double>> batches, IReadOnlyList<int[]> labelBatches)
    {
        return RunBatches(batches, labelBatches, progress: null, (x, y) => model.Forward(x, y, ForwardMode.Evaluate));
    }

    private static (double Loss, double Accuracy) RunBatches(
        IReadOnlyList<Matrix<double>> batches, IReadOnlyList<int[]> labelBatches,
        Action<BatchProgress>? progress, Func<Matrix<double>, int[], (double Loss, double Accuracy)> step)
    {
        if (batches.Count != labelBatches.Count)
        {
            throw new ArgumentException($"There are {batches.Count} batches of data but {labelBatches.Count} batches of labels: GenerateBatchedData must return one label batch per data batch.");
        }
        if (batches.Count == 0)
        {
            throw new ArgumentException("There are no batches: GenerateBatchedData returned an empty list.");
        }

        double lossSum = 0.0, hits = 0.0;
        int samples = 0;
        for (int b = 0; b < batches.Count; b++)
        {
            var (loss, accuracy) = step(batches[b], labelBatches[b]);
            lossSum += loss;
            hits += accuracy * batches[b].RowCount;
            samples += batches[b].RowCount;
            progress?.Invoke(new BatchProgress(b + 1, batches.Count, lossSum / (b + 1), hits / samples));
        }
        return (lossSum / batches.Count, hits / samples);
    }
}
