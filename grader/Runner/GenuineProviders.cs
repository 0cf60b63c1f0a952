using Assignment1.Numerics.Gemm;
using MathNet.Numerics;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Assignment1.TestRunner;

/// <summary>
/// Puts MathNet's process-wide settings back to what the tests expect: its default providers, then the kit's fast
/// matrix products, and multi-threading on. Run before every test, so that a provider or setting installed by a
/// submission (which the static rules refuse anyway) can never answer a later test.
/// </summary>
public static class GenuineProviders
{
    /// <summary>Installs the genuine providers and checks that they are in place.</summary>
    /// <exception cref="InvalidOperationException">Something other than MathNet's or the kit's provider is installed afterwards.</exception>
    public static void Install()
    {
        Control.UseDefaultProviders();
        Control.UseMultiThreading();
        FastLinearAlgebraProvider.Register();
        var provider = LinearAlgebraControl.Provider.GetType();
        if (provider != typeof(FastLinearAlgebraProvider) && provider.Assembly != typeof(Control).Assembly)
        {
            throw new InvalidOperationException($"The linear algebra provider is {provider.FullName}, not a genuine one.");
        }
    }
}
