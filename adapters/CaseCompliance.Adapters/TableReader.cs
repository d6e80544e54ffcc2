using System.Collections.Immutable;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters;

/// <summary>A table an adapter reads: whether a source must have it, what it records, and its columns.</summary>
public sealed record TableLayout(string Name, bool Required, Dataset[] Records, string[] Columns);

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
    private long _rows;

    protected TableReader(string name, ITableSource tables, SourceOptions options, RejectionLog log,
        IReadOnlyList<TableLayout> layout, CancellationToken ct)
    {
        _name = name;
        _tables = tables;
        Options = options;
        _log = log;
        _layout = layout;
        _ct = ct;
        _columns = new ColumnMap(options.Columns);
    }

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

    /// <summary>Required tables and all their columns must be there; a missing one fails the source, naming it.</summary>
    protected void CheckLayout()
    {
        foreach (var table in _layout)
        {
            if (!_tables.Exists(table.Name))
            {
                if (table.Required && !Options.OptionalTables.Contains(table.Name, StringComparer.OrdinalIgnoreCase))
                {
                    throw new SourceFailedException(
                        $"{_tables.Describe(table.Name)}: required table {table.Name} not found in {_tables.Location}.");
                }

                continue;
            }

            _present.Add(table.Name);
        }
    }

    protected bool Has(string table) => _present.Contains(table);

    protected ImmutableHashSet<Dataset> Recorded() =>
        [.. _layout.Where(t => Has(t.Name)).SelectMany(t => t.Records)];

    /// <summary>Reads every row of a table, after checking its header has every column the layout names.</summary>
    protected void Each(string table, Action<RowReader> read)
    {
        if (!Has(table))
        {
            return;
        }

        var layout = _layout.First(t => t.Name == table);
        var reader = new RowReader(_name, table, _columns, _log);
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

            read(reader.For(row));
        }
    }

    /// <summary>Every column of the layout (under its configured name) must be there; the message names the missing.</summary>
    private void CheckColumns(string table, TableLayout layout, Func<string, bool> has)
    {
        var missing = layout.Columns.Select(c => _columns.Name(table, c)).Where(c => !has(c)).ToList();
        if (missing.Count > 0)
        {
            throw new SourceFailedException($"{_tables.Describe(table)}: missing column {string.Join(", ", missing)}.");
        }
    }

    /// <summary>A table whose rows name a person: rows for an unknown person are rejected.</summary>
    protected void PersonTable(string table, string personColumn, string? idColumn, Action<RowReader, CaseBuilder, string?> read) =>
        KeyedTable(table, personColumn, idColumn, person => Cases.GetValueOrDefault(person),
            person => $"person {person} is not in {_layout[0].Name}: the row cannot be used", read);

    /// <summary>A table whose rows name a parent record (contact, assessment, period of care, audit).</summary>
    protected void ChildTable(string table, string parentColumn, Dictionary<string, string> parents, string? idColumn,
        Action<RowReader, CaseBuilder, string?> read) =>
        KeyedTable(table, parentColumn, idColumn, parent => parents.TryGetValue(parent, out var person) ? Cases[person] : null,
            parent => $"no parent record with id {parent}: the row cannot be used", read);

    /// <summary>Reads rows that carry their own id (optional) and a key to the child they belong to; rows whose key
    /// <paramref name="skip"/> accepts (a system's "nobody" id) are passed over silently.</summary>
    protected void KeyedTable(string table, string keyColumn, string? idColumn, Func<string, CaseBuilder?> resolve,
        Func<string, string> unknown, Action<RowReader, CaseBuilder, string?> read, Func<string, bool>? skip = null) =>
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
                r.Reject(keyColumn, unknown(key));
                return;
            }

            read(r, c, id);
        });

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

        var index = Cases.Values.SelectMany(c => items(c).Select((item, i) => (List: items(c), Index: i, Id: idOf(item))))
            .ToLookup(x => x.Id, StringComparer.Ordinal);
        Each(table, r =>
        {
            var id = r.Id(idColumn);
            if (id is null)
            {
                return;
            }

            r.RecordId = id;
            var update = read(r);
            if (!index[id].Any())
            {
                r.Reject(idColumn, $"no {what} with id {id}: the row cannot be used");
                return;
            }

            if (update is null)
            {
                return;
            }

            foreach (var (list, i, _) in index[id])
            {
                list[i] = update(list[i]);
            }
        });
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
