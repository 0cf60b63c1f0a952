using Assignment1.Numerics.Gemm;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Assignment1.Bench;

/// <summary>The two providers compared.</summary>
public static class Providers
{
    /// <summary>Makes MathNet use "managed" (its own provider) or "fast" (<see cref="FastLinearAlgebraProvider"/>).</summary>
    /// <exception cref="ArgumentException">Another name.</exception>
    public static void Use(string provider)
    {
        switch (provider)
        {
            case "managed":
                LinearAlgebraControl.UseManaged();
                break;
            case "fast":
                LinearAlgebraControl.Provider = new FastLinearAlgebraProvider();
                break;
            default:
                throw new ArgumentException($"Unknown provider '{provider}': use managed or fast.");
        }
    }
}
