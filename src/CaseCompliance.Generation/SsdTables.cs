namespace CaseCompliance.Generation;

/// <summary>
/// Rows of the Standard Safeguarding Dataset and <c>cc_</c> extension tables (extracts.md, <c>standard</c>), by table:
/// either the shared directory (departments, professionals) or everything about one child. Every format writer takes
/// these, so the four formats of one generated caseload hold the same children and events.
/// </summary>
public sealed class SsdTables
{
    private readonly Dictionary<string, List<IReadOnlyDictionary<string, string>>> _tables = new(StringComparer.Ordinal);

    /// <summary>The child's person id (null for the shared directory).</summary>
    public string? PersonId { get; init; }

    public IReadOnlyCollection<string> Tables => _tables.Keys;

    /// <summary>Adds a row; columns not given are empty.</summary>
    public SsdTables Add(string table, params (string Column, string? Value)[] values)
    {
        if (!_tables.TryGetValue(table, out var rows))
        {
            _tables[table] = rows = [];
        }

        rows.Add(values.Where(v => v.Value is not null).ToDictionary(v => v.Column, v => v.Value!, StringComparer.Ordinal));
        return this;
    }

    /// <summary>The rows of a table (empty when none).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string table) =>
        _tables.TryGetValue(table, out var rows) ? rows : [];
}

/// <summary>Writes extracts of one format from SSD-shaped rows, child by child (streaming: nothing is kept per child).</summary>
public interface IExtractSink : IDisposable
{
    /// <summary><c>standard</c>, <c>liquidlogic</c>, <c>mosaic</c>, <c>carefirst</c> or <c>ssda903</c>.</summary>
    string Format { get; }

    /// <summary>The shared tables (departments/teams, professionals/workers), once, before any child.</summary>
    void Directory(SsdTables tables);

    /// <summary>Every row about one child.</summary>
    void Child(SsdTables tables);
}
