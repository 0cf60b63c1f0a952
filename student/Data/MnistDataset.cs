using System.Collections.Concurrent;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Data;

/// <summary>
/// Loads MNIST as the assignment uses it: an N×784 matrix of pixels scaled to [0, 1] (pixel / 255),
/// one image per row in file order, and an <c>int[]</c> of labels 0–9.
/// Reads the IDX files (<c>train-images-idx3-ubyte</c>, optionally <c>.gz</c>) or, failing those, the
/// original assignment's CSV layout (<c>mnist_train.csv</c>: label, then 784 pixels per line).
/// </summary>
public static class MnistDataset
{
    /// <summary>Pixels per image (28×28).</summary>
    public const int PixelCount = 28 * 28;

    /// <summary>Number of classes (digits 0–9).</summary>
    public const int ClassCount = 10;

    // Raw bytes per file path, so that tests which load MNIST many times read the disk once.
    // Every call still builds new matrices: callers may modify what they get.
    private static readonly ConcurrentDictionary<string, (byte[] Pixels, byte[] Labels)> RawCache = new();

    // The files of one split: the IDX pair (each optionally .gz), or the original assignment's CSV.
    private sealed record Split(string Name, string ImagesFile, string LabelsFile, string CsvFile);

    private static readonly Split Training = new("train", "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "mnist_train.csv");
    private static readonly Split Test = new("test", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", "mnist_test.csv");

    /// <summary>The 60,000 training images and labels.</summary>
    /// <param name="directory">Folder holding MNIST; null to search as <see cref="MnistLocator"/> does.</param>
    public static (Matrix<double> Images, int[] Labels) LoadTrainingSet(string? directory = null) =>
        Load(MnistLocator.Locate(directory), Training);

    /// <summary>
    /// Chosen training images and their labels, in the order of <paramref name="indices"/> (positions 0–59,999 in the
    /// training set): a |indices|×784 matrix, without building the whole 60,000-image one (376 MB).
    /// </summary>
    /// <param name="indices">Positions in the training set; repeats are allowed.</param>
    /// <param name="directory">Folder holding MNIST; null to search as <see cref="MnistLocator"/> does.</param>
    /// <exception cref="ArgumentOutOfRangeException">A position is outside the training set.</exception>
    public static (Matrix<double> Images, int[] Labels) LoadTrainingImages(IReadOnlyList<int> indices, string? directory = null)
    {
        var (pixels, labels) = Raw(MnistLocator.Locate(directory), Training);
        var rows = new byte[indices.Count * PixelCount];
        for (int row = 0; row < indices.Count; row++)
        {
            int image = indices[row];
            if (image < 0 || image >= labels.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"{image} is not a position in the {labels.Length}-image training set.");
            }
            Array.Copy(pixels, image * PixelCount, rows, row * PixelCount, PixelCount);
        }
        return (ToScaledMatrix(rows, indices.Count), indices.Select(i => (int)labels[i]).ToArray());
    }

    /// <summary>The 10,000 test images and labels.</summary>
    /// <param name="directory">Folder holding MNIST; null to search as <see cref="MnistLocator"/> does.</param>
    public static (Matrix<double> Images, int[] Labels) LoadTestSet(string? directory = null) =>
        Load(MnistLocator.Locate(directory), Test);

    private static (Matrix<double> Images, int[] Labels) Load(string directory, Split split)
    {
        var (pixels, labels) = Raw(directory, split);
        return (ToScaledMatrix(pixels, labels.Length), labels.Select(b => (int)b).ToArray());
    }

    private static (byte[] Pixels, byte[] Labels) Raw(string directory, Split split)
    {
        string? images = FindFile(directory, split.ImagesFile);
        string? labels = FindFile(directory, split.LabelsFile);
        string csv = Path.Combine(directory, split.CsvFile);

        return (images, labels) switch
        {
            ({ } i, { } l) => RawCache.GetOrAdd(Path.GetFullPath(i), _ => ReadIdxPair(i, l)),
            _ when File.Exists(csv) => RawCache.GetOrAdd(Path.GetFullPath(csv), _ => ReadCsv(csv)),
            _ => throw MnistLocator.NotFound(
                $"the {split.Name} files ({split.ImagesFile}[.gz] and {split.LabelsFile}[.gz], or {split.CsvFile}) are not in '{directory}'"),
        };
    }

    private static string? FindFile(string directory, string name)
    {
        foreach (string candidate in new[] { name, name + ".gz" })
        {
            string path = Path.Combine(directory, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }
        return null;
    }

    private static (byte[] Pixels, byte[] Labels) ReadIdxPair(string imagesPath, string labelsPath)
    {
        var (imageDims, pixels) = IdxFile.Read(imagesPath);
        var (labelDims, labels) = IdxFile.Read(labelsPath);
        if (imageDims.Length != 3 || imageDims[1] * imageDims[2] != PixelCount)
        {
            throw new InvalidDataException($"{imagesPath} does not hold 28x28 images (dimensions {string.Join("x", imageDims)}).");
        }
        if (labelDims.Length != 1 || labelDims[0] != imageDims[0])
        {
            throw new InvalidDataException($"{labelsPath} holds {labelDims[0]} labels for {imageDims[0]} images in {imagesPath}.");
        }
        return (pixels, labels);
    }

    private static (byte[] Pixels, byte[] Labels) ReadCsv(string path)
    {
        var pixels = new List<byte>();
        var labels = new List<byte>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            string[] fields = line.Split(',');
            if (fields.Length != PixelCount + 1)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected a label and {PixelCount} pixels, found {fields.Length} fields.");
            }
            foreach (string field in fields)
            {
                if (!byte.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: '{field}' is not a value from 0 to 255.");
                }
            }
            labels.Add(byte.Parse(fields[0], CultureInfo.InvariantCulture));
            pixels.AddRange(fields.Skip(1).Select(f => byte.Parse(f, CultureInfo.InvariantCulture)));
        }
        return (pixels.ToArray(), labels.ToArray());
    }

    private static Matrix<double> ToScaledMatrix(byte[] pixels, int imageCount)
    {
        // MathNet stores dense matrices column-major: entry (image, pixel) lives at pixel*N + image.
        var storage = new double[imageCount * PixelCount];
        for (int image = 0; image < imageCount; image++)
        {
            int source = image * PixelCount;
            for (int pixel = 0; pixel < PixelCount; pixel++)
            {
                storage[pixel * imageCount + image] = pixels[source + pixel] / 255.0;
            }
        }
        return Matrix<double>.Build.Dense(imageCount, PixelCount, storage);
    }
}
