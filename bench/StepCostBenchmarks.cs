using Assignment1.Models;
using Assignment1.Numerics;
using Assignment1.Numerics.Gemm;
using Assignment1.Optimizers;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;

namespace Assignment1.Bench;

/// <summary>
/// The parts of one two-layer training step (batch 64) as the reference solution runs them on our provider, next to
/// the same SGD arithmetic done without allocating. Program scales them to an epoch (<see cref="BatchesPerEpoch"/>
/// batches) to show where the time goes: the student-style step allocates five W1-sized (800 KB) matrices per
/// batch, and fresh memory costs more than the arithmetic on it.
/// </summary>
[Config(typeof(ReferenceBuildConfig))]
[MemoryDiagnoser]
public class StepCostBenchmarks
{
    /// <summary>Training batches per epoch of the default configs: 50,000 training images in batches of 64.</summary>
    public const int BatchesPerEpoch = (50_000 + 63) / 64;

    private const double LearningRate = 0.1, Reg = 5e-4;

    private TwoLayerNet _model = null!;
    private Sgd _sgd = null!;
    private Matrix<double> _batch = null!, _images = null!;
    private int[] _labels = [], _shuffledRows = [];
    private int _nextBatch;
    private Matrix<double>[] _scratch = [];

    /// <summary>A batch of standard normals, a model with its gradients for it, and a 50,000×784 image matrix to pick batches from.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Providers.Use("fast");
        var random = new NumpyRandom(7);
        _batch = Matrix<double>.Build.DenseOfColumnMajor(64, 784, random.Gaussians(64 * 784));
        _labels = Enumerable.Range(0, 64).Select(i => i % 10).ToArray();
        _model = new TwoLayerNet();
        _model.Forward(_batch, _labels);
        _sgd = new Sgd(LearningRate, Reg);
        _scratch = _model.Weights.Values.Select(w => Matrix<double>.Build.Dense(w.RowCount, w.ColumnCount)).ToArray();
        _images = Matrix<double>.Build.DenseOfColumnMajor(50_000, 784, random.Gaussians(50_000 * 784));
        _shuffledRows = random.Permutation(50_000);
    }

    /// <summary>The reference's forward and backward pass (all four gradients): six products, one of them W1-sized.</summary>
    [Benchmark]
    public double ForwardAndBackward() => _model.Forward(_batch, _labels).Loss;

    /// <summary>The reference's SGD step: <c>dW += λ·W</c>, <c>W = W − η·dW</c>, each operator a new matrix.</summary>
    [Benchmark]
    public void SgdStep() => _sgd.Update(_model);

    /// <summary>The same arithmetic, the same passes over memory, into matrices allocated once.</summary>
    [Benchmark]
    public void SgdStepWithoutAllocating()
    {
        int i = 0;
        foreach (var (name, weight) in _model.Weights)
        {
            var step = _scratch[i++];
            if (Optimizer.IsWeight(name))
            {
                weight.Multiply(Reg, step);
                _model.Gradients[name].Add(step, step);
                step.Multiply(LearningRate, step);
            }
            else
            {
                _model.Gradients[name].Multiply(LearningRate, step);
            }
            weight.Subtract(step, weight);
        }
    }

    /// <summary>One new W1-sized (784×128, 800 KB) matrix, as each operator of the SGD step makes.</summary>
    [Benchmark]
    public Matrix<double> NewW1SizedMatrix() => Matrix<double>.Build.Dense(784, 128);

    /// <summary>
    /// One shuffled batch as students build it: <c>SelectRows</c> of the next 64 rows of a permutation of the 50,000
    /// training images. Each call takes rows it has not touched for hundreds of calls, as an epoch does: the same 64
    /// rows every time would sit in the cache (3.2 MB of lines) and measure a quarter of the real cost.
    /// </summary>
    [Benchmark]
    public Matrix<double> ShuffledBatch() => _images.SelectRows(NextBatchRows());

    /// <summary><see cref="ShuffledBatch"/> without the gather's prefetching: what the prefetch saves.</summary>
    [Benchmark]
    public double[] ShuffledBatchWithoutPrefetch()
    {
        int[] rows = NextBatchRows();
        var selected = GC.AllocateUninitializedArray<double>(rows.Length * _images.ColumnCount);
        RowGather.Gather(_images.AsColumnMajorArray(), _images.RowCount, _images.ColumnCount, rows, selected, Environment.ProcessorCount, prefetch: false);
        return selected;
    }

    private int[] NextBatchRows()
    {
        int start = _nextBatch++ % (_shuffledRows.Length / 64) * 64;
        return _shuffledRows[start..(start + 64)];
    }
}
