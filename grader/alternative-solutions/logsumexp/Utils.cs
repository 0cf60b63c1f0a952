// An alternative correct solution: row copies through arrays, a NumPy-compatible shuffle, one loop for both figures.
using Assignment1.Data;
using Assignment1.Numerics;
using MathNet.Numerics.LinearAlgebra;
using ScottPlot;

namespace Assignment1;

public static class Utils
{
    public static (Matrix<double> TrainData, int[] TrainLabels, Matrix<double> ValData, int[] ValLabels) LoadMnistTrainVal(string? mnistDirectory = null)
    {
        var (images, labels) = MnistDataset.LoadTrainingSet(mnistDirectory);
        int split = images.RowCount - images.RowCount / 5;
        var train = Matrix<double>.Build.DenseOfRows(Enumerable.Range(0, split).Select(i => images.Row(i)));
        var valid = Matrix<double>.Build.DenseOfRows(Enumerable.Range(split, images.RowCount - split).Select(i => images.Row(i)));
        return (train, labels.AsSpan(0, split).ToArray(), valid, labels.AsSpan(split).ToArray());
    }

    public static (List<Matrix<double>> Batches, List<int[]> LabelBatches) GenerateBatchedData(
        Matrix<double> data, int[] labels, int batchSize = 32, bool shuffle = false, int? seed = null)
    {
        int n = data.RowCount;
        var permutation = Enumerable.Range(0, n).ToArray();
        if (shuffle)
        {
            permutation = new NumpyRandom(unchecked((uint)seed.GetValueOrDefault(Random.Shared.Next()))).Permutation(n);
        }
        var batches = new List<Matrix<double>>();
        var labelBatches = new List<int[]>();
        int count = (n + batchSize - 1) / batchSize;
        for (int b = 0; b < count; b++)
        {
            var rows = permutation.Skip(b * batchSize).Take(batchSize).ToArray();
            batches.Add(Matrix<double>.Build.DenseOfRows(rows.Select(r => data.Row(r))));
            labelBatches.Add(Array.ConvertAll(rows, r => labels[r]));
        }
        return (batches, labelBatches);
    }

    public static void PlotCurves(
        IReadOnlyList<double> trainLoss, IReadOnlyList<double> trainAcc,
        IReadOnlyList<double> validLoss, IReadOnlyList<double> validAcc, string outputDirectory)
    {
        if (!Directory.Exists(outputDirectory))
        {
            Directory.CreateDirectory(outputDirectory);
        }
        var loss = Figure("Training and validation loss", "loss", trainLoss, validLoss);
        var accuracy = Figure("Training and validation accuracy", "accuracy", trainAcc, validAcc);
        foreach (string extension in new[] { ".png", ".svg" })
        {
            loss.Save(Path.Combine(outputDirectory, "loss_curve" + extension), 1000, 600);
            accuracy.Save(Path.Combine(outputDirectory, "acc_curve" + extension), 1000, 600);
        }
    }

    private static Plot Figure(string title, string quantity, IReadOnlyList<double> train, IReadOnlyList<double> val)
    {
        var plot = new Plot();
        var xs = Generate.Consecutive(train.Count, first: 1);
        plot.Add.Scatter(xs, train.ToArray()).LegendText = "train";
        plot.Add.Scatter(xs, val.ToArray()).LegendText = "val";
        plot.Axes.Title.Label.Text = title;
        plot.Axes.Bottom.Label.Text = "epoch";
        plot.Axes.Left.Label.Text = quantity;
        plot.Legend.IsVisible = true;
        return plot;
    }
}
