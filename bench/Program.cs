using System.Globalization;
using System.Text.Json;
using Assignment1.Bench;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench -p:Reference=true -- kernels                 GEMM at the assignment's shapes (BenchmarkDotNet), both providers; kernel vs FMA peak
// dotnet run -c Release --project bench -p:Reference=true -- steps                   the parts of a two-layer training step (BenchmarkDotNet), scaled to an epoch
// dotnet run -c Release --project bench -p:Reference=true -- epochs [--epochs N]     both default configs, both providers, one child process per run
// dotnet run -c Release --project bench -p:Reference=true -- compare [--epochs N] [--rounds R] [--python PATH]   this project against NumPy+OpenBLAS running the original's code, runs alternating
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string repository = FindRepository();

switch (args)
{
    case ["kernels", ..]:
    {
        var summaries = BenchmarkRunner.Run([typeof(GemmBenchmarks), typeof(KernelBenchmarks), typeof(PeakBenchmarks)], args: args[1..]);
        var reports = summaries.SelectMany(s => s.Reports).ToList();
        double Seconds(string type, Func<BenchmarkDotNet.Parameters.ParameterInstances, bool> match) =>
            MeanSeconds(reports, c => c.Descriptor.Type.Name == type && match(c.Parameters));

        Console.WriteLine("\nAs students call them (a new result matrix each time), MathNet's provider and ours in the same run:");
        Console.WriteLine("\n| product | MathNet managed GFLOP/s | ours GFLOP/s | ratio |\n|---|---|---|---|");
        foreach (var shape in GemmBenchmarks.Shapes)
        {
            double Gflops(string provider) => shape.Flops / Seconds(nameof(GemmBenchmarks),
                p => p["Shape"]?.ToString() == shape.Name && (string)p["Provider"] == provider) / 1e9;
            double managed = Gflops("managed"), fast = Gflops("fast");
            if (double.IsNaN(managed) && double.IsNaN(fast))
            {
                continue; // left out by --filter
            }
            Console.WriteLine($"| {shape.Name} | {managed:F1} | {fast:F1} | {fast / managed:F1}x |");
        }

        Console.WriteLine("\nThe kernel alone (C allocated once) against the FMA peak measured on as many threads:");
        Console.WriteLine("\n| product | threads | GFLOP/s | peak GFLOP/s | % of peak |\n|---|---|---|---|---|");
        foreach (var shape in KernelBenchmarks.Shapes)
        {
            foreach (int threads in new[] { 1, 2 })
            {
                double gflops = shape.Flops / Seconds(nameof(KernelBenchmarks), p => p["Shape"]?.ToString() == shape.Name && (int)p["Threads"] == threads) / 1e9;
                double peak = PeakBenchmarks.Flops(threads) / Seconds(nameof(PeakBenchmarks), p => (int)p["Threads"] == threads) / 1e9;
                if (double.IsNaN(gflops))
                {
                    continue; // left out by --filter
                }
                Console.WriteLine($"| {shape.Name} | {threads} | {gflops:F1} | {peak:F1} | {100 * gflops / peak:F0}% |");
            }
        }
        return 0;
    }
    case ["steps", ..]:
    {
        var summary = BenchmarkRunner.Run<StepCostBenchmarks>(args: args[1..]);
        double Microseconds(string method) => 1e6 * MeanSeconds(summary.Reports, c => c.Descriptor.WorkloadMethod.Name == method);
        int batches = StepCostBenchmarks.BatchesPerEpoch;
        Console.WriteLine($"\nOne two-layer training step (batch 64, our provider), and the same times {batches} (the batches of an epoch):");
        Console.WriteLine("\n| part | µs per batch | s per epoch |\n|---|---|---|");
        foreach (var (method, label) in new[]
        {
            (nameof(StepCostBenchmarks.ShuffledBatch), "building the shuffled batch (SelectRows)"),
            (nameof(StepCostBenchmarks.ShuffledBatchWithoutPrefetch), "the same gather without prefetching"),
            (nameof(StepCostBenchmarks.ForwardAndBackward), "forward and backward pass (reference)"),
            (nameof(StepCostBenchmarks.SgdStep), "SGD step (reference: a new matrix per operator)"),
            (nameof(StepCostBenchmarks.SgdStepWithoutAllocating), "SGD step, same arithmetic into matrices allocated once"),
            (nameof(StepCostBenchmarks.NewW1SizedMatrix), "one new 784x128 matrix (the step makes five)"),
        })
        {
            double us = Microseconds(method);
            if (double.IsNaN(us))
            {
                continue; // left out by --filter
            }
            Console.WriteLine($"| {label} | {us:F0} | {us * batches / 1e6:F3} |");
        }
        double epoch = (Microseconds(nameof(StepCostBenchmarks.ShuffledBatch)) + Microseconds(nameof(StepCostBenchmarks.ForwardAndBackward))
            + Microseconds(nameof(StepCostBenchmarks.SgdStep))) * batches / 1e6;
        if (!double.IsNaN(epoch))
        {
            Console.WriteLine($"\nBatches, forward/backward and SGD steps of one epoch: {epoch:F2} s (validation not included).");
        }
        return 0;
    }
    case ["epochs", ..]:
    {
        if (!TryCount(args, "--epochs", 0, out int count))
        {
            return 2;
        }
        int? epochs = count > 0 ? count : null; // null: the configs' own epochs
        string mnist = Environment.GetEnvironmentVariable("MNIST_DIR") ?? Path.Combine(repository, "data", "mnist");
        var runs = new List<EpochRun>();
        foreach (string config in new[] { "config_twolayer.yaml", "config_softmax.yaml" })
        {
            foreach (string provider in new[] { "managed", "fast" })
            {
                Console.Error.WriteLine($"training {config} on the {provider} provider ...");
                runs.Add(EpochRun.InChildProcess(provider, Path.Combine(repository, "configs", config), epochs, mnist));
            }
        }
        Console.WriteLine("| config | provider | median s/epoch | all epochs (s) | test accuracy | peak MB |\n|---|---|---|---|---|---|");
        foreach (var run in runs)
        {
            Console.WriteLine($"| {run.Config} | {run.Provider} | {run.MedianSeconds:F2} | {string.Join(" ", run.EpochSeconds.Select(s => s.ToString("F2")))} | {run.TestAccuracy:F4} | {run.PeakMegabytes:F0} |");
        }
        foreach (var config in runs.GroupBy(r => r.Config))
        {
            var managed = config.Single(r => r.Provider == "managed");
            var fast = config.Single(r => r.Provider == "fast");
            Console.WriteLine($"{config.Key}: ours {managed.MedianSeconds / fast.MedianSeconds:F1}x faster per epoch; test accuracy differs by {Math.Abs(managed.TestAccuracy - fast.TestAccuracy):F4}");
        }
        return 0;
    }
    case ["compare", ..]:
    {
        if (!TryCount(args, "--epochs", 10, out int epochs) || !TryCount(args, "--rounds", 1, out int rounds))
        {
            return 2;
        }
        string mnist = Environment.GetEnvironmentVariable("MNIST_DIR") ?? Path.Combine(repository, "data", "mnist");
        string? python = NumpySide.FindPython(Option(args, "--python"), out string note);
        Console.Error.WriteLine(note);
        var runs = new List<EpochRun>();
        // Alternating runs, so that a noisy neighbour slows both sides alike.
        for (int round = 1; round <= rounds; round++)
        {
            foreach (var (config, model) in new[] { ("config_twolayer.yaml", "TwoLayerNet"), ("config_softmax.yaml", "SoftmaxRegression") })
            {
                Console.Error.WriteLine($"round {round}: {config}, this project ...");
                runs.Add(EpochRun.InChildProcess("fast", Path.Combine(repository, "configs", config), epochs, mnist));
                if (python is not null)
                {
                    Console.Error.WriteLine($"round {round}: {config}, NumPy ...");
                    runs.Add(NumpySide.Measure(python, repository, model, config, epochs, mnist));
                }
            }
        }
        Console.WriteLine(ComparisonTable.Render(runs, epochs, rounds, note));
        return 0;
    }
    case ["epoch-run", string provider, string config, string epochs, string mnist]:
        Console.WriteLine(JsonSerializer.Serialize(EpochRun.Measure(provider, config, epochs == "-" ? null : int.Parse(epochs), mnist == "-" ? null : mnist)));
        return 0;
    default:
        Console.Error.WriteLine("usage: bench kernels [BenchmarkDotNet options] | bench steps [BenchmarkDotNet options] | bench epochs [--epochs N] | bench compare [--epochs N] [--rounds R] [--python PATH]");
        return 2;
}

