namespace CaseCompliance.Adapters.Tables;

/// <summary>Where an adapter's tables come from: a folder of CSV files, or (later) an HTTP endpoint.</summary>
public interface ITableSource
{
    /// <summary>Human description of the location, for messages (a folder path or base address).</summary>
    string Location { get; }

    /// <summary>Whether the table is there at all.</summary>
    bool Exists(string table);

    /// <summary>The name a table has in messages and rejected.csv (a file name or URL).</summary>
    string Describe(string table);

    /// <summary>Streams the rows of a table. Throws <see cref="SourceFailedException"/> if it cannot be read.</summary>
    IEnumerable<TableRow> Read(string table, CancellationToken cancellationToken = default);

    /// <summary>The table's columns when the source knows them without rows (a CSV header); null when only rows tell.</summary>
    IReadOnlyCollection<string>? Header(string table);
}

/// <summary>One row of a table, with where it came from.</summary>
public sealed class TableRow(string file, string line, IReadOnlyDictionary<string, int> columns, string[] values)
{
    public string File { get; } = file;

    /// <summary>The line (CSV) or page and row (HTTP) of the row, for rejected.csv.</summary>
    public string Line { get; } = line;

    public IReadOnlyDictionary<string, int> Columns { get; } = columns;

    public bool Has(string column) => Columns.ContainsKey(column);

    /// <summary>The raw text of the field at a header position (see <see cref="Columns"/>); null past the row's end.</summary>
    public string? Field(int index) => index < values.Length ? values[index] : null;

    /// <summary>The raw text of a column; null when the table has no such column.</summary>
    public string? this[string column] => Columns.TryGetValue(column, out var i) && i < values.Length ? values[i] : null;
}

/// <summary>A whole source cannot be used (missing file or column, unreadable data); the message names it.</summary>
public sealed class SourceFailedException(string message, Exception? inner = null) : Exception(message, inner);
