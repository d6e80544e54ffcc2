using System.Collections.Immutable;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Streaming;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters;

/// <summary>
/// A table an adapter reads: whether a source must have it, what it records, and its columns; and what the reader
/// holds it to beyond its columns: a <see cref="Key"/> no two rows may share, the records its rows must name
/// (<see cref="References"/>), and date pairs whose end may not come before the start (<see cref="Periods"/>).
/// </summary>
public sealed record TableLayout(string Name, bool Required, Dataset[] Records, string[] Columns)
{
    private Reading.TableDef? _definition;

    /// <summary>The declaration of its columns as handles (the one it was built from, or one made from its names).</summary>
    public Reading.TableDef Definition
    {
        get => _definition ??= Reading.TableDef.Of(this);
        init => _definition = value;
    }

    /// <summary>Columns read when a site's export has them, not required in its header.</summary>
    public IReadOnlyList<string> OptionalColumns { get; init; } = [];

    /// <summary>Whether the table declares the column (required or optional).</summary>
    public bool Declares(string column) => Definition.Find(column) is not null;

    /// <summary>
    /// Whether one record may stand under several children, a row each (a sibling conference, a Mosaic step about
    /// siblings): its id is then unique per child, not per table.
    /// </summary>
    public bool SharedAcrossChildren { get; init; }

    /// <summary>A column no two rows may share (besides the id an adapter reads a row by): a second row is rejected.</summary>
    public string? Key { get; init; }

    /// <summary>Columns naming a record of another table of the same child; a row naming none that was read is rejected.</summary>
    public IReadOnlyList<Reference> References { get; init; } = [];

    /// <summary>(start, end) columns: an end before its start is a rejected field, read as no end.</summary>
    public IReadOnlyList<(string Start, string End)> Periods { get; init; } = [];
}

/// <summary>
/// A column of a row that names a record of one of <paramref name="Parents"/> (by that table's column): a visit's
/// plan, a placement's period of care. Blank names nothing; a name the parent tables do not hold for the same child
/// rejects the row, so that it never makes an episode of its own.
/// </summary>
public sealed record Reference(string Column, string What, params Streaming.ParentKey[] Parents);

/// <summary>
/// What every adapter does with its tables: check the layout (a missing required table or column fails the
/// source, naming it), stream each table's rows through a <see cref="RowReader"/> that reports bad fields, attach
/// rows to the child they belong to (rows naming an unknown child or parent are rejected), and build the records.
/// A system's adapter subclasses it and only says how its tables map to the canonical record. The first table of
/// the layout is the person table.
/// </summary>
public abstract class TableReader
{
    private readonly string _name;
    private readonly ITableSource _tables;
    private readonly RejectionLog _log;
    private readonly IReadOnlyList<TableLayout> _layout;
    private readonly CancellationToken _ct;
    private readonly ColumnMap _columns;
    private readonly HashSet<string> _present = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TableLayout> _byName;

