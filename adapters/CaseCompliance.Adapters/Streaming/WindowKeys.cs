namespace CaseCompliance.Adapters.Streaming;

/// <summary>
/// Record ids across the windows of a streamed extract. A window's reader rejects a second row with an id within
/// the window exactly; an id that also stood in an earlier window (two children sharing a record id, a damaged
/// export) can only be suspected there, since holding every id of a national extract exactly would cost more memory
/// than the windows save. Each id is checked against a Bloom filter of the ids of earlier windows, and the few that
/// may have been seen before are kept; when the stream ends they are counted exactly in their tables, and a true
/// repeat makes the scan read the source whole, so that the second row is rejected exactly as in a whole read.
/// </summary>
public sealed class WindowKeys
{
    private readonly SeenKeys _seen = new();
    private readonly Dictionary<(string Table, string Column), int> _spaces = [];
    private readonly Dictionary<(string Table, string Column), HashSet<string>> _suspects = [];

    /// <summary>Ids that may have stood in an earlier window, by table and column.</summary>
    public IReadOnlyDictionary<(string Table, string Column), HashSet<string>> Suspects => _suspects;

    /// <summary>Notes an id read in the current window (after the window's own exact check).</summary>
    public void See(string table, string column, string id)
    {
        if (!_spaces.TryGetValue((table, column), out var space))
        {
            space = 1_000 + _spaces.Count;
            _spaces[(table, column)] = space;
        }

        if (!_seen.AddIfNew(space, id))
        {
            if (!_suspects.TryGetValue((table, column), out var ids))
            {
                ids = new HashSet<string>(StringComparer.Ordinal);
                _suspects[(table, column)] = ids;
            }

            ids.Add(id);
        }
    }
}

/// <summary>A window's tables, with the ids of the windows before it.</summary>
public interface IStreamWindow
{
    WindowKeys Keys { get; }
}
