namespace CaseCompliance.Adapters.Reading;

/// <summary>
/// Input that could not be used (a row of rejected.csv). The problem text names the field and why, and quotes a
/// value only when it is a code or a date: never free text from a record.
/// </summary>
public sealed record Rejection(string Source, string File, string Line, string? RecordId, string Field, string Problem);

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

    /// <summary>How many distinct input rows of a source had at least one rejected field.</summary>
    public int RowsRejected(string source)
    {
        lock (_lock)
        {
            return _rows.Count(r => r.Source == source);
        }
    }
}
