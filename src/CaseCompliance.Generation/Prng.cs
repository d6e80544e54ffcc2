namespace CaseCompliance.Generation;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small, fast generator whose output is fixed by its published algorithm,
/// so the same seed gives the same caseload on every machine and runtime (System.Random's algorithm is unspecified).
/// Each child gets its own stream from (seed, child number), so a child's story never depends on another's.
/// </summary>
public struct Prng
{
    private ulong _s0, _s1, _s2, _s3;

    public Prng(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The stream of one child (or of the staff directory, <paramref name="stream"/> −1) of a seed.</summary>
    public static Prng For(ulong seed, long stream)
    {
        var x = seed ^ 0x5DEECE66DUL;
        var a = SplitMix64(ref x);
        return new Prng(a ^ ((ulong)stream * 0x9E3779B97F4A7C15UL));
    }

    public ulong Next()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>0 ≤ result &lt; <paramref name="n"/> (multiply-shift; the bias is far below anything a caseload shows).</summary>
    public int Below(int n) => n <= 1 ? 0 : (int)(((Next() >> 32) * (ulong)n) >> 32);

    /// <summary><paramref name="lo"/> ≤ result ≤ <paramref name="hi"/>.</summary>
    public int Between(int lo, int hi) => hi <= lo ? lo : lo + Below(hi - lo + 1);

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => p > 0 && (p >= 1 || NextDouble() < p);

    public T Pick<T>(T[] items) => items[Below(items.Length)];

    private static ulong SplitMix64(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
