using System.Security.Cryptography;
using System.Text.Json;
using Assignment1.Grader.Tests.Support;
using Assignment1.Models;
using Assignment1.Numerics;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Grader.Tests;

/// <summary>
/// The NumPy-compatible generator and the initial weights equal NumPy's bit for bit. Expected values come from
/// Fixtures/numpy_reference.json, written by grader/dev/make_numpy_fixtures.py with real NumPy.
/// </summary>
[TestFixture]
public class NumpyCompatibilityTests
{
    private static readonly JsonElement NumPy =
        JsonDocument.Parse(File.ReadAllText(Repository.TestFile("Fixtures", "numpy_reference.json"))).RootElement;

    [TestCase(1024u, "seed1024_first_normals")]
    [TestCase(256u, "seed256_first_normals")]
    public void Randn_FirstSamples_EqualNumPyExactly(uint seed, string key)
    {
        var random = new NumpyRandom(seed);
        double[] expected = NumPy.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        expected.Select(_ => random.NextGaussian()).Should().Equal(expected);
    }

    [Test]
    public void Randn_FirstSamples_EqualTheFactsFile()
    {
        // The values the original's facts give, independent of the JSON fixture.
        var random = new NumpyRandom(1024);
        new[] { random.NextGaussian(), random.NextGaussian(), random.NextGaussian() }
            .Should().Equal(2.1244486275782046, 0.25264612773625833, 1.4541787617796351);
    }

    [Test]
    public void Rand_FirstSamples_EqualNumPyExactly()
    {
        var random = new NumpyRandom(1024);
        double[] expected = NumPy.GetProperty("seed1024_first_uniforms").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        expected.Select(_ => random.NextDouble()).Should().Equal(expected);
    }

    [Test]
    public void Permutation_EqualsNumPyExactly()
    {
        int[] expected = NumPy.GetProperty("seed7_permutation_10").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        new NumpyRandom(7).Permutation(10).Should().Equal(expected);
        double[] large = new NumpyRandom(1024).Permutation(48000).Select(i => (double)i).ToArray();
        Sha256(large).Should().Be(NumPy.GetProperty("sha256_seed1024_permutation_48000_as_f64").GetString());
    }

    [Test]
    public void FreshSoftmaxRegression_W1_EqualsNumPyBitForBit()
    {
        Sha256(new SoftmaxRegression().Weights["W1"]).Should().Be(NumPy.GetProperty("sha256_seed1024_0.001randn_784x10").GetString());
    }

    [Test]
    public void FreshTwoLayerNet_Weights_EqualNumPyBitForBit_AndBiasesAreZero()
    {
        var model = new TwoLayerNet();
        Sha256(model.Weights["W1"]).Should().Be(NumPy.GetProperty("sha256_seed1024_0.001randn_784x128").GetString());
        Sha256(model.Weights["W2"]).Should().Be(NumPy.GetProperty("sha256_seed1024_0.001randn_128x10").GetString());
        model.Weights["b1"].Enumerate().Should().OnlyContain(v => v == 0.0).And.HaveCount(128);
        model.Weights["b2"].Enumerate().Should().OnlyContain(v => v == 0.0).And.HaveCount(10);
    }

    [Test]
    public void SgdTestGradient_EqualsNumPyBitForBit()
    {
        var gradient = Matrix<double>.Build.DenseOfRowMajor(784, 10, new NumpyRandom(256).Gaussians(7840));
        Sha256(gradient).Should().Be(NumPy.GetProperty("sha256_seed256_randn_784x10").GetString());
    }

    private static string Sha256(Matrix<double> matrix) => Sha256(matrix.ToRowMajorArray());

    private static string Sha256(double[] values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
