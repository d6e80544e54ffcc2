using CaseCompliance.Domain;

namespace CaseCompliance.Adapters.Reading;

/// <summary>
/// A declared column of a source table: the handle an adapter reads a field by and a generator sink writes it by.
/// Its name is the shipped one; a site's own name (<c>Sources:&lt;name&gt;:Columns</c>) and its place in a file's
/// header are resolved once per file, not per field.
/// </summary>
public sealed class Column
{
    internal Column(TableDef table, string name, int index, bool optional)
    {
        Table = table;
        Name = name;
        Index = index;
        Optional = optional;
    }

    /// <summary>The table that declares it.</summary>
    public TableDef Table { get; }

    /// <summary>The shipped column name.</summary>
    public string Name { get; }

    /// <summary>Its place among the table's declared columns (required ones first, in header order).</summary>
    public int Index { get; }

    /// <summary>Read when a site's export has it; not required in the header.</summary>
    public bool Optional { get; }

    public override string ToString() => $"{Table.Name}.{Name}";

    /// <summary>The column's name, for the places that name columns (layouts, messages).</summary>
    public static implicit operator string(Column column) => column.Name;
}

/// <summary>
/// Declares one table of a source system, column by column, as static fields of the class that names it:
/// <code>
/// public static class CpVisits
/// {
///     public static readonly TableDef Table = new("ssd_cp_visits", required: true, Dataset.ChildProtectionVisits);
///     public static readonly Column Id = Table.Column("cppv_cp_visit_id");
///     ...
/// }
/// </code>
/// Static fields are initialised in the order they are written, so the table has every column by the time any of
/// them is used; <see cref="Layout"/> is then built once. Required columns must come before optional ones, in the
/// order of the published header.
/// </summary>
public sealed class TableDef(string name, bool required, params Dataset[] records)
{
    private readonly List<Column> _columns = [];
    private TableLayout? _layout;

    public string Name { get; } = name;

    public bool Required { get; } = required;

    /// <summary>Columns no two rows may share, rows must name in other tables, and periods (see <see cref="TableLayout"/>).</summary>
    public string? Key { get; init; }

    public IReadOnlyList<Reference> References { get; init; } = [];

    public IReadOnlyList<(string Start, string End)> Periods { get; init; } = [];

    /// <summary>One record may stand under several children, a row each (see <see cref="TableLayout.SharedAcrossChildren"/>).</summary>
    public bool SharedAcrossChildren { get; init; }

    public IReadOnlyList<Column> Columns => _columns;

    /// <summary>The column of that shipped name (case ignored), or null.</summary>
    public Column? Find(string column)
    {
        _byName ??= _columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        return _byName.GetValueOrDefault(column);
    }

    private Dictionary<string, Column>? _byName;

    /// <summary>The declaration of a layout written as name lists (its columns then its optional columns).</summary>
    internal static TableDef Of(TableLayout layout)
    {
        var table = new TableDef(layout.Name, layout.Required, layout.Records);
        foreach (var c in layout.Columns)
        {
            table.Column(c);
        }

        foreach (var c in layout.OptionalColumns)
        {
            table.OptionalColumn(c);
        }

        table._layout = layout;
        return table;
    }

    /// <summary>Declares a required column.</summary>
    public Column Column(string column) => Add(column, optional: false);

    /// <summary>Declares a column read when present.</summary>
    public Column OptionalColumn(string column) => Add(column, optional: true);

    private Column Add(string column, bool optional)
    {
        if (_layout is not null)
        {
            throw new InvalidOperationException($"{Name}: column {column} declared after the layout was built.");
        }

        if (_columns.Any(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"{Name}: column {column} declared twice.");
        }

        if (!optional && _columns.Any(c => c.Optional))
        {
            throw new InvalidOperationException($"{Name}: required column {column} declared after an optional one.");
        }

        var handle = new Column(this, column, _columns.Count, optional);
        _columns.Add(handle);
        _byName = null;
        return handle;
    }

    /// <summary>The table's layout, built once from its declared columns.</summary>
    public TableLayout Layout => _layout ??= Build();

    private TableLayout Build()
    {
        var layout = new TableLayout(Name, Required, records, [.. _columns.Where(c => !c.Optional).Select(c => c.Name)])
        {
            OptionalColumns = [.. _columns.Where(c => c.Optional).Select(c => c.Name)],
            Key = Key,
            References = References,
            Periods = Periods,
            SharedAcrossChildren = SharedAcrossChildren,
            Definition = this,
        };
        foreach (var named in References.Select(r => r.Column).Concat(Periods.SelectMany(p => new[] { p.Start, p.End }))
                     .Concat(Key is null ? [] : [Key]))
        {
            if (!layout.Declares(named))
            {
                throw new InvalidOperationException($"{Name}: {named} is named by a check but not declared.");
            }
        }

        return layout;
    }

    public static implicit operator string(TableDef table) => table.Name;
}