// The mean time of the first benchmark case that matches, in seconds; NaN when none ran (left out by --filter, or failed).
static double MeanSeconds(IEnumerable<BenchmarkDotNet.Reports.BenchmarkReport> reports, Func<BenchmarkDotNet.Running.BenchmarkCase, bool> match) =>
    reports.Where(r => match(r.BenchmarkCase)).Select(r => (r.ResultStatistics?.Mean ?? double.NaN) / 1e9).FirstOrDefault(double.NaN);

// A whole number of at least 1 given as `name N`, or the default; false (after saying why) for anything else.
static bool TryCount(string[] arguments, string name, int defaultValue, out int value)
{
    value = defaultValue;
    if (Array.IndexOf(arguments, name) < 0)
    {
        return true;
    }
    string? text = Option(arguments, name);
    if (int.TryParse(text, out value) && value >= 1)
    {
        return true;
    }
    Console.Error.WriteLine($"{name} is '{text}'; expected a whole number of at least 1.");
    return false;
}

static string? Option(string[] arguments, string name) =>
    Array.IndexOf(arguments, name) is int i and >= 0 && i + 1 < arguments.Length ? arguments[i + 1] : null;

static string FindRepository()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "Assignment1.sln")))
        {
            return folder.FullName;
        }
    }
    throw new InvalidOperationException("Run the benchmarks from inside the repository (no Assignment1.sln above " + AppContext.BaseDirectory + ").");
}
