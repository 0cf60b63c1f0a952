using Assignment1.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.PrivateTests;

/// <summary>Loading and batching beyond the public checks: the exact split, odd batch sizes, coverage, alignment, seeds.</summary>
[TestFixture]
public class DataPrivateTests
{
    [Test]
    [Graded("7.1", 2, "Split: exact boundary and order", PrivateSuite.Visibility, timeoutSeconds: 60)]
    public void Split_KeepsTheFirst48000InOrder_AndTheRestForValidation()
    {
        // The student's split is reduced to the rows checked before the test loads its own copy of MNIST, so that the
        // two never need memory at once (a correct solution keeps 2x headroom under the heap cap).
        var split = CheckedRowsOfTheStudentsSplit();
        var (images, labels) = Fixtures.TrainingSet();
        const string hint = "the first 48,000 images (rows 0..47999) are training data and rows 48000..59999 validation, in file order, without shuffling.";
        Expect.True(split.TrainCount == 48000 && split.ValCount == 12000, "Wrong split sizes",
            "48000 and 12000", $"{split.TrainCount} and {split.ValCount}", hint);
        foreach (int row in TrainRowsChecked)
        {
            Expect.True(split.TrainRows[row].Equals(images.Row(row)) && split.TrainLabels[row] == labels[row], $"Training row {row} is not image {row}",
                $"image {row}, label {labels[row]}", $"label {split.TrainLabels[row]}", hint);
        }
        foreach (int row in ValRowsChecked)
        {
            Expect.True(split.ValRows[row].Equals(images.Row(48000 + row)) && split.ValLabels[row] == labels[48000 + row],
                $"Validation row {row} is not image {48000 + row}", $"image {48000 + row}", "another image", hint);
        }
    }

    private static readonly int[] TrainRowsChecked = [0, 1, 47999], ValRowsChecked = [0, 11999];

    /// <summary>The sizes, labels and checked rows of the student's split; the full matrices die when this returns.</summary>
    private static (int TrainCount, int ValCount, Dictionary<int, Vector<double>> TrainRows, int[] TrainLabels, Dictionary<int, Vector<double>> ValRows, int[] ValLabels)
        CheckedRowsOfTheStudentsSplit()
    {
        var (trainData, trainLabels, valData, valLabels) = StudentCode.Run("LoadMnistTrainVal", () => Utils.LoadMnistTrainVal());
        var trainRows = TrainRowsChecked.Where(r => r < trainData.RowCount).ToDictionary(r => r, trainData.Row);
        var valRows = ValRowsChecked.Where(r => r < valData.RowCount).ToDictionary(r => r, valData.Row);
        return (trainData.RowCount, valData.RowCount, trainRows, trainLabels, valRows, valLabels);
    }

    [TestCase("N=10 batch=4", 10, 4, false, new[] { 4, 4, 2 })]
    [TestCase("N=10 batch=4 shuffled", 10, 4, true, new[] { 4, 4, 2 })]
    [TestCase("N=3 batch=8 shuffled", 3, 8, true, new[] { 3 })]
    [TestCase("N=8 batch=4", 8, 4, false, new[] { 4, 4 })]
    [Graded("7.2", 0.25, "Batching: sizes when N is not a multiple", PrivateSuite.Visibility)]
    public void BatchSizes_AreFullExceptTheLast_AndNeverEmpty(string scenario, int n, int batchSize, bool shuffle, int[] expected)
    {
        var (batches, labelBatches) = StudentCode.Run("GenerateBatchedData", () =>
            Utils.GenerateBatchedData(IdMatrix(n), Ids(n), batchSize, shuffle, seed: 3));
        int[] sizes = batches.Select(b => b.RowCount).ToArray();
        Expect.True(sizes.SequenceEqual(expected) && labelBatches.Select(l => l.Length).SequenceEqual(expected),
            $"Wrong batch sizes for {scenario}", string.Join(", ", expected), string.Join(", ", sizes),
            "cut batches of batchSize rows; the last one holds the remainder (possibly all of N), and no batch is empty.");
        // The same batch size on more than two batches' worth of data: a function that returns everything as one batch fails here.
        int[] more = StudentCode.Run("GenerateBatchedData", () => Utils.GenerateBatchedData(IdMatrix(2 * batchSize + 1), Ids(2 * batchSize + 1), batchSize, shuffle, seed: 3))
            .Batches.Select(b => b.RowCount).ToArray();
        Expect.True(more.Length > 1 && more.All(size => size <= batchSize), $"Wrong batches for N={2 * batchSize + 1} batch={batchSize}",
            $"batches of at most {batchSize} rows", string.Join(", ", more), "cut batches of batchSize rows; the last one holds the remainder.");
    }

