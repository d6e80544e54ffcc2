namespace CaseCompliance.Adapters.Streaming;

/// <summary>
/// A scalable Bloom filter of record ids already handed to an earlier window (≈3 bytes per id, false positive
/// rate about 1 in 100,000 per lookup). It is only asked about rows that resolve to no window, to tell a row whose
/// parent is missing from a table that is not in person order; a false positive only makes the scan read the source
/// whole, never changes a result.
/// </summary>
internal sealed class SeenKeys
{
    private const int BitsPerKey = 24;
    private const int Probes = 16;
    private readonly List<(ulong[] Bits, long Capacity)> _filters = [];
    private long _count;

    public void Add(int space, string key)
    {
        if (_filters.Count == 0 || _count >= _filters[^1].Capacity)
        {
            var capacity = _filters.Count == 0 ? 1L << 18 : _filters[^1].Capacity * 2;
            _filters.Add((new ulong[capacity * BitsPerKey / 64], capacity));
            _count = 0;
        }

        var (bits, _) = _filters[^1];
        var (h1, h2) = Hash(space, key);
        var m = (ulong)bits.Length * 64;
        for (var i = 0UL; i < Probes; i++)
        {
            var bit = (h1 + i * h2) % m;
            bits[bit >> 6] |= 1UL << (int)(bit & 63);
        }

        _count++;
    }

    public bool MayContain(int space, string key)
    {
        var (h1, h2) = Hash(space, key);
        foreach (var (bits, _) in _filters)
        {
            var m = (ulong)bits.Length * 64;
            var all = true;
            for (var i = 0UL; i < Probes && all; i++)
            {
                var bit = (h1 + i * h2) % m;
                all = (bits[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>FNV-1a over the space and the key's characters, finished with two different 64-bit mixes.</summary>
    private static (ulong, ulong) Hash(int space, string key)
    {
        var h = 14695981039346656037UL ^ (ulong)space;
        foreach (var c in key)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return (Mix(h), Mix(h ^ 0x9E3779B97F4A7C15UL) | 1);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
