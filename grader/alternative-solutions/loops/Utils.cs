// An alternative correct solution, "loops" style: copies rows by hand and shuffles with System.Random (Fisher–Yates).
using Assignment1.Data;
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
        System.IO.Directory.CreateDirectory(outputDirectory);
        SaveCurves("Loss", "loss", trainLoss, validLoss, Path.Combine(outputDirectory, "loss_curve"));
        SaveCurves("Accuracy", "accuracy", trainAcc, validAcc, Path.Combine(outputDirectory, "accuracy_curve"));
    }

    private static void SaveCurves(string title, string yLabel, IReadOnlyList<double> training, IReadOnlyList<double> validation, string pathWithoutExtension)
    {
        double[] epochs = new double[training.Count];
        double[] train = new double[training.Count];
        double[] valid = new double[validation.Count];
        for (int i = 0; i < training.Count; i++)
        {
            epochs[i] = i + 1;
            train[i] = training[i];
            valid[i] = validation[i];
        }
        var plot = new ScottPlot.Plot();
        var trainLine = plot.Add.ScatterLine(epochs, train);
        trainLine.LegendText = "training";
        var validLine = plot.Add.ScatterLine(epochs, valid);
        validLine.LegendText = "validation";
        validLine.LinePattern = ScottPlot.LinePattern.Dashed;
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.SaveSvg(pathWithoutExtension + ".svg", 640, 480);
        plot.SavePng(pathWithoutExtension + ".png", 640, 480);
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
