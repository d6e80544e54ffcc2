using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CaseCompliance.Adapters.Tables;

/// <summary>
/// A virtual table read from an XML file: one row per element at <paramref name="RowPath"/> (relative to the record
/// element; <c>""</c> is the record itself), one column per <see cref="XmlField"/>.
/// </summary>
public sealed record XmlTableMap(string Table, string RowPath, IReadOnlyList<XmlField> Fields);

/// <summary>
/// A column of an <see cref="XmlTableMap"/> and where its text comes from, relative to the row element:
/// <c>Name</c> or <c>A/B</c> the text of that descendant (child by child); <c>.</c> the row element's own text;
/// <c>../Name</c>, <c>../../A/B</c> after stepping up to ancestors; <c>@path</c> the row element's indexed path
/// (<c>Child[12]/CINdetails[2]/Assessments[1]</c>, from the record element), usable as a record id; <c>../@path</c>
/// the parent's indexed path (the parent row's id).
/// </summary>
public sealed record XmlField(string Column, string Path);

/// <summary>
/// Tables read from one XML file whose records repeat at <c>recordPath</c> (local names from below the document
/// element, e.g. <c>Children/Child</c> under <c>Message</c>; namespaces ignored). The document is parsed once,
/// streaming, one record element at a time; every table's rows are kept in memory (census and return files are tens
/// of MB). A row's <see cref="TableRow.File"/> is the file name and its <see cref="TableRow.Line"/> the row element's
/// indexed path, so that rejected.csv names the element (line <c>Child[12]/CINdetails[2]/Assessments[1]</c>, field
/// <c>AssessmentAuthorisationDate</c>).
/// </summary>
/// <remarks>
/// A row whose field path matches two elements is a rejected row naming that column (the element appears twice).
/// A record's index counts the records of the whole file (1-based, in document order), so ids stay unique if a file
/// repeats the records' container. <c>alsoAt</c> lists other paths the records may be at (a wrapper element some
/// exports add). With <c>requireRecords</c>, a file with elements below its document element but no record at any of
/// these paths fails the source, naming the paths expected and the elements found (rather than reading as empty,
/// which would not say where it looked).
/// DTDs are refused and no external resource is resolved. A missing file, a file that
/// is not well-formed, or bytes that are not in the declared (default UTF-8) encoding fail the source, naming the file,
/// line and position.
/// </remarks>
public sealed class XmlTableSource(string file, string recordPath, IReadOnlyList<XmlTableMap> tables,
    IReadOnlyList<string>? alsoAt = null, bool requireRecords = false) : ITableSource
{
    /// <summary>The field path of a row element's indexed path.</summary>
    public const string PathField = "@path";

    private readonly string _path = System.IO.Path.GetFullPath(file);
    private readonly string[] _recordSteps = Steps(recordPath);
    private readonly string[][] _recordPaths = [Steps(recordPath), .. (alsoAt ?? []).Select(Steps)];
    private readonly Dictionary<string, Compiled> _tables = Compile(tables);
    private Dictionary<string, List<TableRow>>? _rows;

    public string Location => _path;

    private string FileName => System.IO.Path.GetFileName(_path);

    public bool Exists(string table)
    {
        EnsureFile();
        return _tables.ContainsKey(table);
    }

    public string Describe(string table) => FileName;

    public IReadOnlyCollection<string>? Header(string table) =>
        _tables.TryGetValue(table, out var t) ? t.Columns.Keys.ToList() : null;

    public IEnumerable<TableRow> Read(string table, CancellationToken cancellationToken = default)
    {
        if (!_tables.ContainsKey(table))
        {
            throw new SourceFailedException($"{FileName}: no table {table} is mapped from this XML file.");
        }

        _rows ??= Parse(cancellationToken);
        return _rows[table];
    }

    private void EnsureFile()
    {
        if (!File.Exists(_path))
        {
            throw new SourceFailedException($"{FileName}: file not found ({_path}).");
        }
    }

    private Dictionary<string, List<TableRow>> Parse(CancellationToken cancellationToken)
    {
        EnsureFile();

        // An XML declaration may name any Windows code page (encoding="windows-1252"): the reader resolves it by name.
        CsvEncoding.RegisterCodePages();
        var rows = _tables.Keys.ToDictionary(t => t, _ => new List<TableRow>(), StringComparer.OrdinalIgnoreCase);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        };

        try
        {
            using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            if (_recordSteps.Length == 0)
            {
                Add(rows, (XElement)XNode.ReadFrom(reader), 1);
                return rows;
            }

            // Only elements on the way to the records are entered; everything else is skipped whole.
            var document = reader.LocalName;
            var depthOfDocument = reader.Depth;
            var record = 0;
            var path = new List<string>();
            var skipped = new List<string>();
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                var level = reader.Depth - depthOfDocument - 1;
                path.RemoveRange(level, path.Count - level);
                path.Add(reader.LocalName);
                var on = _recordPaths.Where(p => p.Length >= path.Count && p.Take(path.Count).SequenceEqual(path, StringComparer.Ordinal)).ToList();
                if (on.Count == 0)
                {
                    if (skipped.Count < 5 && !skipped.Contains(string.Join('/', path)))
                    {
                        skipped.Add(string.Join('/', path));
                    }

                    reader.Skip();
                    continue;
                }

                if (on.Any(p => p.Length == path.Count))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Add(rows, (XElement)XNode.ReadFrom(reader), ++record);
                    continue;
                }

                reader.Read();
            }

            if (requireRecords && record == 0 && skipped.Count > 0)
            {
                var expected = string.Join(" or ", _recordPaths.Select(p => $"{document}/{string.Join('/', p)}"));
                throw new SourceFailedException(
                    $"{FileName}: no record element at {expected}; below {document} it holds {string.Join(", ", skipped.Select(x => $"{document}/{x}"))}.");
            }

            return rows;
        }
        catch (XmlException e)
        {
            throw new SourceFailedException(
                $"{FileName}: not well-formed XML (or not in its declared encoding) at line {e.LineNumber}, position {e.LinePosition}: {e.Message}", e);
        }
        catch (Exception e) when (e is DecoderFallbackException or ArgumentException or NotSupportedException)
        {
            throw new SourceFailedException($"{FileName}: cannot be decoded: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new SourceFailedException($"{FileName}: cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SourceFailedException($"{FileName}: cannot be read: {e.Message}", e);
        }
    }

    private void Add(Dictionary<string, List<TableRow>> rows, XElement recordElement, int index)
    {
        var recordId = $"{recordElement.Name.LocalName}[{index.ToString(CultureInfo.InvariantCulture)}]";
        var paths = new Dictionary<XElement, string> { [recordElement] = recordId };
        foreach (var (name, table) in _tables)
        {
            var list = rows[name];
            foreach (var element in Descend(recordElement, table.RowSteps))
            {
                list.Add(Row(table, element, recordElement, paths));
            }
        }
    }

    private TableRow Row(Compiled table, XElement row, XElement recordElement, Dictionary<XElement, string> paths)
    {
        var line = IndexedPath(row, recordElement, paths);
        var values = new string[table.Fields.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var field = table.Fields[i];
            var at = row;
            for (var up = 0; up < field.Up && at is not null; up++)
            {
                at = ReferenceEquals(at, recordElement) ? null : at.Parent;
            }

            if (at is null)
            {
                values[i] = "";
                continue;
            }

            switch (field.Kind)
            {
                case FieldKind.Own:
                    values[i] = OwnText(at);
                    break;
                case FieldKind.IndexedPath:
                    values[i] = IndexedPath(at, recordElement, paths);
                    break;
                default:
                    XElement? found = null;
                    var count = 0;
                    foreach (var match in Descend(at, field.Steps))
                    {
                        found ??= match;
                        if (++count > 1)
                        {
                            break;
                        }
                    }

                    if (count > 1)
                    {
                        return TableRow.Rejected(FileName, line, table.Columns,
                            $"element {field.Path} appears more than once in {row.Name.LocalName}: the row cannot be used", field.Column);
                    }

                    values[i] = found is null ? "" : OwnText(found);
                    break;
            }
        }

        return new TableRow(FileName, line, table.Columns, values);
    }

    /// <summary>An element's text: its own text nodes when it has child elements, else its value.</summary>
    private static string OwnText(XElement element) =>
        element.HasElements ? string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)) : element.Value;

    /// <summary>Elements reached from <paramref name="from"/> by child steps of local names (every match at each step).</summary>
    private static IEnumerable<XElement> Descend(XElement from, string[] steps)
    {
        IEnumerable<XElement> current = [from];
        foreach (var step in steps)
        {
            var name = step;
            current = current.SelectMany(e => e.Elements().Where(c => c.Name.LocalName == name));
        }

        return current;
    }

    /// <summary><c>Child[12]/CINdetails[2]/Assessments[1]</c>: 1-based positions among same-named siblings, from the record.</summary>
    private static string IndexedPath(XElement element, XElement recordElement, Dictionary<XElement, string> paths)
    {
        if (paths.TryGetValue(element, out var known))
        {
            return known;
        }

        if (element.Parent is not { } parent || ReferenceEquals(element, recordElement))
        {
            return "";
        }

        var name = element.Name.LocalName;
        var position = 1;
        foreach (var sibling in element.ElementsBeforeSelf())
        {
            if (sibling.Name.LocalName == name)
            {
                position++;
            }
        }

        var path = $"{IndexedPath(parent, recordElement, paths)}/{name}[{position.ToString(CultureInfo.InvariantCulture)}]";
        paths[element] = path;
        return path;
    }

    private static string[] Steps(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Dictionary<string, Compiled> Compile(IReadOnlyList<XmlTableMap> maps)
    {
        var result = new Dictionary<string, Compiled>(StringComparer.OrdinalIgnoreCase);
        foreach (var map in maps)
        {
            var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var fields = new CompiledField[map.Fields.Count];
            for (var i = 0; i < fields.Length; i++)
            {
                var f = map.Fields[i];
                if (!columns.TryAdd(f.Column, i))
                {
                    throw new ArgumentException($"{map.Table}: column {f.Column} mapped twice.", nameof(maps));
                }

                var rest = f.Path.Trim();
                var up = 0;
                while (rest.StartsWith("../", StringComparison.Ordinal))
                {
                    up++;
                    rest = rest[3..];
                }

                if (rest == "..")
                {
                    up++;
                    rest = ".";
                }

                var kind = rest switch
                {
                    "." or "" => FieldKind.Own,
                    PathField => FieldKind.IndexedPath,
                    _ when rest.Contains('@', StringComparison.Ordinal) || rest.Contains("..", StringComparison.Ordinal) =>
                        throw new ArgumentException($"{map.Table}.{f.Column}: unsupported path '{f.Path}'.", nameof(maps)),
                    _ => FieldKind.Descendant,
                };
                fields[i] = new CompiledField(f.Column, f.Path, up, kind, kind == FieldKind.Descendant ? Steps(rest) : []);
            }

            if (!result.TryAdd(map.Table, new Compiled(Steps(map.RowPath), fields, columns)))
            {
                throw new ArgumentException($"table {map.Table} mapped twice.", nameof(maps));
            }
        }

        return result;
    }

    private enum FieldKind
    {
        Descendant,
        Own,
        IndexedPath,
    }

    private sealed record CompiledField(string Column, string Path, int Up, FieldKind Kind, string[] Steps);

    private sealed record Compiled(string[] RowSteps, CompiledField[] Fields, IReadOnlyDictionary<string, int> Columns);
}
