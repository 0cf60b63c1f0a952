using Assignment1.Data;
using Assignment1.Numerics;
using MathNet.Numerics.LinearAlgebra;
using ScottPlot;

namespace Assignment1;

/// <summary>Data preparation and plotting: the three utility functions of the assignment.</summary>
public static class Utils
{
    /// <summary>
    /// Loads the 60,000 MNIST training images and splits them, without shuffling, into the first 80%
    /// (48,000) for training and the remaining 20% (12,000) for validation.
    /// </summary>
    /// <param name="mnistDirectory">Folder holding MNIST; null to find it as <see cref="MnistLocator"/> does.</param>
    /// <returns>Training images (N_train×784) and labels, validation images (N_val×784) and labels.</returns>
    /// <remarks>
    /// The loading is done for you: <c>images</c> is 60,000×784 (pixels in [0, 1]) and <c>labels</c> has 60,000 entries.
    /// Hint: <c>images.SubMatrix(firstRow, rowCount, firstColumn, columnCount)</c> copies a block of rows,
    /// and C# ranges slice arrays: <c>labels[..k]</c>, <c>labels[k..]</c>.
    /// </remarks>
    public static (Matrix<double> TrainData, int[] TrainLabels, Matrix<double> ValData, int[] ValLabels) LoadMnistTrainVal(string? mnistDirectory = null)
    {
        var (images, labels) = MnistDataset.LoadTrainingSet(mnistDirectory);
        // BEGIN SOLUTION
        int trainCount = images.RowCount * 4 / 5;
        int valCount = images.RowCount - trainCount;
        var trainData = images.SubMatrix(0, trainCount, 0, images.ColumnCount);
        var valData = images.SubMatrix(trainCount, valCount, 0, images.ColumnCount);
        return (trainData, labels[..trainCount], valData, labels[trainCount..]);
        // END SOLUTION
    }

    /// <summary>
    /// Splits a data set into mini-batches of <paramref name="batchSize"/> rows, in order or shuffled.
    /// </summary>
    /// <param name="data">Samples, N×D, one per row.</param>
    /// <param name="labels">Labels, length N; <c>labels[i]</c> belongs to row i of <paramref name="data"/>.</param>
    /// <param name="batchSize">Rows per batch; the last batch holds the remainder and may be smaller.</param>
    /// <param name="shuffle">Visit the samples in a random order instead of 0, 1, 2, …</param>
    /// <param name="seed">Seed for the shuffle, so that the same seed gives the same batches; null for a different order each time.</param>
    /// <returns>The batches of samples and, at the same positions, their batches of labels.</returns>
    /// <remarks>
    /// Every sample appears in exactly one batch, and a shuffle must keep each label with its image.
    /// Hints: <c>new NumpyRandom((uint)seed).Permutation(n)</c> is <c>np.random.seed(seed); np.random.permutation(n)</c>;
    /// <c>data.SelectRows(indices)</c> is NumPy's <c>data[indices]</c>.
    /// </remarks>
    public static (List<Matrix<double>> Batches, List<int[]> LabelBatches) GenerateBatchedData(
        Matrix<double> data, int[] labels, int batchSize = 32, bool shuffle = false, int? seed = null)
    {
        // BEGIN SOLUTION
        int n = data.RowCount;
        int[] order = Enumerable.Range(0, n).ToArray();
        if (shuffle)
        {
            var random = new NumpyRandom(seed is int s ? (uint)s : (uint)Random.Shared.Next());
            order = random.Permutation(n);
        }

        var batches = new List<Matrix<double>>();
        var labelBatches = new List<int[]>();
        for (int start = 0; start < n; start += batchSize)
        {
            int[] indices = order[start..Math.Min(n, start + batchSize)];
            batches.Add(data.SelectRows(indices));
            labelBatches.Add(indices.Select(i => labels[i]).ToArray());
        }
        return (batches, labelBatches);
        // END SOLUTION
    }

    /// <summary>
    /// Draws the learning curves as two figures in <paramref name="outputDirectory"/>, each saved as PNG (for your
    /// report) and as SVG (text a browser, and the tests, can read):
    /// <list type="bullet">
    /// <item><c>loss.png</c> and <c>loss.svg</c>: training and validation loss per epoch;</item>
    /// <item><c>accuracy.png</c> and <c>accuracy.svg</c>: training and validation accuracy per epoch.</item>
    /// </list>
    /// Each figure has a title, axis labels and a legend naming its two curves, as the original's matplotlib figures do.
    /// </summary>
    /// <param name="trainLoss">Training loss, one value per epoch.</param>
    /// <param name="trainAcc">Training accuracy, one value per epoch.</param>
    /// <param name="validLoss">Validation loss, one value per epoch.</param>
    /// <param name="validAcc">Validation accuracy, one value per epoch.</param>
    /// <param name="outputDirectory">Folder for the four files; create it if it is missing.</param>
    /// <remarks>
    /// ScottPlot is matplotlib's counterpart here (https://scottplot.net/cookbook/5/):
    /// <code>
    /// var plot = new Plot();                              // plt.figure()
    /// var line = plot.Add.Scatter(xs, ys);                // plt.plot(xs, ys, label="train")
    /// line.LegendText = "train";
    /// plot.Title("…"); plot.XLabel("…"); plot.YLabel("…"); // plt.title, plt.xlabel, plt.ylabel
    /// plot.ShowLegend();                                  // plt.legend()
    /// plot.SavePng(path, 800, 500);                       // plt.savefig(path); SaveSvg the same way
    /// </code>
    /// Epochs count from 1; <c>Directory.CreateDirectory</c> makes the folder (and does nothing if it exists).
    /// </remarks>
    public static void PlotCurves(
        IReadOnlyList<double> trainLoss, IReadOnlyList<double> trainAcc,
        IReadOnlyList<double> validLoss, IReadOnlyList<double> validAcc, string outputDirectory)
    {
        // BEGIN SOLUTION
        Directory.CreateDirectory(outputDirectory);
        double[] epochs = Enumerable.Range(1, trainLoss.Count).Select(e => (double)e).ToArray();

        var loss = new Plot();
        loss.Add.Scatter(epochs, trainLoss.ToArray()).LegendText = "train";
        loss.Add.Scatter(epochs, validLoss.ToArray()).LegendText = "valid";
        loss.Title("Loss per epoch");
        loss.XLabel("epoch");
        loss.YLabel("cross-entropy loss");
        loss.ShowLegend();
        loss.SavePng(Path.Combine(outputDirectory, "loss.png"), 800, 500);
        loss.SaveSvg(Path.Combine(outputDirectory, "loss.svg"), 800, 500);

        var accuracy = new Plot();
        accuracy.Add.Scatter(epochs, trainAcc.ToArray()).LegendText = "train";
        accuracy.Add.Scatter(epochs, validAcc.ToArray()).LegendText = "valid";
        accuracy.Title("Accuracy per epoch");
        accuracy.XLabel("epoch");
        accuracy.YLabel("accuracy");
        accuracy.ShowLegend();
        accuracy.SavePng(Path.Combine(outputDirectory, "accuracy.png"), 800, 500);
        accuracy.SaveSvg(Path.Combine(outputDirectory, "accuracy.svg"), 800, 500);
        // END SOLUTION
    }
}
