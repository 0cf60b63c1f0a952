using Assignment1.Numerics.Gemm;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Assignment1.Grader.Tests.Support;

/// <summary>
/// Runs the same work on MathNet's managed provider and then on ours, and puts back whichever provider was
/// registered. It swaps the process-wide provider, so tests that call it must be <c>[NonParallelizable]</c>.
/// </summary>
public static class BothProviders
{
    /// <summary>The results of <paramref name="work"/> on MathNet's managed provider and on <see cref="FastLinearAlgebraProvider"/>.</summary>
    public static (T Managed, T Fast) Run<T>(Func<T> work)
    {
        var previous = LinearAlgebraControl.Provider;
        try
        {
            LinearAlgebraControl.UseManaged();
            T managed = work();
            LinearAlgebraControl.Provider = new FastLinearAlgebraProvider();
            return (managed, work());
        }
        finally
        {
            LinearAlgebraControl.Provider = previous;
        }
    }
}
