using CaseCompliance.Adapters.Tables;
using NodaTime;

namespace CaseCompliance.Adapters.Reading;

/// <summary>
/// Reads typed fields from one row, reporting every unusable field to the rejection log with file, line and field.
/// Column names are the configured ones (<see cref="ColumnMap"/>).
/// </summary>
public sealed class RowReader
{
    private readonly string _source;
    private readonly RejectionLog _log;
    private readonly ColumnMap _columns;
    private readonly string _table;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private TableRow _row = null!;
    private string? _recordId;
    private HashSet<string>? _masked;

    private readonly TableLayout _layout;

    public RowReader(string source, TableLayout table, ColumnMap columns, RejectionLog log)
    {
        _source = source;
        _layout = table;
        _table = table.Name;
        _columns = columns;
        _log = log;
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
        _masked?.Clear();
        return this;
    }

    /// <summary>The row being read (its file and line).</summary>
    public TableRow Row => _row;

    /// <summary>The configured name of a canonical column, resolved once per table.</summary>
    public string Column(string canonical)
    {
        if (!_names.TryGetValue(canonical, out var name))
        {
            // The layout is the one declaration of a table's columns: reading an undeclared one is a mistake in the
            // adapter (a typo would otherwise read as an always-empty field), found by any test that reads the table.
            if (!_layout.Declares(canonical))
            {
                throw new InvalidOperationException($"{_table}.{canonical} is read but not declared in the table's layout.");
            }

            name = _columns.Name(_table, canonical);
            _names[canonical] = name;
        }

        return name;
    }

    public string? Text(string column)
    {
        if (_masked is { Count: > 0 } && _masked.Contains(column))
        {
            return null;
        }

        var value = _row[Column(column)];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>The field is read as blank for the rest of this row (a value already rejected).</summary>
    public void Ignore(string column) => (_masked ??= new HashSet<string>(StringComparer.Ordinal)).Add(column);

    /// <summary>A required id: when absent the row is rejected and null returned.</summary>
    public string? Id(string column)
    {
        var value = Text(column);
        if (value is null)
        {
            Reject(column, "missing id: the row cannot be used");
        }

        return value;
    }

    public LocalDate? Date(string column, bool required = false) => DateTime(column, required)?.Date;

    public LocalDateTime? DateTime(string column, bool required = false) => DateTimeWithFlag(column, required, out _);

    public LocalDateTime? DateTimeWithFlag(string column, bool required, out bool hasTime)
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

        Reject(column, $"'{Quote(text)}' is not a date (use yyyy-MM-dd, yyyy-MM-dd HH:mm[:ss], yyyy-MM-ddTHH:mm[:ss] or dd/MM/yyyy)" +
            (required ? "; the row cannot be used" : "; the field is ignored"));
        return null;
    }

    public bool? Flag(string column)
    {
        var text = Text(column);
        if (FieldParser.TryParseFlag(text, out var value))
        {
            return value;
        }

        Reject(column, $"'{Quote(text!)}' is not a flag (use Y/N, 1/0 or true/false; empty = unknown); the field is ignored");
        return null;
    }

    public int? Int(string column)
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

    /// <summary>A code from a known list; an unknown code is rejected with the code in the message.</summary>
    public string? Code(string column, IReadOnlyCollection<string> known, bool required = false)
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

    public void Reject(string column, string problem)
    {
        if (problem.EndsWith(RowUnusable, StringComparison.Ordinal))
        {
            Unusable = true;
        }

        _log.Add(new Rejection(_source, _row.File, _row.Line, RecordId, Column(column), problem));
    }

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
