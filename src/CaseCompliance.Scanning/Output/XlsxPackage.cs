using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CaseCompliance.Scanning.Output;

/// <summary>
/// A workbook written forward only, so that a million-row sheet never sits in memory: the package is opened
/// write-only (System.IO.Packaging then writes each part straight into the zip file), each sheet is streamed with
/// <see cref="OpenXmlWriter"/>, and the workbook part, which names the sheets, is written last. The Open XML SDK's
/// own document classes cannot do this (a writable <c>SpreadsheetDocument</c> keeps every part in memory until it is
/// saved, and refuses a write-only package), so only their element classes and writer are used here.
/// Parts are written one after another and each once: a sheet must be finished before the next begins.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    /// <summary>Rows of a sheet, header included (Excel's limit).</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>Cell styles of <see cref="Stylesheet"/>: 0 plain, 1 date, 2 bold.</summary>
    public const uint DateStyle = 1, BoldStyle = 2;

    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string RelationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private readonly Package _package;
    private readonly List<SheetEntry> _sheets = [];
    private SheetWriter? _open;
    private bool _finished;

    public XlsxPackage(string path)
    {
        _package = Package.Open(path, FileMode.Create, FileAccess.Write);
    }

    public SheetNames Names { get; } = new();

    /// <summary>Starts a sheet named <paramref name="name"/> (already made valid and unique by <see cref="Names"/>),
    /// listed first in the workbook when <paramref name="first"/>, else after the sheets before it.</summary>
    public SheetWriter BeginSheet(string name, IReadOnlyList<double> columnWidths, bool freezeHeader, bool first = false)
    {
        if (_open is not null)
        {
            throw new InvalidOperationException("Finish the open sheet before starting another.");
        }

        var number = _sheets.Count + 1;
        var uri = new Uri($"/xl/worksheets/sheet{number.ToString(CultureInfo.InvariantCulture)}.xml", UriKind.Relative);
        var part = _package.CreatePart(uri, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
            CompressionOption.Normal);
        var entry = new SheetEntry(name, uri, $"rId{(number + 1).ToString(CultureInfo.InvariantCulture)}");
        _sheets.Insert(first ? 0 : _sheets.Count, entry);
        _open = new SheetWriter(part.GetStream(FileMode.Create, FileAccess.Write), columnWidths, freezeHeader, first, filter =>
        {
            entry.Filter = filter;
            _open = null;
        });
        return _open;
    }

    /// <summary>Writes the styles and the workbook (sheets in order, the filters' defined names) and closes the file.</summary>
    public void Finish()
    {
        if (_open is not null)
        {
            throw new InvalidOperationException("A sheet is still open.");
        }

        var styles = _package.CreatePart(new Uri("/xl/styles.xml", UriKind.Relative),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml", CompressionOption.Normal);
        WritePart(styles, Stylesheet());

        var workbookUri = new Uri("/xl/workbook.xml", UriKind.Relative);
        var workbook = _package.CreatePart(workbookUri,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", CompressionOption.Normal);
        var sheets = new Sheets();
        var names = new DefinedNames();
        for (var i = 0; i < _sheets.Count; i++)
        {
            var s = _sheets[i];
            sheets.Append(new Sheet { Name = s.Name, SheetId = (uint)(i + 1), Id = s.RelationshipId });
            if (s.Filter is { } filter)
            {
                // Excel keeps an auto-filter's range in this hidden name; it rebuilds it when absent, but other readers
                // look for it.
                names.Append(new DefinedName($"{Quote(s.Name)}!{Absolute(filter)}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = (uint)i,
                    Hidden = true,
                });
            }

            workbook.CreateRelationship(new Uri(s.Uri.OriginalString["/xl/".Length..], UriKind.Relative),
                TargetMode.Internal, RelationshipTypes + "worksheet", s.RelationshipId);
        }

        workbook.CreateRelationship(new Uri("styles.xml", UriKind.Relative), TargetMode.Internal,
            RelationshipTypes + "styles", "rId1");
        var root = new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), sheets);
        if (names.HasChildren)
        {
            root.Append(names);
        }

        root.AddNamespaceDeclaration("r", RelationshipNamespace);
        WritePart(workbook, root);
        _package.CreateRelationship(workbookUri, TargetMode.Internal, RelationshipTypes + "officeDocument", "rId1");
        _package.Close();
        _finished = true;
    }

    public void Dispose()
    {
        if (!_finished)
        {
            // Leaving after a failure: the file is incomplete whatever happens here, and the failure that brought us
            // here is the one to report.
            try
            {
                _open?.Abandon();
                _package.Close();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or XmlException)
            {
            }
        }
    }

    private static void WritePart(PackagePart part, OpenXmlElement root)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteElement(root);
        writer.Close();
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true }) { Count = 3 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>A sheet name as a formula reference: in quotes, its own quotes doubled.</summary>
    private static string Quote(string sheet) => $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'";

    private static string Absolute(string range) => string.Join(':', range.Split(':').Select(cell =>
    {
        var letters = cell.TakeWhile(char.IsAsciiLetter).Count();
        return $"${cell[..letters]}${cell[letters..]}";
    }));

    private sealed class SheetEntry(string name, Uri uri, string relationshipId)
    {
        public string Name { get; } = name;
        public Uri Uri { get; } = uri;
        public string RelationshipId { get; } = relationshipId;
        public string? Filter { get; set; }
    }
}

