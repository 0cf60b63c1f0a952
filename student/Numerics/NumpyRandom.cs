namespace Assignment1.Numerics;

/// <summary>
/// A re-implementation of NumPy's legacy global generator (<c>np.random.seed</c>, <c>np.random.rand</c>,
/// <c>np.random.randn</c>, <c>np.random.permutation</c>): MT19937 with NumPy's seeding, 53-bit doubles
/// and the polar-method Gaussian. For the same seed it returns the same numbers as NumPy, bit for bit,
/// so that a freshly initialised network here starts from exactly the weights the Python original starts from.
/// </summary>
/// <remarks>Not thread-safe: like NumPy's generator, one instance serves one sequence of calls.</remarks>
public sealed class NumpyRandom
{
    private const int StateLength = 624;
    private const int ShiftSize = 397;
    private const uint MatrixA = 0x9908b0dfU;
    private const uint UpperMask = 0x80000000U;
    private const uint LowerMask = 0x7fffffffU;

    private readonly uint[] _state = new uint[StateLength];
    private int _position;
    private bool _hasSpareGaussian;
    private double _spareGaussian;

    /// <summary>Creates a generator in the state <c>np.random.seed(seed)</c> leaves NumPy's in.</summary>
    /// <param name="seed">The seed, 0 to 2³²−1 as NumPy accepts.</param>
    public NumpyRandom(uint seed)
    {
        // MT19937 init_genrand, as NumPy's mt19937_seed does it.
        _state[0] = seed;
        for (int i = 1; i < StateLength; i++)
        {
            uint previous = _state[i - 1];
            _state[i] = unchecked(1812433253U * (previous ^ (previous >> 30)) + (uint)i);
        }
        _position = StateLength;
    }

    /// <summary>The next raw 32-bit output of MT19937.</summary>
    public uint NextUInt32()
    {
        if (_position >= StateLength)
        {
            Twist();
        }
        uint y = _state[_position++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680U;
        y ^= (y << 15) & 0xefc60000U;
        y ^= y >> 18;
        return y;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits, as <c>np.random.rand()</c>.</summary>
    public double NextDouble()
    {
        uint a = NextUInt32() >> 5;
        uint b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /// <summary>A standard normal sample, as <c>np.random.randn()</c> (legacy polar method, which
    /// produces two samples per accepted pair and keeps the second for the next call).</summary>
    public double NextGaussian()
    {
        if (_hasSpareGaussian)
        {
            _hasSpareGaussian = false;
            return _spareGaussian;
        }

        double x1, x2, r2;
        do
        {
            x1 = 2.0 * NextDouble() - 1.0;
            x2 = 2.0 * NextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        }
        while (r2 >= 1.0 || r2 == 0.0);

        double f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        _spareGaussian = f * x1;
        _hasSpareGaussian = true;
        return f * x2;
    }

    /// <summary>A uniform integer in [0, max], by NumPy's masked rejection sampling (<c>random_interval</c>).</summary>
    public uint NextInterval(uint max)
    {
        if (max == 0)
        {
            return 0;
        }
        uint mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        uint value;
        while ((value = NextUInt32() & mask) > max)
        {
        }
        return value;
    }

    /// <summary>A random permutation of 0..n−1, equal to <c>np.random.permutation(n)</c>
    /// (a Fisher–Yates shuffle that walks from the end of the array).</summary>
    public int[] Permutation(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var indices = new int[n];
        for (int i = 0; i < n; i++)
        {
            indices[i] = i;
        }
        for (int i = n - 1; i >= 1; i--)
        {
            int j = (int)NextInterval((uint)i);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
        return indices;
    }

    /// <summary>Fills a new row-major array of <paramref name="count"/> standard normals, in NumPy's order.</summary>
    public double[] Gaussians(int count)
    {
        var values = new double[count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = NextGaussian();
        }
        return values;
    }

    private void Twist()
    {
        for (int i = 0; i < StateLength; i++)
        {
            uint y = (_state[i] & UpperMask) | (_state[(i + 1) % StateLength] & LowerMask);
            uint next = _state[(i + ShiftSize) % StateLength] ^ (y >> 1);
            _state[i] = (y & 1) != 0 ? next ^ MatrixA : next;
        }
        _position = 0;
    }
}
