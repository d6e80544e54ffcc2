namespace CaseCompliance.Adapters.Streaming;

/// <summary>
/// A scalable, blocked Bloom filter of record ids already handed to an earlier window (4 bytes per id; a false
/// positive about 1 in 100,000 per filter and look-up). Each id sets 8 bits within one 512-bit block, so a look-up or an addition
/// costs one cache line per filter and no division; filters double in capacity as ids come. A false positive only
/// makes the caller check exactly (or read the source whole), never changes a result.
/// </summary>
internal sealed class SeenKeys
{
    private const int BitsPerKey = 32;
    private const int Probes = 8;
    private const int WordsPerBlock = 8;
    private readonly List<ulong[]> _filters = [];
    private long _capacity;
    private long _count;

    public void Add(int space, string key) => Add(Hash(space, key));

    public bool MayContain(int space, string key) => MayContain(Hash(space, key));

    /// <summary>Adds the id and says whether it may have been added before (one hash for both).</summary>
    public bool AddIfNew(int space, string key)
    {
        var hash = Hash(space, key);
        var seen = MayContain(hash);
        Add(hash);
        return !seen;
    }

    private void Add((ulong Block, ulong Bits) hash)
    {
        if (_filters.Count == 0 || _count >= _capacity)
        {
            _capacity = _filters.Count == 0 ? 1L << 20 : _capacity * 2;
            _filters.Add(new ulong[_capacity * BitsPerKey / 64]);
            _count = 0;
        }

        var words = _filters[^1];
        var block = Block(words, hash.Block);
        for (var i = 0; i < Probes; i++)
        {
            var bit = (int)((hash.Bits >> (i * 7)) & 511);
            words[block + (bit >> 6)] |= 1UL << (bit & 63);
        }

        _count++;
    }

    private bool MayContain((ulong Block, ulong Bits) hash)
    {
        foreach (var words in _filters)
        {
            var block = Block(words, hash.Block);
            var all = true;
            for (var i = 0; i < Probes && all; i++)
            {
                var bit = (int)((hash.Bits >> (i * 7)) & 511);
                all = (words[block + (bit >> 6)] & (1UL << (bit & 63))) != 0;
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first word of the id's block: filters hold a power of two of blocks, so a mask picks one.</summary>
    private static int Block(ulong[] words, ulong hash) => (int)(hash & (ulong)((words.Length / WordsPerBlock) - 1)) * WordsPerBlock;

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