/// <summary>
/// Writes one sheet's rows as they come: cells left to right, each a number, a date (an Excel serial day with the
/// date style) or an inline string (no shared-string table to hold in memory). Empty cells are skipped but keep
/// their column.
/// </summary>
internal sealed class SheetWriter
{
    /// <summary>Characters Excel keeps in a cell.</summary>
    private const int MaxCellText = 32_767;

    private static readonly int Epoch = new DateOnly(1899, 12, 30).DayNumber;

    private readonly Stream _stream;
    private readonly OpenXmlWriter _writer;
    private readonly Action<string?> _finished;
    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly CellValue _value = new();
    private readonly InlineString _inline = new();
    private readonly Text _text = new();
    private readonly List<OpenXmlAttribute> _attributes = new(3);
    private int _rowNumber;
    private string _rowText = "";
    private int _column;
    private int _widest;

    public SheetWriter(Stream stream, IReadOnlyList<double> columnWidths, bool freezeHeader, bool selected, Action<string?> finished)
    {
        _stream = stream;
        _finished = finished;
        _writer = OpenXmlWriter.Create(stream);
        _writer.WriteStartDocument();
        _writer.WriteStartElement(new Worksheet());
        var view = new SheetView { WorkbookViewId = 0, TabSelected = selected ? true : null };
        if (freezeHeader)
        {
            view.Append(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
        }

        _writer.WriteElement(new SheetViews(view));
        if (columnWidths.Count > 0)
        {
            var columns = new Columns();
            for (var i = 0; i < columnWidths.Count; i++)
            {
                columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = columnWidths[i], CustomWidth = true });
            }

            _writer.WriteElement(columns);
        }

