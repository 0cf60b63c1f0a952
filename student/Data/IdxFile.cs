using System.Buffers.Binary;
using System.IO.Compression;

namespace Assignment1.Data;

/// <summary>
/// Reads the IDX format MNIST is distributed in (big-endian header: magic, then one 32-bit size per
/// dimension, then unsigned bytes), raw or gzipped.
/// </summary>
public static class IdxFile
{
    private const int UnsignedByteType = 0x08;

    /// <summary>Reads an IDX file of unsigned bytes.</summary>
    /// <returns>The sizes of its dimensions and its bytes in row-major order.</returns>
    /// <exception cref="InvalidDataException">The file is not an IDX file of bytes, or is truncated.</exception>
    public static (int[] Dimensions, byte[] Data) Read(string path)
    {
        byte[] bytes = ReadAllBytes(path);
        if (bytes.Length < 4 || bytes[0] != 0 || bytes[1] != 0 || bytes[2] != UnsignedByteType)
        {
            throw new InvalidDataException($"{path} is not an IDX file of unsigned bytes (bad magic number). Delete it and fetch MNIST again.");
        }

        int rank = bytes[3];
        int headerLength = 4 + 4 * rank;
        if (bytes.Length < headerLength)
        {
            throw new InvalidDataException($"{path} is truncated inside its header. Delete it and fetch MNIST again.");
        }
        var dimensions = new int[rank];
        long count = 1;
        for (int d = 0; d < rank; d++)
        {
            dimensions[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            count *= dimensions[d];
        }
        if (bytes.Length - headerLength != count)
        {
            throw new InvalidDataException(
                $"{path} should hold {count} values after its header but holds {bytes.Length - headerLength}. Delete it and fetch MNIST again.");
        }
        return (dimensions, bytes[headerLength..]);
    }

    private static byte[] ReadAllBytes(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return File.ReadAllBytes(path);
        }
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }
}
