using System.Globalization;
using Assignment1.Cli;
using Assignment1.Numerics.Gemm;

// The training CLI: dotnet run --project student -c Release -- --config configs/config_twolayer.yaml
// Also the report's studies: ... -- gradcheck --config FILE, and ... -- sweep configs/sweep_lr.yaml (--help lists all).
// Exit codes: 0 done; 1 your code threw or is not implemented yet; 2 bad arguments, config or data.

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
// Matrix products (x * w and friends) on our vectorized, multi-threaded kernel instead of MathNet's managed one.
FastLinearAlgebraProvider.Register();

return TrainingCommandLine.Invoke(args);
