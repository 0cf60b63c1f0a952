using Assignment1.Numerics.Gemm;
using MathNet.Numerics;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Assignment1.TestRunner;

/// <summary>
/// Puts MathNet's process-wide settings back to what the tests expect: the kit's fast matrix products (or MathNet's
/// managed provider where the machine lacks FMA), and multi-threading on. Run before every test, so that a provider or setting installed by a
/// submission (which the static rules refuse anyway) can never answer a later test.
/// </summary>
public static class GenuineProviders
{
    /// <summary>Installs the genuine providers and checks that they are in place.</summary>
    /// <exception cref="InvalidOperationException">Something other than MathNet's or the kit's provider is installed afterwards.</exception>
    public static void Install()
    {
        // Cheap enough to run before every test: Control.UseDefaultProviders would probe for native libraries each time.
        FastLinearAlgebraProvider.Register();
        if (LinearAlgebraControl.Provider is not FastLinearAlgebraProvider && LinearAlgebraControl.Provider.GetType().Assembly != typeof(Control).Assembly)
        {
            LinearAlgebraControl.UseManaged();
        }
        Control.UseMultiThreading();
        var provider = LinearAlgebraControl.Provider.GetType();
        if (provider != typeof(FastLinearAlgebraProvider) && provider.Assembly != typeof(Control).Assembly)
        {
            throw new InvalidOperationException($"The linear algebra provider is {provider.FullName}, not a genuine one.");
        }
    }
}
