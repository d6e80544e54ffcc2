using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;

namespace CaseCompliance.Adapters.Streaming;

/// <summary>
/// The extract cannot be streamed: a linked table's rows are not in the person table's order, or a record belongs to
/// children of different windows and only one of them could be given its detail rows.
/// </summary>
public sealed class ExtractNotOrderedException(string message) : Exception(message);

/// <summary>
/// Reads an extract a window of children at a time, so that memory holds one window rather than the whole extract.
/// A window is the next run of rows of the person table; every linked table is read alongside it with one cursor per
/// table, and hands the window the rows that belong to its children. This needs each linked table to list its rows in
/// the person table's order (the order a database export by person gives, and the generator writes); a table found
/// out of that order raises <see cref="ExtractNotOrderedException"/> and the caller reads the source whole instead.
/// <para>
/// Rows naming a person or parent record that does not exist are handed to the window being read, where the adapter
/// rejects them exactly as it would have reading the whole extract. A person row is placed exactly (a first pass
/// reads the person ids and their order). A parent-linked row (a visit's details) is placed once its parent has been
/// read; a row whose parent is in no window yet waits, and is judged an orphan only when a later row of the same
/// table belongs to the window being read, which in person order proves its parent is nowhere ahead.
/// </para>
/// <para>
/// A record can belong to several children (a Mosaic step about siblings, a Liquidlogic form used by two children's
/// contacts): its id is then in the parent rows of each, but each detail row goes to one window only. A parent id an
/// earlier window also had is a suspect; when the stream ends the suspects' tables are read again, and one found in
/// two windows and named by detail rows raises <see cref="ExtractNotOrderedException"/> (the source is read whole).
/// Records shared within one window are fine.
/// </para>
/// </summary>
public sealed class PersonWindows
{
    /// <summary>Unplaced parent-linked rows a table may hold while looking ahead before it stops for the window.</summary>
    private const int LookAhead = 10_000;

    /// <summary>Suspected shared records beyond which the stream gives up at once rather than keep their ids.</summary>
    private const int MaxSuspects = 100_000;

