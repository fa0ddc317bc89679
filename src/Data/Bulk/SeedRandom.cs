using System.Runtime.CompilerServices;

namespace Admin.Data.Bulk;

/// <summary>
/// The cheap, seeded PRNG the generator draws per-row values from (xoshiro256**), plus stateless hashes
/// (SplitMix64) for values that must be a pure function of a key, such as a person's attributes.
/// A struct held in a field: no allocation, no virtual calls, and the same sequence for the same seed everywhere.
/// </summary>
internal struct SeedRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SeedRandom(ulong seed)
    {
        // SplitMix64 expands the seed so that nearby seeds start far apart (and the state is never all zero).
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitRotate(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitRotate(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n) without division (Lemire's multiply-shift; the bias is below 2^-32 for our n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Chance(double p) => NextDouble() < p;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong BitRotate(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    /// <summary>SplitMix64's finaliser: a bijection on 64 bits with good avalanche, used as a stateless hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A hash of (key, stream): one independent 64-bit value per stream number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ulong key, ulong stream) => Mix(key + (stream + 1) * 0x9E3779B97F4A7C15UL);

    /// <summary>The top 53 bits of a hash as a double in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    /// <summary>Bits of a hash as an index in [0, n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Index(ulong hash, int n) => (int)(((hash & 0xFFFFFFFFUL) * (ulong)n) >> 32);
}
