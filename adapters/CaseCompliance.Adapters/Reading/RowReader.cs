using CaseCompliance.Adapters.Tables;
using NodaTime;

namespace CaseCompliance.Adapters.Reading;

/// <summary>
/// Reads typed fields from one row by column handle (<see cref="Column"/>), reporting every unusable field to the
/// rejection log with file, line and field. A handle's configured name (<see cref="ColumnMap"/>) and its place in
/// the header are resolved once per file (or HTTP page), then each field is an array look-up.
/// </summary>
public sealed class RowReader
{
    private readonly string _source;
    private readonly RejectionLog _log;
    private readonly ColumnMap _columns;
    private readonly TableDef _table;
    private readonly string[] _names;
    private readonly int[] _slots;
    private readonly bool[] _masked;
    private IReadOnlyDictionary<string, int>? _header;
    private bool _anyMasked;
    private TableRow _row = null!;
    private string? _recordId;
    private readonly Placeholders _placeholders;

    public RowReader(string source, TableLayout table, ColumnMap columns, RejectionLog log, Placeholders? placeholders = null)
    {
        _source = source;
        _placeholders = placeholders ?? Placeholders.None;
        _table = table.Definition;
        _columns = columns;
        _log = log;
        var count = _table.Columns.Count;
        _names = new string[count];
        _slots = new int[count];
        _masked = new bool[count];
        foreach (var c in _table.Columns)
        {
            _names[c.Index] = columns.Name(_table.Name, c.Name);
        }
    }

    /// <summary>The record id used in rejections for this row, cut to <see cref="Rejection.MaxText"/> characters.</summary>
    public string? RecordId
    {
        get => _recordId;
        set => _recordId = Rejection.Cut(value);
    }

    /// <summary>
    /// Whether a rejection of this row said that the row cannot be used (a missing id, required date or code, an
    /// unknown parent): such a row makes no record, so no other row may name it.
    /// </summary>
    public bool Unusable { get; private set; }

    public RowReader For(TableRow row)
    {
        _row = row;
        _recordId = null;
        Unusable = false;
        if (_anyMasked)
        {
            Array.Clear(_masked);
            _anyMasked = false;
        }

        if (!ReferenceEquals(row.Columns, _header))
        {
            _header = row.Columns;
            for (var i = 0; i < _slots.Length; i++)
            {
                _slots[i] = row.Columns.TryGetValue(_names[i], out var slot) ? slot : -1;
            }
        }

        return this;
    }

    /// <summary>The row being read (its file and line).</summary>
    public TableRow Row => _row;

    /// <summary>The handle of a declared column by its shipped name; an undeclared name is a mistake in the adapter.</summary>
    public Column Handle(string column) => _table.Find(column)
        ?? throw new InvalidOperationException($"{_table.Name}.{column} is read but not declared in the table's layout.");

    /// <summary>The configured name of a column (as rejected.csv names it).</summary>
    public string Column(Column column) => _names[Own(column).Index];

    public string Column(string canonical) => Column(Handle(canonical));

    private Column Own(Column column) => ReferenceEquals(column.Table, _table)
        ? column
        : throw new InvalidOperationException($"{column} is read from a row of {_table.Name}.");

    public string? Text(Column column)
    {
        var i = Own(column).Index;
        if (_masked[i] || _slots[i] < 0)
        {
            return null;
        }

        var value = _row.Field(_slots[i]);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        return _placeholders.IsEmpty || !_placeholders.Holds(value) ? value : null;
    }

    public string? Text(string column) => Text(Handle(column));

    /// <summary>The field is read as blank for the rest of this row (a value already rejected).</summary>
    public void Ignore(Column column)
    {
        _masked[Own(column).Index] = true;
        _anyMasked = true;
    }

    public void Ignore(string column) => Ignore(Handle(column));

