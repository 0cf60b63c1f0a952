// An alternative correct solution, "vectorized" style: LINQ and MathNet row selection, NumPy-compatible shuffle.
using Assignment1.Data;
using Assignment1.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1;

public static class Utils
{
    public static (Matrix<double> TrainData, int[] TrainLabels, Matrix<double> ValData, int[] ValLabels) LoadMnistTrainVal(string? mnistDirectory = null)
    {
        var (images, labels) = MnistDataset.LoadTrainingSet(mnistDirectory);
        int valCount = images.RowCount / 5;
        int trainCount = images.RowCount - valCount;
        return (images.SubMatrix(0, trainCount, 0, images.ColumnCount), labels.Take(trainCount).ToArray(),
                images.SubMatrix(trainCount, valCount, 0, images.ColumnCount), labels.Skip(trainCount).ToArray());
    }

    public static (List<Matrix<double>> Batches, List<int[]> LabelBatches) GenerateBatchedData(
        Matrix<double> data, int[] labels, int batchSize = 32, bool shuffle = false, int? seed = null)
    {
        int[] order = shuffle
            ? new NumpyRandom((uint)(seed ?? Random.Shared.Next())).Permutation(data.RowCount)
            : Enumerable.Range(0, data.RowCount).ToArray();
        var chunks = order.Chunk(batchSize).ToList();
        return (chunks.Select(rows => data.SelectRows(rows)).ToList(),
                chunks.Select(rows => rows.Select(r => labels[r]).ToArray()).ToList());
    }

    public static void PlotCurves(
        IReadOnlyList<double> trainLoss, IReadOnlyList<double> trainAcc,
        IReadOnlyList<double> validLoss, IReadOnlyList<double> validAcc, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        foreach (var (name, train, valid) in new[] { ("loss", trainLoss, validLoss), ("accuracy", trainAcc, validAcc) })
        {
            var plot = new ScottPlot.Plot();
            double[] epochs = [.. Enumerable.Range(1, train.Count).Select(Convert.ToDouble)];
            plot.Add.Scatter(epochs, [.. train]).LegendText = "train";
            plot.Add.Scatter(epochs, [.. valid]).LegendText = "validation";
            plot.Title($"{name} curve");
            plot.XLabel("epoch");
            plot.YLabel(name);
            plot.ShowLegend();
            plot.SavePng(Path.Combine(outputDirectory, $"{name}.png"), 800, 600);
            plot.SaveSvg(Path.Combine(outputDirectory, $"{name}.svg"), 800, 600);
        }
    }
}