    private readonly ITableSource _inner;
    private readonly StreamLayout _layout;
    private readonly ColumnMap _columns;
    private readonly int _size;
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);
    private readonly SeenKeys _seen = new();
    private readonly Dictionary<(int Space, string Key), string> _orphans = [];
    private readonly HashSet<(string Table, string Id)> _suspects = [];
    private Dictionary<string, IdSpace> _idSpaces = new(StringComparer.OrdinalIgnoreCase);
    private readonly WindowKeys _keys = new();

    private PersonWindows(ITableSource inner, StreamLayout layout, ColumnMap columns, int size)
    {
        _inner = inner;
        _layout = layout;
        _columns = columns;
        _size = size;
    }

    /// <summary>Rows of the person table: the children to come, for progress.</summary>
    public int People { get; private set; }

    /// <summary>Rows of the directory tables, which every window is given again.</summary>
    public long DirectoryRows { get; private set; }

    /// <summary>How the directory tables are named in rejections (their rejections are kept from the first window only).</summary>
    public IReadOnlySet<string> DirectoryFiles { get; private set; } = new HashSet<string>();

    /// <summary>
    /// Prepares streaming, reading the person table's ids once; null when the person table repeats an id (the
    /// adapter's duplicate rule needs the whole table) or is absent, so the caller reads the source whole.
    /// </summary>
    public static PersonWindows? Open(ITableSource inner, StreamLayout layout, ColumnMap columns, int size,
        CancellationToken cancellationToken)
    {
        if (!inner.Exists(layout.PersonTable))
        {
            return null;
        }

        var windows = new PersonWindows(inner, layout, columns, Math.Max(1, size));
        var column = columns.Name(layout.PersonTable, layout.PersonIdColumn);
        var ordinal = 0;
        foreach (var row in inner.Read(layout.PersonTable, cancellationToken))
        {
            if (Key(row, column) is { } id && !windows._ordinals.TryAdd(id, ordinal))
            {
                return null;
            }

            ordinal++;
        }

        windows.People = ordinal;
        return windows;
    }

    /// <summary>The windows in person order, each a table source holding only that window's rows.</summary>
    public IEnumerable<ITableSource> Read(CancellationToken cancellationToken)
    {
        var tables = Order();
        var directory = _layout.DirectoryTables.Where(_inner.Exists).ToDictionary(t => t,
            t => _inner.Read(t, cancellationToken).ToList(), StringComparer.OrdinalIgnoreCase);
        DirectoryRows = directory.Values.Sum(rows => (long)rows.Count);
        DirectoryFiles = directory.Keys.Select(_inner.Describe).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var headers = new Dictionary<string, IReadOnlyCollection<string>?>(StringComparer.OrdinalIgnoreCase);
        var blanks = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var persons = new Cursor(_inner.Read(_layout.PersonTable, cancellationToken).GetEnumerator());
        try
        {
            var start = 0;
            var last = false;
            while (!last)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rows = new Dictionary<string, List<TableRow>>(directory, StringComparer.OrdinalIgnoreCase);
                var personRows = new List<TableRow>(_size);
                while (personRows.Count < _size && persons.Next() is { } row)
                {
                    personRows.Add(row);
                }

                last = persons.Peek() is null;
                rows[_layout.PersonTable] = personRows;
                var end = start + personRows.Count;
                var ids = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
                foreach (var table in tables)
                {
                    rows[table.Name] = table.Link is PersonLink
                        ? table.TakePersonRows(this, start, end, last)
                        : table.TakeParentRows(this, ids, last);
                    if (table.IsParent)
                    {
                        ids[table.Name] = Remember(table, rows[table.Name]);
                    }
                }

                Record(ids);
                start = end;
                yield return new WindowTables(_inner, rows, headers, blanks, _keys);
            }

            Verify(tables, cancellationToken);
            VerifySuspects(cancellationToken);
        }
        finally
        {
            persons.Dispose();
            foreach (var table in tables)
            {
                table.Dispose();
            }
        }
    }

    /// <summary>
    /// Counts, exactly, the ids that may have stood in two windows: a true repeat means two children's rows share a
    /// record id, which a whole read rejects; the source is then read whole.
    /// </summary>
    private void VerifySuspects(CancellationToken cancellationToken)
    {
        foreach (var ((table, idColumn), ids) in _keys.Suspects)
        {
            var column = _columns.Name(table, idColumn);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in _inner.Read(table, cancellationToken))
            {
                if (Key(row, column) is { } id && ids.Contains(id) && (counts[id] = counts.GetValueOrDefault(id) + 1) > 1)
                {
                    throw NotOrdered(table, row, $"{table} record {Rejection.Cut(id)} stands again in another child's part of the extract");
                }
            }
        }
    }

    private HashSet<string> Remember(LinkedTable table, List<TableRow> rows) =>
        Remember(Space(table.Name), rows, table.Name, table.IdColumn!);

    /// <summary>The filter space of a parent table's ids: one per id space, so a record is one key whichever table names it.</summary>
    private int Space(string parentTable) => _idSpaces[parentTable].Number;

    /// <summary>A window's record ids; an id judged an orphan in an earlier window proves the disorder.</summary>
    private HashSet<string> Remember(int space, List<TableRow> rows, string table, string idColumn)
    {
        var column = _columns.Name(table, idColumn);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (LinkKey(row, column) is not { } id || !ids.Add(id))
            {
                continue;
            }

            if (_orphans.Count > 0 && _orphans.TryGetValue((space, id), out var naming))
            {
                throw NotOrdered(naming, row, $"{table} record {id} comes after the {naming} rows that name it");
            }
        }

        return ids;
    }

    /// <summary>
    /// Marks a window's record ids as handed out, once the whole window is read (so that records shared between its
    /// own tables, such as a form named by a contact and by the form table, are not suspects). An id that an earlier
    /// window had in its id space becomes a suspect.
    /// </summary>
    private void Record(Dictionary<string, HashSet<string>> ids)
    {
        foreach (var (table, windowIds) in ids)
        {
            var space = Space(table);
            foreach (var id in windowIds)
            {
                if (_seen.MayContain(space, id) && _suspects.Add((table, id)) && _suspects.Count > MaxSuspects)
                {
                    throw new ExtractNotOrderedException(
                        $"more than {MaxSuspects} records of {table} and the tables sharing its ids belong to children of different windows; the source is read whole.");
                }
            }
        }

        foreach (var (table, windowIds) in ids)
        {
            var space = Space(table);
            foreach (var id in windowIds)
            {
                _seen.Add(space, id);
            }
        }
    }

    /// <summary>
    /// Clears or confirms the suspected shared records (a filter false positive, or a record in two windows): reads
    /// the parent tables of their id spaces again to find the windows each was in, and, for those in two or more, the
    /// detail tables. A detail row naming one went to one window only, so the source must be read whole.
    /// </summary>
    private void Verify(List<LinkedTable> tables, CancellationToken cancellationToken)
    {
        if (_suspects.Count == 0)
        {
            return;
        }

        var byName = tables.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var group in _suspects.GroupBy(s => _idSpaces[s.Table]))
        {
            var space = group.Key;
            var suspects = group.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var windows = new Dictionary<string, (string Table, HashSet<int> Windows)>(StringComparer.Ordinal);
            var shared = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var parent in space.Parents.Where(byName.ContainsKey).Select(p => byName[p]))
            {
                if (parent.Bounds is not { } bounds)
                {
                    // A parent-linked parent's rows may wait for a later window: which window had them is not kept.
                    foreach (var id in suspects)
                    {
                        shared.TryAdd(id, parent.Name);
                    }

                    continue;
                }

                var column = _columns.Name(parent.Name, parent.IdColumn!);
                var index = 0L;
                foreach (var row in _inner.Read(parent.Name, cancellationToken))
                {
                    if (LinkKey(row, column) is { } id && suspects.Contains(id))
                    {
                        if (!windows.TryGetValue(id, out var seen))
                        {
                            windows[id] = seen = (parent.Name, []);
                        }

                        seen.Windows.Add(WindowOf(bounds, index));
                    }

                    index++;
                }
            }

            foreach (var (id, (table, seen)) in windows.Where(w => w.Value.Windows.Count > 1))
            {
                shared.TryAdd(id, table);
            }

            foreach (var detail in space.Details.Where(_inner.Exists))
            {
                var column = _columns.Name(detail, ((ParentLink)_layout.Links[detail]).Column);
                foreach (var row in _inner.Read(detail, cancellationToken))
                {
                    if (LinkKey(row, column) is { } key && shared.TryGetValue(key, out var table))
                    {
                        throw new ExtractNotOrderedException($"{row.File} line {row.Line}: {table} record {key} belongs to children of " +
                            $"more than one window (a record shared by several children), and its {detail} rows can be given to one window " +
                            "only, so the source is read whole.");
                    }
                }
            }
        }
    }

    /// <summary>The window a person-linked row was handed to, from the rows its table had handed out after each window.</summary>
    private static int WindowOf(List<long> bounds, long index)
    {
        var (low, high) = (0, bounds.Count - 1);
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (index < bounds[mid])
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }

    private ExtractNotOrderedException NotOrdered(string table, TableRow row, string why) =>
        new($"{row.File} line {row.Line}: {why}; {table} is not in the order of {_layout.PersonTable}, so the source is read whole.");

    /// <summary>The linked tables, parents before the tables that name them.</summary>
    private List<LinkedTable> Order()
    {
        var parents = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in _layout.Links.Values.OfType<ParentLink>().SelectMany(l => l.Parents))
        {
            // One id column per parent table: its window ids and the filter of handed-out ids hold one kind of id.
            if (parents.TryGetValue(key.Table, out var column) && !string.Equals(column, key.IdColumn, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"the stream layout names {key.Table} as a parent by {column} and by {key.IdColumn}");
            }

            parents[key.Table] = key.IdColumn;
        }

        _idSpaces = IdSpace.Of(_layout, parents.Keys);
        var pending = _layout.Links.Where(l => _inner.Exists(l.Key)).ToList();
        var ordered = new List<LinkedTable>();
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { _layout.PersonTable };
        while (pending.Count > 0)
        {
            var ready = pending.Where(l => l.Value is PersonLink ||
                ((ParentLink)l.Value).Parents.All(p => done.Contains(p.Table) || !_inner.Exists(p.Table))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"the stream layout's parent links form a cycle: {string.Join(", ", pending.Select(p => p.Key))}");
            }

            foreach (var (name, link) in ready)
            {
                ordered.Add(new LinkedTable(name, link, parents.GetValueOrDefault(name),
                    _columns.Name(name, link is PersonLink p ? p.Column : ((ParentLink)link).Column), _inner));
                done.Add(name);
                pending.RemoveAll(x => x.Key == name);
            }
        }

        return ordered;
    }

    /// <summary>A row's key; null for a row without one, and for a rejected row (it has no values), which thus goes
    /// to the window being read, where the adapter rejects it as it would reading the whole extract.</summary>
    private static string? Key(TableRow row, string column) =>
        row.Problem is null && row[column] is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>A record id linking rows (a parent's id, a detail row's parent); null when empty or a null key.</summary>
    private string? LinkKey(TableRow row, string column) =>
        Key(row, column) is { } key && !_layout.NullKeys.Contains(key) ? key : null;

    /// <summary>
    /// Parent tables whose ids name the same records (those some detail table lists together, as Liquidlogic's form
    /// id in contacts, assessments, plans and forms): their number as a filter space, and the detail tables naming them.
    /// </summary>
    private sealed record IdSpace(int Number, string[] Parents, string[] Details)
    {
        public static Dictionary<string, IdSpace> Of(StreamLayout layout, IEnumerable<string> parents)
        {
            // Union the parents of each detail table until no two groups share a table.
            var groups = parents.Select(p => new HashSet<string>([p], StringComparer.OrdinalIgnoreCase)).ToList();
            foreach (var link in layout.Links.Values.OfType<ParentLink>())
            {
                var joined = groups.Where(g => link.Parents.Any(p => g.Contains(p.Table))).ToList();
                groups.RemoveAll(joined.Contains);
                groups.Add([.. joined.SelectMany(g => g)]);
            }

            var spaces = new Dictionary<string, IdSpace>(StringComparer.OrdinalIgnoreCase);
            var number = 0;
            foreach (var group in groups)
            {
                var names = group.Order(StringComparer.OrdinalIgnoreCase).ToArray();
                var details = layout.Links.Where(l => l.Value is ParentLink p && p.Parents.Any(k => group.Contains(k.Table)))
                    .Select(l => l.Key).Order(StringComparer.OrdinalIgnoreCase).ToArray();
                var idSpace = new IdSpace(++number, names, details);
                foreach (var name in names)
                {
                    spaces[name] = idSpace;
                }
            }

            return spaces;
        }
    }

    /// <summary>A linked table's cursor and the rows it holds back for later windows.</summary>
    private sealed class LinkedTable(string name, TableLink link, string? idColumn, string keyColumn, ITableSource inner) : IDisposable
    {
        private Cursor? _cursor;
        private List<TableRow> _waiting = [];
        private long _handed;

        public string Name => name;
        public TableLink Link => link;
        public string? IdColumn => idColumn;
        public bool IsParent => idColumn is not null;

        /// <summary>For a person-linked parent table, the rows handed out after each window (to tell a row's window).</summary>
        public List<long>? Bounds { get; } = idColumn is not null && link is PersonLink ? [] : null;

        private Cursor Rows() => _cursor ??= new Cursor(inner.Read(name, CancellationToken.None).GetEnumerator());

        /// <summary>The rows naming a person of the window (or no known person); stops at the first person beyond it.</summary>
        public List<TableRow> TakePersonRows(PersonWindows w, int start, int end, bool last)
        {
            var taken = new List<TableRow>();
            var rows = Rows();
            while (rows.Peek() is { } row)
            {
                if (Key(row, keyColumn) is { } key && w._ordinals.TryGetValue(key, out var ordinal))
                {
                    if (ordinal < start)
                    {
                        throw w.NotOrdered(name, row, $"person {key} comes after later people's rows");
                    }

                    if (ordinal >= end && !last)
                    {
                        break;
                    }
                }

                taken.Add(rows.Next()!);
            }

            _handed += taken.Count;
            Bounds?.Add(_handed);
            return taken;
        }

        /// <summary>
        /// The rows naming a parent record of the window. Rows naming a parent not read yet wait; those followed by a
        /// row of this window name no parent at all (orphans) and go to this window to be rejected.
        /// </summary>
        public List<TableRow> TakeParentRows(PersonWindows w, Dictionary<string, HashSet<string>> windowIds, bool last)
        {
            var parents = ((ParentLink)link).Parents.Select(p => p.Table).ToArray();
            var placed = parents.Select(p => windowIds.GetValueOrDefault(p)).OfType<HashSet<string>>().ToArray();
            var taken = new List<TableRow>();
            var unplaced = new List<TableRow>();
            var rows = Rows();
            var waiting = _waiting;
            _waiting = [];
            var i = 0;
            while (true)
            {
                TableRow? row;
                if (i < waiting.Count)
                {
                    row = waiting[i++];
                }
                else if (unplaced.Count >= LookAhead && !last)
                {
                    break;
                }
                else
                {
                    row = rows.Next();
                }

                if (row is null)
                {
                    break;
                }

                // A rejected row says nothing about where its parent is, so it is no evidence of orphans either.
                if (row.Problem is not null)
                {
                    taken.Add(row);
                    continue;
                }

                var key = w.LinkKey(row, keyColumn);
                if (key is not null && !InWindow(placed, key))
                {
                    unplaced.Add(row);
                    continue;
                }

                Orphans(w, unplaced, parents, taken);
                taken.Add(row);
            }

            if (last)
            {
                Orphans(w, unplaced, parents, taken);
            }
            else
            {
                _waiting = unplaced;
            }

            return taken;
        }

        private static bool InWindow(HashSet<string>[] placed, string key)
        {
            foreach (var ids in placed)
            {
                if (ids.Contains(key))
                {
                    return true;
                }
            }

            return false;
        }

        private void Orphans(PersonWindows w, List<TableRow> unplaced, string[] parents, List<TableRow> taken)
        {
            if (unplaced.Count == 0)
            {
                return;
            }

            // The parents of one link are in one id space.
            var space = w.Space(parents[0]);
            foreach (var row in unplaced)
            {
                var key = w.LinkKey(row, keyColumn)!;
                if (w._seen.MayContain(space, key))
                {
                    throw w.NotOrdered(name, row, $"its {string.Join(" or ", parents)} record {key} was in an earlier part of the extract");
                }

                w._orphans.TryAdd((space, key), name);
                taken.Add(row);
            }

            unplaced.Clear();
        }

        public void Dispose() => _cursor?.Dispose();
    }

    /// <summary>An enumerator with one row of look-ahead.</summary>
    private sealed class Cursor(IEnumerator<TableRow> rows) : IDisposable
    {
        private TableRow? _next;
        private bool _done;

        public TableRow? Peek()
        {
            if (_next is null && !_done)
            {
                if (rows.MoveNext())
                {
                    _next = rows.Current;
                }
                else
                {
                    _done = true;
                }
            }

            return _next;
        }

        public TableRow? Next()
        {
            var row = Peek();
            _next = null;
            return row;
        }

        public void Dispose() => rows.Dispose();
    }

    /// <summary>One window's tables: the rows read for it, the directory tables whole, headers from the source.</summary>
    private sealed class WindowTables(ITableSource inner, Dictionary<string, List<TableRow>> rows,
        Dictionary<string, IReadOnlyCollection<string>?> headers, Dictionary<string, bool> blanks, WindowKeys keys) : ITableSource, IStreamWindow
    {
        public WindowKeys Keys => keys;

        public string Location => inner.Location;

        public bool Exists(string table) => inner.Exists(table);

        public bool IsBlank(string table)
        {
            lock (headers)
            {
                // Asked by every window's layout check: the answer of the first window is kept, as headers are.
                if (!blanks.TryGetValue(table, out var blank))
                {
                    blank = inner.IsBlank(table);
                    blanks[table] = blank;
                }

                return blank;
            }
        }

        public string Describe(string table) => inner.Describe(table);

        public IEnumerable<TableRow> Read(string table, CancellationToken cancellationToken = default) =>
            rows.TryGetValue(table, out var list)
                ? list
                : inner.Exists(table)
                    ? throw new InvalidOperationException($"{table} is read by the adapter but has no link in its stream layout")
                    : inner.Read(table, cancellationToken);

        public IReadOnlyCollection<string>? Header(string table)
        {
            lock (headers)
            {
                if (!headers.TryGetValue(table, out var header))
                {
                    header = inner.Header(table);
                    headers[table] = header;
                }

                return header;
            }
        }
    }
}