    /// <summary>A required id: when absent the row is rejected and null returned.</summary>
    public string? Id(Column column)
    {
        var value = Text(column);
        if (value is null)
        {
            Reject(column, "missing id: the row cannot be used");
        }

        return value;
    }

    public string? Id(string column) => Id(Handle(column));

    public LocalDate? Date(Column column, bool required = false) => DateTime(column, required)?.Date;

    public LocalDate? Date(string column, bool required = false) => Date(Handle(column), required);

    public LocalDateTime? DateTime(Column column, bool required = false) => DateTimeWithFlag(column, required, out _);

    public LocalDateTime? DateTime(string column, bool required = false) => DateTime(Handle(column), required);

    public LocalDateTime? DateTimeWithFlag(string column, bool required, out bool hasTime) =>
        DateTimeWithFlag(Handle(column), required, out hasTime);

    public LocalDateTime? DateTimeWithFlag(Column column, bool required, out bool hasTime)
    {
        hasTime = false;
        var text = Text(column);
        if (text is null)
        {
            if (required)
            {
                Reject(column, "missing date: the row cannot be used");
            }

            return null;
        }

        if (FieldParser.TryParseDateTime(text, out var value, out hasTime))
        {
            return value;
        }

        Reject(column, $"'{Quote(text)}' is not a date (use yyyy-MM-dd, yyyy-MM-dd HH:mm[:ss[.fffffff]] (T or a space before the time) or dd/MM/yyyy[ HH:mm[:ss]])" +
            (required ? "; the row cannot be used" : "; the field is ignored"));
        return null;
    }

    public bool? Flag(Column column)
    {
        var text = Text(column);
        if (FieldParser.TryParseFlag(text, out var value))
        {
            return value;
        }

        Reject(column, $"'{Quote(text!)}' is not a flag (use Y/N, 1/0 or true/false; empty = unknown); the field is ignored");
        return null;
    }

    public bool? Flag(string column) => Flag(Handle(column));

    public int? Int(Column column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        Reject(column, $"'{Quote(text)}' is not a whole number; the field is ignored");
        return null;
    }

    public int? Int(string column) => Int(Handle(column));

    /// <summary>A code from a known list; an unknown code is rejected with the code in the message.</summary>
    public string? Code(Column column, IReadOnlyCollection<string> known, bool required = false)
    {
        var text = Text(column);
        if (text is null)
        {
            if (required)
            {
                Reject(column, "missing code: the row cannot be used");
            }

            return null;
        }

        var match = known.FirstOrDefault(k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return match;
        }

        Reject(column, $"unknown code '{Quote(text)}' (known: {string.Join(", ", known.Take(30))})" +
            (required ? "; the row cannot be used" : "; the field is ignored"));
        return null;
    }

    public string? Code(string column, IReadOnlyCollection<string> known, bool required = false) =>
        Code(Handle(column), known, required);

    public void Reject(Column column, string problem)
    {
        if (problem.EndsWith(RowUnusable, StringComparison.Ordinal))
        {
            Unusable = true;
        }

        _log.Add(new Rejection(_source, _row.File, _row.Line, RecordId, Column(column), problem));
    }

    public void Reject(string column, string problem) => Reject(Handle(column), problem);

    /// <summary>How a problem that makes the whole row unusable ends (the vocabulary of rejected.csv).</summary>
    public const string RowUnusable = "the row cannot be used";

    /// <summary>Codes and dates are quoted back; anything long is cut so that no free text travels.</summary>
    private static string Quote(string text) => text.Length <= 24 ? text : text[..24] + "…";
}

/// <summary>Configured column names per table: canonical (spec) name → the name in this site's extract.</summary>
public sealed class ColumnMap(IReadOnlyDictionary<string, string>? overrides)
{
    public string Name(string table, string canonical) =>
        overrides is not null && (overrides.TryGetValue($"{table}.{canonical}", out var n) || overrides.TryGetValue(canonical, out n))
            ? n
            : canonical;
}