    // Record ids seen per table (a second row with one is rejected), and the values of referenced columns with the
    // child they belong to, for the tables read so far.
    private readonly Dictionary<string, HashSet<string>> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Table, string Column), Dictionary<string, string>> _named = [];
    private readonly Dictionary<string, string[]> _namedColumns = new(StringComparer.OrdinalIgnoreCase);
    private long _rows;
    private readonly Placeholders? _placeholders;

    protected TableReader(string name, ITableSource tables, SourceOptions options, RejectionLog log,
        IReadOnlyList<TableLayout> layout, CancellationToken ct, Placeholders? placeholders = null)
    {
        _name = name;
        _placeholders = placeholders;
        _tables = tables;
        Options = options;
        _log = log;
        _layout = layout;
        _ct = ct;
        _columns = new ColumnMap(options.Columns);
        _byName = layout.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var g in layout.SelectMany(t => t.References).SelectMany(r => r.Parents)
                     .GroupBy(p => p.Table, StringComparer.OrdinalIgnoreCase))
        {
            _namedColumns[g.Key] = [.. g.Select(p => p.IdColumn).Distinct(StringComparer.OrdinalIgnoreCase)];
        }
    }

    /// <summary>Ids a system writes for "no record" in a link column (Liquidlogic's <c>-1</c>): such a link names nothing.</summary>
    protected virtual bool IsNoLink(string value) => false;

    protected SourceOptions Options { get; }

    /// <summary>The children read so far, by the source's person id.</summary>
    protected Dictionary<string, CaseBuilder> Cases { get; } = new(StringComparer.Ordinal);

    /// <summary>Builds the extract from the children read; data sets are those of the tables present.</summary>
    protected SourceExtract Extract(string kind, CaseDirectory directory)
    {
        var recorded = Recorded();
        var cases = Cases.Values.Select(c => c.Build(_name, recorded)).ToList();
        return new SourceExtract(_name, kind, directory, cases, _rows);
    }

    /// <summary>
    /// Required tables and all their columns must be there; a missing one fails the source, naming it. Every
    /// missing table, and every missing column of a table whose header the source knows without reading rows, is
    /// named in one message, so that a site fixes its export in one go rather than one column per night.
    /// </summary>
    protected void CheckLayout()
    {
        var problems = new List<string>();
        foreach (var table in _layout)
        {
            if (!_tables.Exists(table.Name))
            {
                if (table.Required && !Options.OptionalTables.Contains(table.Name, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add($"{_tables.Describe(table.Name)}: required table {table.Name} not found in {_tables.Location}.");
                }

                continue;
            }

            var optional = !table.Required || Options.OptionalTables.Contains(table.Name, StringComparer.OrdinalIgnoreCase);
            if (!optional && _tables.IsBlank(table.Name))
            {
                // An export that wrote nothing (not even the header) may have failed: read as "no rows", the plans or
                // episodes it should hold would vanish and their open breaches look resolved.
                problems.Add($"{_tables.Describe(table.Name)}: the file is empty (not even a header row); a required table is not read as having " +
                    $"no rows, since an export that failed writes nothing too. If {table.Name} is really empty at this site, write its header " +
                    "row or list it in OptionalTables.");
                continue;
            }

            _present.Add(table.Name);
            if (_tables.Header(table.Name) is { } header && MissingColumns(table.Name, table, header.Contains) is { } missing)
            {
                problems.Add(missing);
            }
        }

        if (problems.Count > 0)
        {
            throw new SourceFailedException(string.Join(' ', problems));
        }
    }

    protected bool Has(string table) => _present.Contains(table);

    /// <summary>
    /// A problem with a table as a whole rather than with one of its rows (every row read, none usable for what the
    /// table is read for): a rejected.csv row with no line and no record id, so that it is seen and the scan exits 3.
    /// Said once per table and scan, however many stream windows find it.
    /// </summary>
    protected void RejectTable(string table, string column, string problem)
    {
        var file = _tables.Describe(table);
        if (!_log.Has(_name, file, ""))
        {
            _log.Add(new Rejection(_name, file, "", null, _columns.Name(table, column), problem));
        }
    }

    /// <summary>Whether this read is one window of a streamed extract (a few thousand children), not the whole of it.</summary>
    protected bool Windowed => _tables is IStreamWindow;

    /// <summary>The data sets the source records: those of the tables present (an adapter may narrow or widen it by what the rows hold).</summary>
    protected virtual ImmutableHashSet<Dataset> Recorded() =>
        [.. _layout.Where(t => Has(t.Name)).SelectMany(t => t.Records)];

    /// <summary>Reads every row of a table, after checking its header has every column the layout names.</summary>
    /// <param name="recordId">The row's record id for the rejections found before <paramref name="read"/> sees it (an
    /// end before its start), where the table has one.</param>
    protected void Each(string table, Action<RowReader> read, Func<RowReader, string?>? recordId = null)
    {
        if (!Has(table))
        {
            return;
        }

        var layout = _byName[table];
        var reader = new RowReader(_name, layout, _columns, _log, _placeholders);
        var header = _tables.Header(table);
        if (header is not null)
        {
            CheckColumns(table, layout, header.Contains);
        }

        var first = header is null;
        foreach (var row in _tables.Read(table, _ct))
        {
            if (first)
            {
                CheckColumns(table, layout, row.Has);
                first = false;
            }

            _rows++;
            if (row.Problem is { } problem)
            {
                // The source could not split the row (field count, quoting): rejected whole, the rest is read on.
                _log.Add(new Rejection(_name, row.File, row.Line, null, row.ProblemField, problem));
                continue;
            }

            reader.For(row);
            if (recordId is not null)
            {
                reader.RecordId = recordId(reader);
            }

            CheckPeriods(layout, reader);
            read(reader);
        }
    }

    /// <summary>Whether both texts begin with an ISO date and the first is not before the second (most rows: no parsing).</summary>
    private static bool IsoNotBefore(string end, string start) =>
        end.Length >= 10 && start.Length >= 10 && end[4] == '-' && end[7] == '-' && start[4] == '-' && start[7] == '-'
        && string.CompareOrdinal(end, 0, start, 0, 10) >= 0;

    /// <summary>An end date before its start is a rejected field, read as no end: an episode stays open rather than
    /// closing before it began (which could end an obligation that is still running).</summary>
    private static void CheckPeriods(TableLayout layout, RowReader r)
    {
        foreach (var (start, end) in layout.Periods)
        {
            if (r.Text(end) is { } endText && r.Text(start) is { } startText
                && !IsoNotBefore(endText, startText)
                && FieldParser.TryParseDateTime(endText, out var ended, out _)
                && FieldParser.TryParseDateTime(startText, out var started, out _)
                && ended.Date < started.Date)
            {
                r.Reject(end, $"end date '{Rejection.Cut(endText)}' is before the start '{Rejection.Cut(startText)}' ({r.Column(start)}); the field is ignored");
                r.Ignore(end);
            }
        }
    }

    /// <summary>Every column of the layout (under its configured name) must be there; the message names the missing.</summary>
    private void CheckColumns(string table, TableLayout layout, Func<string, bool> has)
    {
        if (MissingColumns(table, layout, has) is { } missing)
        {
            throw new SourceFailedException(missing);
        }
    }

    private string? MissingColumns(string table, TableLayout layout, Func<string, bool> has)
    {
        var missing = layout.Columns.Select(c => _columns.Name(table, c)).Where(c => !has(c)).ToList();
        return missing.Count > 0 ? $"{_tables.Describe(table)}: missing column {string.Join(", ", missing)}." : null;
    }

    /// <summary>A table whose rows name a person: rows for an unknown person are rejected.</summary>
    protected void PersonTable(string table, string personColumn, string? idColumn, Action<RowReader, CaseBuilder, string?> read) =>
        KeyedTable(table, personColumn, idColumn, person => Cases.GetValueOrDefault(person),
            person => $"person {person} is not in {_layout[0].Name}: the row cannot be used", read);

    /// <summary>A table whose rows name a parent record (contact, assessment, period of care, audit).</summary>
    protected void ChildTable(string table, string parentColumn, Dictionary<string, string> parents, string? idColumn,
        Action<RowReader, CaseBuilder, string?> read) =>
        KeyedTable(table, parentColumn, idColumn, parent => parents.TryGetValue(parent, out var person) ? Cases[person] : null,
            parent => $"no parent record with id {parent}: {RowReader.RowUnusable}", read);

    /// <summary>
    /// Reads rows that carry their own id (optional) and a key to the child they belong to; rows whose key
    /// <paramref name="skip"/> accepts (a system's "nobody" id) are passed over silently.
    /// <para>
    /// The table's layout is applied before <paramref name="read"/> sees the row: a second row with an id (or the
    /// layout's <see cref="TableLayout.Key"/>) already seen is rejected, never merged; a row naming a record its
    /// <see cref="TableLayout.References"/> do not hold for the same child is rejected. A row read without being made
    /// unusable then counts as that record for the tables read after it.
    /// </para>
    /// </summary>
    protected void KeyedTable(string table, string keyColumn, string? idColumn, Func<string, CaseBuilder?> resolve,
        Func<string, string> unknown, Action<RowReader, CaseBuilder, string?> read, Func<string, bool>? skip = null)
    {
        var layout = _byName[table];
        var unique = layout.Key ?? idColumn;
        Each(table, r =>
        {
            string? id = null;
            if (idColumn is not null)
            {
                id = r.Id(idColumn);
                if (id is null)
                {
                    return;
                }

                r.RecordId = id;
            }

            var key = r.Id(keyColumn);
            if (key is null)
            {
                return;
            }

            r.RecordId ??= key;
            if (skip?.Invoke(key) == true)
            {
                return;
            }

            if (resolve(key) is not { } c)
            {
                r.Reject(keyColumn, unknown(Rejection.Cut(key)!));
                return;
            }

            if (unique is not null && r.Text(unique) is { } value && !FirstWithId(r, table, unique, value, c.Person.Id))
            {
                return;
            }

            if (!References(layout, r, c.Person.Id))
            {
                return;
            }

            read(r, c, id);
            if (!r.Unusable)
            {
                Name(table, r, c.Person.Id);
            }
        }, r => idColumn is not null ? r.Text(idColumn) : r.Text(keyColumn));
    }

    /// <summary>
    /// Whether this is the first row of the table with this record id; a second is rejected, never merged (the first
    /// is kept). Across the windows of a streamed extract the id is also noted, so that a repeat in another child's
    /// window makes the scan read the source whole (<see cref="WindowKeys"/>). A record shared across children
    /// (<see cref="TableLayout.SharedAcrossChildren"/>) is one row per child, so its id is unique per child; a child's
    /// rows all come in its own window.
    /// </summary>
    protected bool FirstWithId(RowReader r, string table, string column, string id, string person)
    {
        var shared = _byName[table].SharedAcrossChildren;
        if (!Ids(table).Add(shared ? $"{person}\u001f{id}" : id))
        {
            r.Reject(column, $"{r.Column(column)} {Rejection.Cut(id)} again{(shared ? " for this child" : "")}: the first row with it is kept and {RowReader.RowUnusable}");
            return false;
        }

        if (!shared)
        {
            (_tables as IStreamWindow)?.Keys.See(table, column, id);
        }

        return true;
    }

    private HashSet<string> Ids(string table)
    {
        if (!_ids.TryGetValue(table, out var ids))
        {
            ids = new HashSet<string>(StringComparer.Ordinal);
            _ids[table] = ids;
        }

        return ids;
    }

    /// <summary>Whether every record the row names is one the parent tables hold for <paramref name="person"/>; a
    /// reference to tables not read (absent from the source) cannot be checked and passes.</summary>
    private bool References(TableLayout layout, RowReader r, string person)
    {
        foreach (var reference in layout.References)
        {
            if (r.Text(reference.Column) is not { } value || IsNoLink(value))
            {
                continue;
            }

            var checkable = false;
            var found = false;
            foreach (var parent in reference.Parents)
            {
                if (_named.TryGetValue((parent.Table, parent.IdColumn), out var names))
                {
                    checkable = true;
                    if (names.TryGetValue(value, out var owner) && owner == person)
                    {
                        found = true;
                        break;
                    }
                }
            }

            if (checkable && !found)
            {
                r.Reject(reference.Column, $"no {reference.What} {Rejection.Cut(value)} of this child: {RowReader.RowUnusable}");
                return false;
            }
        }

        return true;
    }

    /// <summary>Records the row's values of the columns other tables name it by.</summary>
    private void Name(string table, RowReader r, string person)
    {
        if (!_namedColumns.TryGetValue(table, out var columns))
        {
            return;
        }

        foreach (var column in columns)
        {
            if (!_named.TryGetValue((table, column), out var names))
            {
                names = new Dictionary<string, string>(StringComparer.Ordinal);
                _named[(table, column)] = names;
            }

            if (r.Text(column) is { } value)
            {
                names.TryAdd(value, person);
            }
        }
    }

    /// <summary>
    /// Reads a details table whose rows name a record read earlier (by id, in any child's list) and applies the
    /// update each row yields; a row naming no such record, or yielding no update, is rejected.
    /// </summary>
    protected void Attach<T>(string table, string idColumn, string what, Func<CaseBuilder, List<T>> items, Func<T, string> idOf,
        Func<RowReader, Func<T, T>?> read)
    {
        if (!Has(table))
        {
            return;
        }

        var index = Cases.Values.SelectMany(c => items(c).Select((item, i) => (List: items(c), Index: i, Id: idOf(item), Person: c.Person.Id)))
            .ToLookup(x => x.Id, StringComparer.Ordinal);
        var layout = _byName[table];
        var seen = Ids(table);
        Each(table, r =>
        {
            var id = r.Id(idColumn);
            if (id is null)
            {
                return;
            }

            r.RecordId = id;
            if (!index[id].Any())
            {
                r.Reject(idColumn, $"no {what} with id {Rejection.Cut(id)}: {RowReader.RowUnusable}");
                return;
            }

            if (!seen.Add(id))
            {
                r.Reject(idColumn, $"a second row for {what} {Rejection.Cut(id)}: the first is kept and {RowReader.RowUnusable}");
                return;
            }

            (_tables as IStreamWindow)?.Keys.See(table, idColumn, id);

            if (!References(layout, r, index[id].First().Person))
            {
                return;
            }

            var update = read(r);
            if (update is null)
            {
                return;
            }

            foreach (var (list, i, _, _) in index[id])
            {
                list[i] = update(list[i]);
            }
        }, r => r.Text(idColumn));
    }

    /// <summary>
    /// A placement's visiting details (lac-visits) from the named columns: long-term, temporary approval, carer
    /// approval date, reduced visits agreed, agreed interval in days (a non-positive interval is rejected).
    /// </summary>
    protected static Func<Placement, Placement> ReadPlacementDetails(RowReader r, string longTerm, string temporary,
        string approved, string reduced, string interval)
    {
        var isLongTerm = r.Flag(longTerm);
        var isTemporary = r.Flag(temporary);
        var approvedOn = r.Date(approved);
        var reducedVisits = r.Flag(reduced);
        var days = r.Int(interval);
        if (days is <= 0)
        {
            r.Reject(interval, "not a positive number of days; the field is ignored");
            days = null;
        }

        return p => p with
        {
            LongTerm = isLongTerm,
            TemporaryApproval = isTemporary,
            CarerApprovedDate = approvedOn,
            ReducedVisitsAgreed = reducedVisits,
            AgreedIntervalDays = days,
        };
    }
}
