using Assignment1.Tests.Support;
using FluentAssertions;

namespace Assignment1.Tests;

/// <summary>Loading MNIST into training and validation sets, and cutting them into batches.</summary>
[TestFixture]
public class DataLoadingTests
{
    [Graded("3.1", 2, "Train/validation split", timeoutSeconds: 60)]
    [Test]
    public void LoadMnistTrainVal_KeepsFourTimesAsManyTrainingAsValidationImages()
    {
        var (trainData, trainLabels, valData, valLabels) = Fixtures.WithMnist(() =>
            StudentCode.Run("LoadMnistTrainVal", () => Utils.LoadMnistTrainVal()));

        Expect.True(trainData.RowCount == 4 * valData.RowCount, "Training set is not 80% of the data",
            "48000 training and 12000 validation images", $"{trainData.RowCount} training and {valData.RowCount} validation images",
            "take the first 80% of the 60,000 images for training and the rest for validation, without shuffling.");
        trainLabels.Should().HaveCount(trainData.RowCount, "there is one label per training image");
        valLabels.Should().HaveCount(valData.RowCount, "there is one label per validation image");
        trainData.ColumnCount.Should().Be(784, "each image is a row of 28×28 = 784 pixels");
    }

    [Graded("3.2", 2, "Batching", timeoutSeconds: 60)]
    [Test]
    public void GenerateBatchedData_FillsEveryBatchButTheLast_AndKeepsEachLabelWithItsImage()
    {
        // Synthetic data, so that this test needs nothing but GenerateBatchedData: row i is (i, i + 0.5, -i), and its
        // label, i % 10, can be read back from the row wherever a shuffle puts it.
        const int samples = 1000, batchSize = 128;
        var data = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(samples, 3, (i, j) => j == 0 ? i : j == 1 ? i + 0.5 : -i);
        int[] labels = Enumerable.Range(0, samples).Select(i => i % 10).ToArray();

        var (batches, labelBatches) = StudentCode.Run("GenerateBatchedData", () =>
            Utils.GenerateBatchedData(data, labels, batchSize, shuffle: true, seed: 1024));

        Expect.True(batches.Count == labelBatches.Count, "Data and label batches do not pair up",
            "one label batch per data batch", $"{batches.Count} data batches, {labelBatches.Count} label batches",
            "return the labels of batch i at position i of the second list.");
        int expectedBatches = (samples + batchSize - 1) / batchSize;
        Expect.True(batches.Count == expectedBatches, "Wrong number of batches",
            $"{expectedBatches} batches for {samples} samples of {batchSize}", $"{batches.Count} batches",
            "the last batch holds what is left over: do not drop it, and do not pad it.");
        for (int b = 0; b < batches.Count; b++)
        {
            int expectedRows = b < batches.Count - 1 ? batchSize : samples - batchSize * (batches.Count - 1);
            Expect.True(batches[b].RowCount == expectedRows && labelBatches[b].Length == expectedRows && batches[b].ColumnCount == 3,
                $"Batch {b} has the wrong size", $"{expectedRows} samples of 3 values and {expectedRows} labels",
                $"{batches[b].RowCount} samples of {batches[b].ColumnCount} values and {labelBatches[b].Length} labels",
                "every batch but the last holds exactly batchSize samples (whole rows); the last holds the rest.");
        }

        var rows = batches.SelectMany(b => b.EnumerateRows()).ToList();
        var visited = rows.Select(r => (int)r[0]).ToList();
        Expect.True(visited.Order().SequenceEqual(Enumerable.Range(0, samples)), "Samples are lost or repeated",
            "every sample in exactly one batch", $"{visited.Distinct().Count()} distinct samples among {visited.Count}",
            "take each index of the permutation once: batch b holds positions b*batchSize up to (b+1)*batchSize.");
        Expect.True(rows.All(r => r[1] == r[0] + 0.5 && r[2] == -r[0]), "Rows are mixed up",
            "each batch row is a whole row of the data", "a row whose values come from different samples",
            "select whole rows (data.SelectRows(indices)), never single entries.");
        Expect.True(!visited.SequenceEqual(Enumerable.Range(0, samples)), "shuffle: true left the samples in order",
            "a shuffled order", "0, 1, 2, … as in the data", "with shuffle, visit the samples in the order of a permutation of 0..N-1.");
        var mismatches = batches.Zip(labelBatches).SelectMany(p => p.First.EnumerateRows().Zip(p.Second)).Count(p => p.Second != (int)p.First[0] % 10);
        Expect.True(mismatches == 0, "Labels are separated from their images", "each label at the position of its image",
            $"{mismatches} of {samples} labels next to another sample's image",
            "shuffle the images and the labels with the same permutation: the same indices select from both.");

        var (again, againLabels) = StudentCode.Run("GenerateBatchedData", () =>
            Utils.GenerateBatchedData(data, labels, batchSize, shuffle: true, seed: 1024));
        bool same = again.Count == batches.Count && again.Zip(batches).All(p => p.First.Equals(p.Second))
                    && againLabels.Zip(labelBatches).All(p => p.First.SequenceEqual(p.Second));
        Expect.True(same, "The same seed gave different batches", "identical batches for seed 1024, twice", "two different orders",
            "create the random generator from the seed inside the method (new NumpyRandom((uint)seed)), not once for the program.");
    }
}
