using System.Globalization;

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

    /// <summary>
    /// Streams the rows of a table. A row that cannot be split comes as a rejected row (<see cref="TableRow.Problem"/>)
    /// for the reader to report; throws <see cref="SourceFailedException"/> if the table cannot be read at all.
    /// </summary>
    IEnumerable<TableRow> Read(string table, CancellationToken cancellationToken = default);

    /// <summary>The table's columns when the source knows them without rows (a CSV header); null when only rows tell.</summary>
    IReadOnlyCollection<string>? Header(string table);

    /// <summary>Whether the table is there but holds nothing at all, not even a header (a zero-byte CSV file).</summary>
    bool IsBlank(string table) => false;
}

/// <summary>One row of a table, with where it came from; or a row the source could not split (<see cref="Problem"/>).</summary>
public sealed class TableRow
{
    private readonly string[] _values;
    private readonly int _lineNumber;
    private string? _line;

    public TableRow(string file, string line, IReadOnlyDictionary<string, int> columns, string[] values)
    {
        File = file;
        _line = line;
        Columns = columns;
        _values = values;
    }

    /// <summary>A CSV row: the line number is formatted only when a message needs it (most rows never do).</summary>
    internal TableRow(string file, int line, IReadOnlyDictionary<string, int> columns, string[] values)
    {
        File = file;
        _lineNumber = line;
        Columns = columns;
        _values = values;
    }

    private TableRow(string file, string? line, int lineNumber, IReadOnlyDictionary<string, int> columns, string field, string problem)
    {
        File = file;
        _line = line;
        _lineNumber = lineNumber;
        Columns = columns;
        _values = [];
        ProblemField = field;
        Problem = problem;
    }

    /// <summary>
    /// A row the source found but cannot give values for (its fields do not match the header, or its quoting is
    /// broken). It has no values; readers report <paramref name="problem"/> for it and go on with the next row.
    /// </summary>
    public static TableRow Rejected(string file, string line, IReadOnlyDictionary<string, int> columns, string problem,
        string field = "(row)") => new(file, line, 0, columns, field, problem);

    internal static TableRow Rejected(string file, int line, IReadOnlyDictionary<string, int> columns, string problem,
        string field = "(row)") => new(file, null, line, columns, field, problem);

    public string File { get; }

    /// <summary>The line (CSV: where the record starts) or page and row (HTTP) of the row, for rejected.csv.</summary>
    public string Line => _line ??= _lineNumber.ToString(CultureInfo.InvariantCulture);

    public IReadOnlyDictionary<string, int> Columns { get; }

    /// <summary>Why the row cannot be used at all (it has no values then); null for a row that can be read.</summary>
    public string? Problem { get; }

    /// <summary>The field rejected.csv names for <see cref="Problem"/>: <c>(row)</c> when it is the row as a whole.</summary>
    public string ProblemField { get; } = "(row)";

    public bool Has(string column) => Columns.ContainsKey(column);

    /// <summary>The raw text of the field at a header position (see <see cref="Columns"/>); null past the row's end.</summary>
    public string? Field(int index) => index < _values.Length ? _values[index] : null;

    /// <summary>The raw text of a column; null when the table has no such column (or the row is rejected).</summary>
    public string? this[string column] => Columns.TryGetValue(column, out var i) && i < _values.Length ? _values[i] : null;
}

/// <summary>A whole source cannot be used (missing file or column, unreadable data); the message names it.</summary>
public sealed class SourceFailedException(string message, Exception? inner = null) : Exception(message, inner);
