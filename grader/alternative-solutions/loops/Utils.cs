// An alternative correct solution, "loops" style: copies rows by hand and shuffles with System.Random (Fisher–Yates).
using Assignment1.Data;
using Assignment1.Plotting;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1;

public static class Utils
{
    public static (Matrix<double> TrainData, int[] TrainLabels, Matrix<double> ValData, int[] ValLabels) LoadMnistTrainVal(string? mnistDirectory = null)
    {
        var (images, labels) = MnistDataset.LoadTrainingSet(mnistDirectory);
        int trainCount = (int)(0.8 * images.RowCount);
        int[] rows = new int[images.RowCount];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }
        var train = CopyRows(images, labels, rows, 0, trainCount);
        var valid = CopyRows(images, labels, rows, trainCount, images.RowCount);
        return (train.Data, train.Labels, valid.Data, valid.Labels);
    }

    public static (List<Matrix<double>> Batches, List<int[]> LabelBatches) GenerateBatchedData(
        Matrix<double> data, int[] labels, int batchSize = 32, bool shuffle = false, int? seed = null)
    {
        int n = data.RowCount;
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }
        if (shuffle)
        {
            var random = seed.HasValue ? new Random(seed.Value) : new Random();
            for (int i = n - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }

        var batches = new List<Matrix<double>>();
        var labelBatches = new List<int[]>();
        for (int start = 0; start < n; start += batchSize)
        {
            var (batch, batchLabels) = CopyRows(data, labels, order, start, Math.Min(n, start + batchSize));
            batches.Add(batch);
            labelBatches.Add(batchLabels);
        }
        return (batches, labelBatches);
    }

    public static void PlotCurves(
        IReadOnlyList<double> trainLoss, IReadOnlyList<double> trainAcc,
        IReadOnlyList<double> validLoss, IReadOnlyList<double> validAcc, string outputDirectory)
    {
        var loss = new LineChart("Loss", xLabel: "epoch", yLabel: "loss");
        loss.AddSeries("training", trainLoss);
        loss.AddSeries("validation", validLoss);
        loss.Save(Path.Combine(outputDirectory, "loss_curve.svg"));
        var accuracy = new LineChart("Accuracy", xLabel: "epoch", yLabel: "accuracy");
        accuracy.AddSeries("training", trainAcc);
        accuracy.AddSeries("validation", validAcc);
        accuracy.Save(Path.Combine(outputDirectory, "accuracy_curve.svg"));
    }

    private static (Matrix<double> Data, int[] Labels) CopyRows(Matrix<double> data, int[] labels, int[] order, int from, int to)
    {
        var rows = Matrix<double>.Build.Dense(to - from, data.ColumnCount);
        int[] rowLabels = new int[to - from];
        for (int r = from; r < to; r++)
        {
            for (int c = 0; c < data.ColumnCount; c++)
            {
                rows[r - from, c] = data[order[r], c];
            }
            rowLabels[r - from] = labels[order[r]];
        }
        return (rows, rowLabels);
    }
}
