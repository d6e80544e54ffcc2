using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CaseCompliance.Host.Tests;

/// <summary>
/// Reads a workbook back with the Open XML SDK's document classes (not the forward-only writer under test): sheets in
/// workbook order, each as rows of cells by column, with what a user would see in each cell.
/// </summary>
public sealed class XlsxFile : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;

    public XlsxFile(string path)
    {
        _document = SpreadsheetDocument.Open(path, isEditable: false);
        _workbook = _document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
    }

    public IReadOnlyList<string> SheetNames =>
        [.. _workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    public IEnumerable<DefinedName> DefinedNames =>
        _workbook.Workbook.DefinedNames?.Elements<DefinedName>() ?? [];

    public XlsxSheet Sheet(string name)
    {
        var sheet = _workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)_workbook.GetPartById(sheet.Id!);
        return new XlsxSheet(this, part.Worksheet);
    }

    /// <summary>The number format code of a cell's style, or null for General.</summary>
    public string? NumberFormat(Cell cell)
    {
        if (cell.StyleIndex?.Value is not { } index || index == 0)
        {
            return null;
        }

        var styles = _workbook.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)index);
        var id = format.NumberFormatId?.Value ?? 0;
        if (id == 14)
        {
            return "m/d/yyyy";
        }

        return styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value;
    }

    public bool IsBold(Cell cell)
    {
        if (cell.StyleIndex?.Value is not { } index)
        {
            return false;
        }

        var styles = _workbook.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)index);
        var font = styles.Fonts!.Elements<Font>().ElementAt((int)(format.FontId?.Value ?? 0));
        return font.Elements<Bold>().Any();
    }

    /// <summary>A cell's text as stored: inline or shared string, or the raw value (a number or a serial date).</summary>
    public string Text(Cell? cell)
    {
        if (cell is null)
        {
            return "";
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            var table = _workbook.SharedStringTablePart!.SharedStringTable;
            return table.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText;
        }

        return cell.CellValue?.Text ?? "";
    }

    /// <summary>What the cell means as CSV text: a date-styled number as yyyy-MM-dd, else its text.</summary>
    public string AsCsv(Cell? cell)
    {
        if (cell is not null && cell.DataType is null && NumberFormat(cell) is { } format && format.Contains('y'))
        {
            var serial = double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return Text(cell);
    }

    public void Dispose() => _document.Dispose();
}

/// <summary>One sheet: rows (by row number order) of cells keyed by 0-based column, plus its view and filter.</summary>
public sealed class XlsxSheet(XlsxFile file, Worksheet worksheet)
{
    public XlsxFile File { get; } = file;

    public IReadOnlyList<IReadOnlyDictionary<int, Cell>> Rows { get; } =
    [
        .. worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r =>
            (IReadOnlyDictionary<int, Cell>)r.Elements<Cell>().ToDictionary(c => ColumnIndex(c.CellReference!.Value!), c => c)),
    ];

    public Pane? Pane => worksheet.GetFirstChild<SheetViews>()?.GetFirstChild<SheetView>()?.GetFirstChild<Pane>();

    public string? AutoFilter => worksheet.GetFirstChild<AutoFilter>()?.Reference?.Value;

    /// <summary>A row's cells as CSV text, <paramref name="width"/> columns.</summary>
    public string[] Values(int row, int width) =>
        [.. Enumerable.Range(0, width).Select(i => File.AsCsv(Rows[row].GetValueOrDefault(i)))];

    public static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            n = n * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return n - 1;
    }
}
