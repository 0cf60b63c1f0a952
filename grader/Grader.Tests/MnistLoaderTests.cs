using System.IO.Compression;
using Assignment1.Data;
using FluentAssertions;

namespace Assignment1.Grader.Tests;

/// <summary>MNIST loading: the real files, gzipped IDX, the original's CSV layout, and clear messages when data is missing or broken.</summary>
[TestFixture]
public class MnistLoaderTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("mnist-test").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void RealMnist_HasTheKnownSizesAndLabelCounts()
    {
        var (train, trainLabels) = MnistDataset.LoadTrainingSet();
        var (test, testLabels) = MnistDataset.LoadTestSet();
        (train.RowCount, train.ColumnCount, test.RowCount).Should().Be((60000, 784, 10000));
        Counts(trainLabels).Should().Equal(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
        Counts(testLabels).Should().Equal(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
        train.Enumerate().Should().OnlyContain(v => v >= 0 && v <= 1);
    }

    [Test]
    public void GzippedIdx_LoadsLikeRaw()
    {
        WriteIdx("train-images-idx3-ubyte.gz", [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0, 28, .. Pixels(2)], gzip: true);
        WriteIdx("train-labels-idx1-ubyte.gz", [0, 0, 8, 1, 0, 0, 0, 2, 7, 3], gzip: true);
        var (images, labels) = MnistDataset.LoadTrainingSet(_folder);
        labels.Should().Equal(7, 3);
        images[1, 0].Should().Be(784 % 256 / 255.0);
        images[0, 783].Should().Be(783 % 256 / 255.0);
    }

    [Test]
    public void ChosenTrainingImages_AreTheRowsOfTheWholeSet_InTheGivenOrder()
    {
        var (all, allLabels) = MnistDataset.LoadTrainingSet();
        int[] chosen = [59999, 0, 17555, 0];
        var (images, labels) = MnistDataset.LoadTrainingImages(chosen);
        (images.RowCount, images.ColumnCount).Should().Be((4, 784));
        for (int row = 0; row < chosen.Length; row++)
        {
            images.Row(row).Should().Equal(all.Row(chosen[row]), $"row {row} is training image {chosen[row]}");
        }
        labels.Should().Equal(chosen.Select(i => allLabels[i]));
        var outside = () => MnistDataset.LoadTrainingImages([60000]);
        outside.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*60000 is not a position in the 60000-image training set*");
    }

    [Test]
    public void OriginalCsvLayout_Loads()
    {
        File.WriteAllLines(Path.Combine(_folder, "mnist_test.csv"),
            ["5," + string.Join(",", Enumerable.Repeat("255", 784)), "0," + string.Join(",", Enumerable.Repeat("0", 784))]);
        var (images, labels) = MnistDataset.LoadTestSet(_folder);
        labels.Should().Equal(5, 0);
        images[0, 100].Should().Be(1.0);
        images[1, 100].Should().Be(0.0);
    }

    [Test]
    public void MissingFiles_SayWhichAndHowToFetchThem()
    {
        var load = () => MnistDataset.LoadTrainingSet(_folder);
        load.Should().Throw<MnistNotFoundException>()
            .WithMessage($"*train-images-idx3-ubyte*are not in '{_folder}'*bash data/get_data.sh*");
    }

    [Test]
    public void MissingFolderInEnvironment_IsReportedWithTheVariable()
    {
        string? before = Environment.GetEnvironmentVariable(MnistLocator.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(MnistLocator.EnvironmentVariable, Path.Combine(_folder, "nowhere"));
            var locate = () => MnistLocator.Locate();
            locate.Should().Throw<MnistNotFoundException>().WithMessage("*MNIST_DIR is set to*nowhere*does not exist*get_data*");
        }
        finally
        {
            Environment.SetEnvironmentVariable(MnistLocator.EnvironmentVariable, before);
        }
    }

    [Test]
    public void TruncatedIdx_IsRejectedWithTheFileAndTheRemedy()
    {
        WriteIdx("train-images-idx3-ubyte", [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3], gzip: false);
        WriteIdx("train-labels-idx1-ubyte", [0, 0, 8, 1, 0, 0, 0, 2, 7, 3], gzip: false);
        var load = () => MnistDataset.LoadTrainingSet(_folder);
        load.Should().Throw<InvalidDataException>().WithMessage("*train-images-idx3-ubyte should hold 1568 values*fetch MNIST again*");
    }

    private static byte[] Pixels(int images) => Enumerable.Range(0, images * 784).Select(i => (byte)(i % 256)).ToArray();

    private static int[] Counts(int[] labels) => Enumerable.Range(0, 10).Select(d => labels.Count(l => l == d)).ToArray();

    private void WriteIdx(string name, byte[] bytes, bool gzip)
    {
        using var file = File.Create(Path.Combine(_folder, name));
        using Stream target = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        target.Write(bytes);
    }
}
