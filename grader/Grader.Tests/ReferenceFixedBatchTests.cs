using System.IO.Compression;
using System.Text.Json;
using Assignment1.Data;
using Assignment1.Grader.Tests.Support;
using Assignment1.Models;
using Assignment1.Numerics;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Grader.Tests;

/// <summary>
/// The reference solution on the original's fixed batch of 64 images: losses equal the original's and
/// every gradient equals NumPy's (computed independently from the original formulas) to 1e-12.
/// </summary>
[TestFixture]
public class ReferenceFixedBatchTests
{
    private static readonly int[] Indices =
    [
        17555, 12509, 16838, 41777, 16204, 36713, 27041, 15756, 28335, 20898, 32131, 8067, 47498, 24159,
        32375, 45546, 2869, 33843, 41218, 42721, 38019, 19599, 40592, 9526, 23116, 28657, 34188, 32408,
        39987, 14820, 34122, 4007, 16912, 37646, 41237, 22016, 6411, 11127, 40090, 2298, 17275, 984, 47998,
        2230, 16470, 26128, 13364, 26849, 45613, 27497, 42907, 43352, 39770, 23388, 4394, 33147, 21525,
        19900, 6004, 14732, 15401, 7971, 2592, 47315,
    ];

    private Matrix<double> _x = null!;
    private int[] _y = null!;

    [OneTimeSetUp]
    public void LoadFixedBatch()
    {
        var (images, labels) = MnistDataset.LoadTrainingSet();
        _x = images.SelectRows(Indices);
        _y = Indices.Select(i => labels[i]).ToArray();
    }

    [Test]
    public void FixedBatch_LabelsAreTheOriginals()
    {
        _y.Take(10).Should().Equal(2, 6, 1, 1, 1, 7, 4, 6, 2, 1);
    }

    [Test]
    public void SoftmaxRegression_LossAndGradient_MatchTheOriginal()
    {
        var model = new SoftmaxRegression();
        var (loss, accuracy) = model.Forward(_x, _y);
        loss.Should().BeApproximately(2.3029035854, 1e-10);
        accuracy.Should().Be(3.0 / 64);
        MaxAbsDifference(model.Gradients["W1"], Expected("softmax_grad_W1", 784, 10)).Should().BeLessThan(1e-12);
    }

    [Test]
    public void TwoLayerNet_LossAndGradients_MatchTheOriginal()
    {
        var model = new TwoLayerNet();
        var (loss, accuracy) = model.Forward(_x, _y);
        loss.Should().BeApproximately(2.3028479181, 1e-10);
        accuracy.Should().Be(3.0 / 64);
        MaxAbsDifference(model.Gradients["W1"], Expected("twolayer_grad_W1", 784, 128)).Should().BeLessThan(1e-12);
        MaxAbsDifference(model.Gradients["b1"], Expected("twolayer_grad_b1", 1, 128)).Should().BeLessThan(1e-12);
        MaxAbsDifference(model.Gradients["W2"], Expected("twolayer_grad_W2", 128, 10)).Should().BeLessThan(1e-12);
        MaxAbsDifference(model.Gradients["b2"], Expected("twolayer_grad_b2", 1, 10)).Should().BeLessThan(1e-12);
    }

    [Test]
    public void Losses_EqualNumPysToTheLastDigits()
    {
        var numpy = JsonDocument.Parse(File.ReadAllText(Repository.TestFile("Fixtures", "numpy_reference.json"))).RootElement;
        new SoftmaxRegression().Forward(_x, _y).Loss.Should().BeApproximately(numpy.GetProperty("softmax_loss").GetDouble(), 1e-13);
        new TwoLayerNet().Forward(_x, _y).Loss.Should().BeApproximately(numpy.GetProperty("twolayer_loss").GetDouble(), 1e-13);
    }

    private static double MaxAbsDifference(Matrix<double> actual, Matrix<double> expected)
    {
        actual.RowCount.Should().Be(expected.RowCount);
        actual.ColumnCount.Should().Be(expected.ColumnCount);
        return (actual - expected).Enumerate().Max(Math.Abs);
    }

    private static Matrix<double> Expected(string name, int rows, int columns)
    {
        using var gzip = new GZipStream(File.OpenRead(Repository.TestFile("PublicFixtures", name + ".f64.gz")), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        var values = new double[rows * columns];
        Buffer.BlockCopy(buffer.ToArray(), 0, values, 0, values.Length * sizeof(double));
        return Matrix<double>.Build.DenseOfRowMajor(rows, columns, values);
    }
}
