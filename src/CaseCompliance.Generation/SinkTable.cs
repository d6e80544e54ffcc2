using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters;
using CaseCompliance.Adapters.Tables;

namespace CaseCompliance.Generation;

/// <summary>
/// One output CSV of a format sink: header first, then rows of exactly the header's width, streamed through
/// <see cref="CsvText"/> from a reused buffer (no allocation per row).
/// </summary>
internal sealed class SinkTable : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly CsvText _csv;
    private readonly string?[] _row;

    public SinkTable(string directory, string name, string[] columns)
    {
        Name = name;
        _writer = CsvText.Create(Path.Combine(directory, name + ".csv"));
        _csv = new CsvText(_writer);
        _csv.Row(columns);
        _row = new string?[columns.Length];
    }

    public string Name { get; }

    /// <summary>Opens a table declared by column handles: its header is the declaration's columns, in order.</summary>
    public SinkTable(string directory, TableDef table)
        : this(directory, table.Name, [.. table.Columns.Select(c => c.Name)]) => Definition = table;

    /// <summary>The declaration rows are written by (null for a table opened by column names).</summary>
    public TableDef? Definition { get; }

    /// <summary>
    /// Writes a row by column handle: each value goes under its column, columns not given stay empty. A handle of
    /// another table is a mistake in the sink and throws.
    /// </summary>
    public void Write(params ReadOnlySpan<(Column Column, string? Value)> cells)
    {
        Array.Clear(_row);
        foreach (var (column, value) in cells)
        {
            if (!ReferenceEquals(column.Table, Definition))
            {
                throw new InvalidOperationException($"{Name}: {column} is not one of its columns.");
            }

            _row[column.Index] = value;
        }

        _csv.Row(_row);
    }

    public void Row(params ReadOnlySpan<string?> values)
    {
        if (values.Length != _row.Length)
        {
            throw new InvalidOperationException($"{Name}: {values.Length} values for {_row.Length} columns.");
        }

        values.CopyTo(_row);
        _csv.Row(_row);
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>The columns of a layout table, checked to be as many as the sink writes (a layout change fails loudly).</summary>
    public static string[] Columns(IEnumerable<TableLayout> layout, string table, int expected)
    {
        foreach (var t in layout)
        {
            if (t.Name == table)
            {
                return t.Columns.Length == expected
                    ? t.Columns
                    : throw new InvalidOperationException($"{table}: the layout has {t.Columns.Length} columns, the sink writes {expected}.");
            }
        }

        throw new InvalidOperationException($"{table} is not a table of the layout.");
    }

    /// <summary>A column of an SSD row ("" when absent).</summary>
    public static string Value(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var v) ? v : "";

    /// <summary>The address lines of <c>addr_address_json</c> (empty object when empty).</summary>
    public static (string? Line1, string? Town) Address(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, null);
        }

        using var doc = System.Text.Json.JsonDocument.Parse(json);
        string? Text(string name) =>
            doc.RootElement.TryGetProperty(name, out var p) && p.ValueKind == System.Text.Json.JsonValueKind.String ? p.GetString() : null;
        return (Text("line1"), Text("town"));
    }

    /// <summary>"line1, town" without the empty parts (Mosaic and CareFirst single address column).</summary>
    public static string AddressText(string json)
    {
        var (line1, town) = Address(json);
        return string.IsNullOrEmpty(line1) ? town ?? "" : string.IsNullOrEmpty(town) ? line1 : line1 + ", " + town;
    }
}
