namespace CaseCompliance.Adapters.Reading;

/// <summary>
/// Input that could not be used (a row of rejected.csv). The problem text names the field and why, and quotes a
/// value only when it is a code or a date: never free text from a record.
/// </summary>
public sealed record Rejection(string Source, string File, string Line, string? RecordId, string Field, string Problem)
{
    /// <summary>The longest record id or quoted value a rejection carries: a damaged row must not carry a whole
    /// record (names, dates of birth) into rejected.csv through a field that swallowed it.</summary>
    public const int MaxText = 64;

    /// <summary>Cuts text to <see cref="MaxText"/> characters, marking the cut.</summary>
    public static string? Cut(string? text) =>
        text is null || text.Length <= MaxText ? text : text[..(MaxText - 1)] + "…";
}

/// <summary>Collects rejections; thread-safe so that sources can be read side by side.</summary>
public sealed class RejectionLog
{
    private readonly List<Rejection> _items = [];
    private readonly HashSet<(string Source, string File, string Line)> _rows = [];
    private readonly Lock _lock = new();

    public void Add(Rejection rejection)
    {
        lock (_lock)
        {
            _items.Add(rejection);
            _rows.Add((rejection.Source, rejection.File, rejection.Line));
        }
    }

    /// <summary>Whether a rejection of this source, file and line is already logged.</summary>
    public bool Has(string source, string file, string line)
    {
        lock (_lock)
        {
            return _rows.Contains((source, file, line));
        }
    }

    public IReadOnlyList<Rejection> Items
    {
        get
        {
            lock (_lock)
            {
                return [.. _items];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Drops the rejections added after the first <paramref name="count"/> that <paramref name="drop"/> picks
    /// (all of them by default): a source read again from the start, or a table every window reads again.</summary>
    public void RemoveAfter(int count, Func<Rejection, bool>? drop = null)
    {
        lock (_lock)
        {
            var removed = 0;
            for (var i = _items.Count - 1; i >= count; i--)
            {
                if (drop is null || drop(_items[i]))
                {
                    _items.RemoveAt(i);
                    removed++;
                }
            }

            if (removed > 0)
            {
                _rows.Clear();
                _rows.UnionWith(_items.Select(r => (r.Source, r.File, r.Line)));
            }
        }
    }

    /// <summary>How many distinct input rows of a source had at least one rejected field.</summary>
    public int RowsRejected(string source)
    {
        lock (_lock)
        {
            return _rows.Count(r => r.Source == source);
        }
    }
}