    [TestCase(false)]
    [TestCase(true)]
    [Graded("7.3", 0.5, "Batching: every sample exactly once", PrivateSuite.Visibility)]
    public void EverySample_AppearsExactlyOncePerEpoch(bool shuffle)
    {
        var (batches, _) = StudentCode.Run("GenerateBatchedData", () => Utils.GenerateBatchedData(IdMatrix(37), Ids(37), 5, shuffle, seed: 11));
        Expect.True(batches.Count > 1 && batches.All(b => b.RowCount <= 5), "Wrong batches for 37 samples of 5", "batches of at most 5 rows",
            $"{batches.Count} batches of {string.Join(", ", batches.Select(b => b.RowCount))} rows", "cut batches of batchSize rows; the last one holds the remainder.");
        int[] seen = batches.SelectMany(b => b.Column(0)).Select(v => (int)v).ToArray();
        Expect.True(seen.Order().SequenceEqual(Enumerable.Range(0, 37)), "Samples are missing or repeated",
            "each of the 37 samples once", $"{seen.Length} rows, {seen.Distinct().Count()} distinct",
            "shuffle a permutation of the indices, then slice it; do not draw indices with replacement.");
        if (!shuffle)
        {
            Expect.True(seen.SequenceEqual(Enumerable.Range(0, 37)), "Unshuffled batches are out of order", "0, 1, 2, …", string.Join(", ", seen.Take(8)),
                "without shuffle, batches follow the data's order.");
        }
    }

    [Test]
    [Graded("7.4", 1, "Batching: labels stay with their images", PrivateSuite.Visibility)]
    public void Shuffling_KeepsEachLabelWithItsImage()
    {
        var (batches, labelBatches) = StudentCode.Run("GenerateBatchedData", () => Utils.GenerateBatchedData(IdMatrix(50), Ids(50), 7, shuffle: true, seed: 5));
        Expect.True(batches.Count > 1 && batches.Count == labelBatches.Count && batches.All(b => b.RowCount <= 7), "The data was not cut into batches of 7",
            "batches of at most 7 rows, one label batch each", $"{batches.Count} data batches and {labelBatches.Count} label batches",
            "cut batches of batchSize rows, and return the labels of batch i at position i of the second list.");
        for (int b = 0; b < batches.Count; b++)
        {
            for (int r = 0; r < batches[b].RowCount; r++)
            {
                Expect.True((int)batches[b][r, 0] == labelBatches[b][r], $"Batch {b}, row {r}: the label belongs to another image",
                    $"label {(int)batches[b][r, 0]}", $"label {labelBatches[b][r]}", "apply the same shuffled indices to the data and to the labels.");
            }
        }
    }

    [Test]
    [Graded("7.5", 1, "Batching: seeds make shuffles reproducible", PrivateSuite.Visibility)]
    public void SameSeed_GivesTheSameBatches_AndAnotherSeedOthers()
    {
        int[] Order(int seed) => StudentCode.Run("GenerateBatchedData", () => Utils.GenerateBatchedData(IdMatrix(40), Ids(40), 8, shuffle: true, seed: seed))
            .Batches.SelectMany(b => b.Column(0)).Select(v => (int)v).ToArray();
        const string hint = "create the random generator from the seed (new NumpyRandom((uint)seed)) inside GenerateBatchedData.";
        Expect.True(Order(42).SequenceEqual(Order(42)), "The same seed gave two different orders", "identical orders", "different orders", hint);
        Expect.True(!Order(1).SequenceEqual(Order(2)), "Seeds 1 and 2 gave the same order", "different orders", "identical orders", hint);
        Expect.True(!Order(1).SequenceEqual(Enumerable.Range(0, 40)), "shuffle: true left the data in order", "a shuffled order", "0, 1, 2, …", hint);
    }

    /// <summary>n×3 data whose first column is the row's id.</summary>
    private static Matrix<double> IdMatrix(int n) => Matrix<double>.Build.Dense(n, 3, (r, c) => c == 0 ? r : r * 0.5 + c);

    private static int[] Ids(int n) => Enumerable.Range(0, n).ToArray();
}
