using System.IO.Compression;
using Assignment1.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Tests.Support;

/// <summary>The original assignment's test data: the fixed batch of 64 training images and the expected gradients.</summary>
public static class Fixtures
{
    /// <summary>Positions in the 60,000-image training set of the original's fixed test batch, in its order.</summary>
    public static readonly int[] FixedBatchIndices =
    [
        17555, 12509, 16838, 41777, 16204, 36713, 27041, 15756, 28335, 20898, 32131, 8067, 47498, 24159,
        32375, 45546, 2869, 33843, 41218, 42721, 38019, 19599, 40592, 9526, 23116, 28657, 34188, 32408,
        39987, 14820, 34122, 4007, 16912, 37646, 41237, 22016, 6411, 11127, 40090, 2298, 17275, 984, 47998,
        2230, 16470, 26128, 13364, 26849, 45613, 27497, 42907, 43352, 39770, 23388, 4394, 33147, 21525,
        19900, 6004, 14732, 15401, 7971, 2592, 47315,
    ];

    /// <summary>
    /// The 64 images (64×784, pixels/255) and labels of the fixed batch: fresh copies on every call, so a test (or the
    /// code it runs) may change them without touching the next test's.
    /// </summary>
    public static (Matrix<double> X, int[] Y) FixedBatch()
    {
        var (x, y) = WithMnist(() => FixedBatchOnce.Value);
        return (x.Clone(), (int[])y.Clone());
    }

    // Built once per test process, from the 64 images alone: building it from the whole training set would mean
    // scaling all 60,000 images (a 376 MB matrix), seconds of fresh memory in a new test process that the test which
    // happens to come first would pay. A failed load is not cached: the next call retries.
    private static readonly Lazy<(Matrix<double> X, int[] Y)> FixedBatchOnce = new(
        () => MnistDataset.LoadTrainingImages(FixedBatchIndices), LazyThreadSafetyMode.PublicationOnly);

    /// <summary>All 60,000 training images and labels; fails with the command that fetches MNIST if it is missing.</summary>
    public static (Matrix<double> Images, int[] Labels) TrainingSet() => WithMnist(() => MnistDataset.LoadTrainingSet());

    /// <summary>The 10,000 test images and labels; fails with the command that fetches MNIST if it is missing.</summary>
    public static (Matrix<double> Images, int[] Labels) TestSet() => WithMnist(() => MnistDataset.LoadTestSet());

    /// <summary>Runs <paramref name="load"/>, failing with the fetch command if MNIST is missing.</summary>
    public static T WithMnist<T>(Func<T> load)
    {
        try
        {
            return load();
        }
        catch (MnistNotFoundException e)
        {
            Expect.Fail(e.Message);
            throw;
        }
    }

    /// <summary>An expected gradient computed by NumPy from the original formulas (see grader/dev in the course repository).</summary>
    public static Matrix<double> Gradient(string name, int rows, int columns)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".f64.gz");
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        byte[] bytes = buffer.ToArray();
        if (bytes.Length != rows * columns * sizeof(double))
        {
            throw new InvalidDataException($"{path} holds {bytes.Length / 8} values, expected {rows}x{columns}.");
        }
        var rowMajor = new double[rows * columns];
        Buffer.BlockCopy(bytes, 0, rowMajor, 0, bytes.Length);
        return Matrix<double>.Build.DenseOfRowMajor(rows, columns, rowMajor);
    }
}
