using System.Diagnostics;
using Assignment1.Configuration;
using Assignment1.Data;
using Assignment1.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Training;

/// <summary>
/// The original's <c>main.py</c>: load the data, then for every epoch reshuffle the training batches,
/// train, evaluate on the validation batches (in order), and keep a copy of the model whenever the
/// validation accuracy is strictly better than the best so far; finally measure that best model on the test set.
/// </summary>
public sealed class TrainingSession(TrainingConfig config, string? mnistDirectory = null)
{
    /// <summary>
    /// The seed of epoch e's shuffle is <c>ShuffleSeed + e</c>: every epoch gets a new order, and the
    /// same config gives the same run every time.
    /// </summary>
    public const int ShuffleSeed = 1024;

    /// <summary>Called after every training batch with (epoch, progress).</summary>
    public Action<int, BatchProgress>? OnBatch { get; init; }

    /// <summary>Called after every epoch.</summary>
    public Action<EpochMetrics>? OnEpoch { get; init; }

    /// <summary>After <see cref="Run()"/>: the trained model, with the best epoch's parameters restored.</summary>
    public BaseNetwork? TrainedModel { get; private set; }

    /// <summary>Runs the whole experiment.</summary>
    /// <returns>Per-epoch metrics, the best epoch and its test accuracy.</returns>
    public TrainingReport Run()
    {
        var (trainData, trainLabels, valData, valLabels) = Utils.LoadMnistTrainVal(mnistDirectory);
        var (testData, testLabels) = MnistDataset.LoadTestSet(mnistDirectory);
        return Run(trainData, trainLabels, valData, valLabels, testData, testLabels);
    }

    /// <summary>Runs the whole experiment on the given data (tests use small sets).</summary>
    public TrainingReport Run(
        Matrix<double> trainData, int[] trainLabels,
        Matrix<double> valData, int[] valLabels,
        Matrix<double> testData, int[] testLabels)
    {
        BaseNetwork model = ModelFactory.CreateModel(config);
        var optimizer = ModelFactory.CreateOptimizer(config);
        var (validBatches, validLabelBatches) = Utils.GenerateBatchedData(valData, valLabels, config.BatchSize);

        var epochs = new List<EpochMetrics>();
        ParameterSnapshot best = ParameterSnapshot.Take(model);
        double bestValidAccuracy = double.NegativeInfinity;
        int bestEpoch = 0;

        for (int epoch = 1; epoch <= config.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            ReleaseGarbage();
            var (trainBatches, trainLabelBatches) = Utils.GenerateBatchedData(
                trainData, trainLabels, config.BatchSize, shuffle: true, seed: ShuffleSeed + epoch);
            int current = epoch;
            var (trainLoss, trainAccuracy) = Trainer.TrainEpoch(
                model, optimizer, trainBatches, trainLabelBatches, p => OnBatch?.Invoke(current, p));
            var (validLoss, validAccuracy) = Trainer.Evaluate(model, validBatches, validLabelBatches);

            var metrics = new EpochMetrics(epoch, trainLoss, trainAccuracy, validLoss, validAccuracy, clock.Elapsed.TotalSeconds);
            epochs.Add(metrics);
            OnEpoch?.Invoke(metrics);

            if (validAccuracy > bestValidAccuracy)
            {
                bestValidAccuracy = validAccuracy;
                bestEpoch = epoch;
                best = ParameterSnapshot.Take(model);
            }
            else if (config.Patience is int patience && epoch - bestEpoch >= patience)
            {
                break; // early stopping: the best model is restored below, as after a full run
            }
        }

        best.RestoreInto(model);
        TrainedModel = model;
        var (testBatches, testLabelBatches) = Utils.GenerateBatchedData(testData, testLabels, config.BatchSize);
        var (_, testAccuracy) = Trainer.Evaluate(model, testBatches, testLabelBatches);
        return new TrainingReport(epochs, bestEpoch, testAccuracy);
    }

    /// <summary>
    /// Frees the previous epoch's batches (376 MB of images at batch size 64, on the large object heap) before the next
    /// epoch's are built, as NumPy frees them at once by reference counting. Left to itself, the GC collects that heap
    /// only when its budget runs out, so two or three epochs' batches could be held at once: a peak of 2–5 GB instead of
    /// about 1.5. A blocking collection of a heap of a few large arrays takes milliseconds.
    /// </summary>
    private static void ReleaseGarbage() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
}
