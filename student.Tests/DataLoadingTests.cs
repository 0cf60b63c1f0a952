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
    public void GenerateBatchedData_FillsEveryBatchButTheLast()
    {
        var (trainData, trainLabels, _, _) = Fixtures.WithMnist(() =>
            StudentCode.Run("LoadMnistTrainVal", () => Utils.LoadMnistTrainVal()));
        var (batches, labelBatches) = StudentCode.Run("GenerateBatchedData", () =>
            Utils.GenerateBatchedData(trainData, trainLabels, batchSize: 128, shuffle: true, seed: 1024));

        Expect.True(batches.Count == labelBatches.Count, "Data and label batches do not pair up",
            "one label batch per data batch", $"{batches.Count} data batches, {labelBatches.Count} label batches",
            "return the labels of batch i at position i of the second list.");
        int expectedBatches = (trainData.RowCount + 127) / 128;
        Expect.True(batches.Count == expectedBatches, "Wrong number of batches",
            $"{expectedBatches} batches for {trainData.RowCount} samples of 128", $"{batches.Count} batches",
            "the last batch holds what is left over: do not drop it, and do not pad it.");
        for (int b = 0; b < batches.Count - 1; b++)
        {
            Expect.True(batches[b].RowCount == 128 && labelBatches[b].Length == 128, $"Batch {b} has the wrong size",
                "128 samples and 128 labels", $"{batches[b].RowCount} samples and {labelBatches[b].Length} labels",
                "every batch but the last holds exactly batchSize samples.");
        }
    }
}
