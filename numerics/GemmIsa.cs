using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Assignment1.Numerics.Gemm;

/// <summary>The instruction set a GEMM runs on: vectors of 8, 4, 2 or 1 doubles, each with fused multiply-add.</summary>
public enum GemmIsa
{
    /// <summary>AVX-512: 8 doubles per vector.</summary>
    Vector512,

    /// <summary>AVX2 + FMA: 4 doubles per vector.</summary>
    Vector256,

    /// <summary>SSE/NEON with FMA: 2 doubles per vector.</summary>
    Vector128,

    /// <summary>One double at a time (Math.FusedMultiplyAdd): the reference path for tests, never chosen automatically.</summary>
    Scalar,
}

/// <summary>What this machine can run.</summary>
public static class GemmIsaSupport
{
    /// <summary>Whether <paramref name="isa"/> runs in hardware here (Scalar always does).</summary>
    public static bool IsSupported(GemmIsa isa) => isa switch
    {
        GemmIsa.Vector512 => Vector512.IsHardwareAccelerated && Avx512F.IsSupported,
        GemmIsa.Vector256 => Vector256.IsHardwareAccelerated && Fma.IsSupported,
        GemmIsa.Vector128 => Vector128.IsHardwareAccelerated && (Fma.IsSupported || AdvSimd.IsSupported),
        _ => true,
    };

    /// <summary>The widest vector ISA with hardware FMA, or null when there is none (then MathNet's own provider is faster).</summary>
    public static GemmIsa? Best() =>
        new[] { GemmIsa.Vector512, GemmIsa.Vector256, GemmIsa.Vector128 }.Where(IsSupported).Cast<GemmIsa?>().FirstOrDefault();
}