        _writer.WriteStartElement(new SheetData());
    }

    /// <summary>Rows written so far (header included).</summary>
    public int Rows => _rowNumber;

    public void BeginRow()
    {
        _rowNumber++;
        _rowText = _rowNumber.ToString(CultureInfo.InvariantCulture);
        _column = 0;
        _writer.WriteStartElement(_row, [new OpenXmlAttribute("r", "", _rowText)]);
    }

    public void EndRow()
    {
        _writer.WriteEndElement();
        _widest = Math.Max(_widest, _column);
    }

    public void Skip() => _column++;

    public void Text(string? text, uint style = 0)
    {
        if (string.IsNullOrEmpty(text))
        {
            _column++;
            return;
        }

        text = Clean(text);
        Start(style, "inlineStr");
        _writer.WriteStartElement(_inline);
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            _writer.WriteStartElement(_text, [new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")]);
        }
        else
        {
            _writer.WriteStartElement(_text);
        }

        _writer.WriteString(text);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    public void Number(long value, uint style = 0) => Value(value.ToString(CultureInfo.InvariantCulture), style);

    public void Date(DateOnly date) => Value((date.DayNumber - Epoch).ToString(CultureInfo.InvariantCulture), XlsxPackage.DateStyle);

    /// <summary>A cell from CSV text: a date or whole number when it reads as one, else the text as it is.</summary>
    public void DateOrText(string? text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) &&
            d.Year >= 1900)
        {
            Date(d);
        }
        else
        {
            Text(text);
        }
    }

    public void NumberOrText(string? text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            Number(n);
        }
        else
        {
            Text(text);
        }
    }

    /// <summary>Ends the sheet with an auto-filter over the used range when <paramref name="filter"/> (and there is a
    /// header to hang it on).</summary>
    public void Finish(bool filter)
    {
        _writer.WriteEndElement();
        string? range = null;
        if (filter && _rowNumber > 0 && _widest > 0)
        {
            range = $"A1:{ColumnName(_widest - 1)}{_rowNumber.ToString(CultureInfo.InvariantCulture)}";
            _writer.WriteElement(new AutoFilter { Reference = range });
        }

        _writer.WriteEndElement();
        _writer.Close();
        _stream.Dispose();
        _finished(range);
    }

    /// <summary>Closes the part unfinished (the workbook is being abandoned).</summary>
    public void Abandon()
    {
        _writer.Dispose();
        _stream.Dispose();
        _finished(null);
    }

    private void Value(string value, uint style)
    {
        Start(style, null);
        _writer.WriteStartElement(_value);
        _writer.WriteString(value);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private void Start(uint style, string? type)
    {
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", "", ColumnName(_column) + _rowText));
        if (style != 0)
        {
            _attributes.Add(new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture)));
        }

        if (type is not null)
        {
            _attributes.Add(new OpenXmlAttribute("t", "", type));
        }

        _writer.WriteStartElement(_cell, _attributes);
        _column++;
    }

    private static readonly string[] Letters = [.. Enumerable.Range(0, 26).Select(i => ((char)('A' + i)).ToString())];

    public static string ColumnName(int index) => index < 26 ? Letters[index] : ColumnName(index / 26 - 1) + Letters[index % 26];

    /// <summary>
    /// Text as a cell can hold it: characters XML 1.0 forbids (control characters from a source record, lone
    /// surrogates) become U+FFFD rather than failing the workbook, and text beyond Excel's limit is cut.
    /// </summary>
    internal static string Clean(string text)
    {
        if (text.Length > MaxCellText)
        {
            text = string.Concat(text.AsSpan(0, MaxCellText - 1), "…");
        }

        var bad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                continue;
            }

            bad = i;
            break;
        }

        if (bad < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = bad; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]) || !XmlConvert.IsXmlChar(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}

/// <summary>
/// Sheet names Excel accepts: at most 31 characters, none of <c>[]:*?/\</c>, not starting or ending with an
/// apostrophe, not the reserved "History", and unique ignoring case (a clash gets " (2)", " (3)", ...).
/// </summary>
internal sealed class SheetNames
{
    public const int MaxLength = 31;

    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase) { "History" };

    public string Reserve(string wanted)
    {
        var name = Valid(wanted);
        if (_taken.Add(name))
        {
            return name;
        }

        for (var n = 2; ; n++)
        {
            var suffix = $" ({n.ToString(CultureInfo.InvariantCulture)})";
            var candidate = Cut(name, MaxLength - suffix.Length).TrimEnd() + suffix;
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }

    private static string Valid(string wanted)
    {
        var chars = wanted.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? '_' : c).ToArray();
        var name = new string(chars).Trim().Trim('\'').Trim();
        name = Cut(name, MaxLength).TrimEnd().TrimEnd('\'');
        return name.Length == 0 ? "Team" : name;
    }

    /// <summary>The first <paramref name="length"/> characters at most, never half a surrogate pair.</summary>
    private static string Cut(string text, int length) => text.Length <= length
        ? text
        : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
