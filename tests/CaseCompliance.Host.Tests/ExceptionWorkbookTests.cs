using System.Globalization;
using System.Text.Json;
using CaseCompliance.Scanning.Output;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using NodaTime;

namespace CaseCompliance.Host.Tests;

/// <summary>exceptions.xlsx as the real <c>scan</c> writes it for the bundled sample, read back with the Open XML SDK
/// and compared with exceptions.csv of the same scan.</summary>
public class ExceptionWorkbookTests(SampleScan sample) : IClassFixture<SampleScan>
{
    private const int Width = 14;

    private string Xlsx => sample.Out.File("exceptions.xlsx");

    private (string[] Header, List<Dictionary<string, string>> Rows) Csv => CsvFile.Read(sample.Out.File("exceptions.csv"));

    private List<string> Teams => [.. Csv.Rows.Select(r => r["team"]).Distinct()];

    [Fact]
    public void Scan_WritesTheWorkbook_AndPrintsIt()
    {
        Assert.True(sample.Result.ExitCode == 0, sample.Result.Stdout + sample.Result.Stderr);
        Assert.True(File.Exists(Xlsx), sample.Result.Stdout);
        Assert.Contains(Xlsx, sample.Result.Stdout);
        // No scratch or temporary file is left beside the outputs.
        Assert.Equal(["exceptions.csv", "exceptions.xlsx", "findings.csv", "rejected.csv", "summary.json"],
            Directory.GetFiles(sample.Out.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // summary.json names the counts the workbook's summary repeats.
        using var summary = JsonDocument.Parse(File.ReadAllText(sample.Out.File("summary.json")));
        Assert.Equal(Csv.Rows.Count, summary.RootElement.GetProperty("exceptions").GetInt32());
    }

    [Fact]
    public void Sheets_AreSummaryThenOnePerTeam_InListOrder()
    {
        var teams = Teams;
        Assert.True(teams.Count >= 2, "the sample should list more than one team");
        // The sample's team names are valid sheet names as they are, so each sheet is named after its team.
        Assert.All(teams, t => Assert.True(t.Length <= 31 && t.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, t));
        using var book = new XlsxFile(Xlsx);
        Assert.Equal(["Summary", .. teams.Select(t => t == "" ? "No team" : t)], book.SheetNames);
    }

    [Fact]
    public void TeamSheets_HoldExactlyTheTeamsRows_InTheSameOrder_WithTheSameValues()
    {
        var (header, rows) = Csv;
        Assert.NotEmpty(rows);
        using var book = new XlsxFile(Xlsx);
        var compared = 0;
        foreach (var team in Teams)
        {
            var sheet = book.Sheet(team == "" ? "No team" : team);
            Assert.Equal(header, sheet.Values(0, Width));
            Assert.Equal(Width, sheet.Rows[0].Count);
            var expected = rows.Where(r => r["team"] == team).Select(r => header.Select(h => r[h]).ToArray()).ToList();
            Assert.Equal(expected.Count + 1, sheet.Rows.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i], sheet.Values(i + 1, Width));
                compared++;
            }
        }

        Assert.Equal(rows.Count, compared);
    }

    [Fact]
    public void TeamSheets_HaveABoldFrozenHeader_AndAnAutoFilterOverTheRows()
    {
        using var book = new XlsxFile(Xlsx);
        foreach (var team in Teams)
        {
            var sheet = book.Sheet(team == "" ? "No team" : team);
            Assert.All(sheet.Rows[0].Values, c => Assert.True(book.IsBold(c), c.CellReference));
            Assert.False(book.IsBold(sheet.Rows[1][0]));
            Assert.NotNull(sheet.Pane);
            Assert.Equal(PaneStateValues.Frozen, sheet.Pane!.State!.Value);
            Assert.Equal(1d, sheet.Pane.VerticalSplit!.Value);
            Assert.Equal("A2", sheet.Pane.TopLeftCell!.Value);
            Assert.Equal($"A1:N{sheet.Rows.Count}", sheet.AutoFilter);
        }

        // Excel's own record of each filter's range, on the sheet it belongs to.
        var names = book.DefinedNames.Where(n => n.Name == "_xlnm._FilterDatabase").ToList();
        Assert.Equal(Teams.Count, names.Count);
        Assert.All(names, n => Assert.NotEqual(0u, n.LocalSheetId!.Value));
    }

    [Fact]
    public void Dates_AreExcelDates_AndDayCounts_AreNumbers()
    {
        var (_, rows) = Csv;
        using var book = new XlsxFile(Xlsx);
        var first = Teams[0];
        var sheet = book.Sheet(first == "" ? "No team" : first);
        var csvRow = rows.First(r => r["team"] == first && r["due_date"] != "");
        var index = rows.Where(r => r["team"] == first).ToList().IndexOf(csvRow) + 1;
        var due = sheet.Rows[index][6];
        Assert.Null(due.DataType);
        Assert.Equal("yyyy-mm-dd", book.NumberFormat(due));
        var serial = double.Parse(due.CellValue!.Text, CultureInfo.InvariantCulture);
        var expected = DateOnly.ParseExact(csvRow["due_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(expected.DayNumber - new DateOnly(1899, 12, 30).DayNumber, serial);

        var lateRow = rows.Select((r, i) => (r, i)).First(x => x.r["days_late"] != "");
        var lateSheet = book.Sheet(lateRow.r["team"] == "" ? "No team" : lateRow.r["team"]);
        var lateIndex = rows.Where(r => r["team"] == lateRow.r["team"]).ToList().IndexOf(lateRow.r) + 1;
        var days = lateSheet.Rows[lateIndex][8];
        Assert.Null(days.DataType);
        Assert.Null(book.NumberFormat(days));
        Assert.Equal(lateRow.r["days_late"], days.CellValue!.Text);
        Assert.Equal(lateRow.r["working_days_late"], lateSheet.Rows[lateIndex][9].CellValue!.Text);
    }

    [Fact]
    public void Summary_CountsByRuleStatusAndTeam_EqualExceptionsCsv()
    {
        var (_, rows) = Csv;
        using var book = new XlsxFile(Xlsx);
        var summary = book.Sheet("Summary");
        var asOf = summary.Rows.Single(r => book.Text(r.GetValueOrDefault(0)) == "As of");
        Assert.Equal("2026-11-20", book.AsCsv(asOf[1]));

        string[] statuses = ["late", "overdue", "missing-data"];
        var byRule = Table(book, summary, "rule_id");
        var rules = rows.Select(r => r["rule_id"]).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal([.. rules, "total"], byRule.Select(r => r[0]).ToList());
        foreach (var line in byRule)
        {
            var mine = line[0] == "total" ? rows : [.. rows.Where(r => r["rule_id"] == line[0])];
            Assert.Equal([.. statuses.Select(s => mine.Count(r => r["status"] == s).ToString(CultureInfo.InvariantCulture)),
                mine.Count.ToString(CultureInfo.InvariantCulture)], line[1..5]);
        }

        var byTeam = Table(book, summary, "team");
        Assert.Equal([.. Teams, "total"], byTeam.Select(r => r[0]).ToList());
        foreach (var line in byTeam.SkipLast(1))
        {
            var mine = rows.Where(r => r["team"] == line[0]).ToList();
            Assert.Equal([.. statuses.Select(s => mine.Count(r => r["status"] == s).ToString(CultureInfo.InvariantCulture)),
                mine.Count.ToString(CultureInfo.InvariantCulture)], line[1..5]);
            Assert.Equal(line[0] == "" ? "No team" : line[0], line[5]);
        }
    }

    /// <summary>The summary's table under the header row starting <paramref name="first"/>, to its "total" row.</summary>
    private static List<string[]> Table(XlsxFile book, XlsxSheet summary, string first)
    {
        var start = summary.Rows.ToList().FindIndex(r => book.Text(r.GetValueOrDefault(0)) == first);
        Assert.True(start >= 0, first);
        Assert.Equal([first, "late", "overdue", "missing-data", "total"], summary.Values(start, 5));
        var table = new List<string[]>();
        for (var i = start + 1; ; i++)
        {
            table.Add(summary.Values(i, 6));
            if (table[^1][0] == "total")
            {
                return table;
            }
        }
    }
}

/// <summary><see cref="ExceptionWorkbook"/> called directly, for what the sample does not show.</summary>
public class ExceptionWorkbookWriterTests : IDisposable
{
    private static readonly LocalDate AsOf = new(2025, 3, 31);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    internal static string?[] Row(string team, string status = "overdue", string child = "standard:C1", string? due = "2025-03-14",
        string rule = "cp-visits", string? detail = "CP visit due by 2025-03-14 has not been made.") =>
        [rule, status, child, "standard:E1", "standard", "2025-02-28", due, null, status == "missing-data" ? null : "17",
         status == "missing-data" ? null : "12", "W1", team, "V1;V2", detail];

    [Fact]
    public void SheetNames_FollowExcelRules()
    {
        var path = _folder.File("names.xlsx");
        string[] teams =
        [
            "Safeguarding [East]: Area 1/2", "A team name that is far longer than thirty-one characters",
            "A team name that is far longer than thirty-one characters, again", "summary", "'Quoted'", "history",
        ];
        ExceptionWorkbook.Write(path, teams.Select(t => Row(t)), AsOf);
        using var book = new XlsxFile(path);
        Assert.Equal(
        [
            "Summary", "Safeguarding _East__ Area 1_2", "A team name that is far longer",
            "A team name that is far lon (2)", "summary (2)", "Quoted", "history (2)",
        ], book.SheetNames);
        Assert.All(book.SheetNames, n => Assert.True(n.Length <= 31, n));
        // The summary still names each team as it is, and the sheet it went to.
        var summary = book.Sheet("Summary");
        var teamRow = summary.Rows.Single(r => book.Text(r.GetValueOrDefault(0)) == teams[0]);
        Assert.Equal("Safeguarding _East__ Area 1_2", book.Text(teamRow[5]));
    }

    [Fact]
    public void RowsWithoutATeam_GoToNoTeam_AndAnEmptyListGivesJustTheSummary()
    {
        var path = _folder.File("none.xlsx");
        ExceptionWorkbook.Write(path, [Row("Alpha"), Row(""), Row("")], AsOf);
        using (var book = new XlsxFile(path))
        {
            Assert.Equal(["Summary", "Alpha", "No team"], book.SheetNames);
            Assert.Equal(3, book.Sheet("No team").Rows.Count);
        }

        var empty = _folder.File("empty.xlsx");
        ExceptionWorkbook.Write(empty, [], AsOf);
        using var emptyBook = new XlsxFile(empty);
        Assert.Equal(["Summary"], emptyBook.SheetNames);
        var total = emptyBook.Sheet("Summary").Rows.First(r => emptyBook.Text(r.GetValueOrDefault(0)) == "total");
        Assert.Equal("0", emptyBook.Text(total[4]));
    }

    [Fact]
    public void RowsNotGroupedByTeam_AreRefused()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            ExceptionWorkbook.Write(_folder.File("bad.xlsx"), [Row("A"), Row("B"), Row("A")], AsOf));
        Assert.Contains("grouped by team", e.Message);
    }

    [Fact]
    public void ATeamBeyondTheRowLimit_ContinuesOnAnotherSheet()
    {
        var path = _folder.File("long.xlsx");
        var rows = Enumerable.Range(1, 7).Select(i => Row("Alpha", child: $"standard:C{i}")).Append(Row("Beta"));
        ExceptionWorkbook.Write(path, rows, AsOf, change: null, maxRows: 4);
        using var book = new XlsxFile(path);
        Assert.Equal(["Summary", "Alpha", "Alpha (2)", "Alpha (3)", "Beta"], book.SheetNames);
        var children = new[] { "Alpha", "Alpha (2)", "Alpha (3)" }
            .SelectMany(n => book.Sheet(n).Rows.Skip(1).Select(r => book.Text(r[2]))).ToList();
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"standard:C{i}"), children);
        Assert.All(new[] { "Alpha", "Alpha (2)", "Alpha (3)" }, n => Assert.Equal("child_id", book.Text(book.Sheet(n).Rows[0][2])));
    }

    [Fact]
    public void ChangeColumn_ComesLast_WhenALookupIsGiven()
    {
        var path = _folder.File("change.xlsx");
        ExceptionWorkbook.Write(path, [Row("A", child: "standard:C1"), Row("A", child: "standard:C2"), Row("A", child: "standard:C3")], AsOf,
            row => row[2] switch { "standard:C1" => "new", "standard:C2" => "persisting", _ => null });
        using var book = new XlsxFile(path);
        var sheet = book.Sheet("A");
        Assert.Equal("change", book.Text(sheet.Rows[0][14]));
        Assert.Equal(["new", "persisting", ""], sheet.Rows.Skip(1).Select(r => book.Text(r.GetValueOrDefault(14))));
        Assert.Equal("A1:O4", sheet.AutoFilter);
    }

    [Fact]
    public void Text_ThatXmlCannotHold_IsReplaced_AndSpacesAreKept()
    {
        var path = _folder.File("text.xlsx");
        ExceptionWorkbook.Write(path, [Row("A", child: "standard:C\u00011", detail: "  two spaces first, 😀 kept")], AsOf);
        using var book = new XlsxFile(path);
        var row = book.Sheet("A").Rows[1];
        Assert.Equal("standard:C\uFFFD1", book.Text(row[2]));
        Assert.Equal("  two spaces first, 😀 kept", book.Text(row[13]));
    }

    [Fact]
    public void Workbook_IsValidAgainstTheOfficeSchemas()
    {
        var path = _folder.File("valid.xlsx");
        var rows = Enumerable.Range(1, 5).Select(i => Row("Alpha", child: $"standard:C{i}"))
            .Append(Row("Beta", status: "missing-data", due: null)).Append(Row("", status: "late"));
        ExceptionWorkbook.Write(path, rows, AsOf, row => row[2] == "standard:C1" ? "new" : "persisting", maxRows: 4);
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Rows_AreWrittenToDisk_AsTheyCome()
    {
        // A writable SpreadsheetDocument would hold every part in memory and write the file only when closed; the
        // forward-only package must already have put most of 200,000 rows on disk before the last one is read.
        var path = _folder.File("big.xlsx");
        long sizeBeforeLast = -1;
        IEnumerable<string?[]> Rows()
        {
            for (var i = 0; i < 200_000; i++)
            {
                if (i == 199_999)
                {
                    sizeBeforeLast = new FileInfo(path).Length;
                }

                yield return Row(i < 100_000 ? "Alpha" : "Beta", child: $"standard:C{i}");
            }
        }

        ExceptionWorkbook.Write(path, Rows(), AsOf);
        var final = new FileInfo(path).Length;
        Assert.True(sizeBeforeLast > final / 2, $"{sizeBeforeLast} bytes on disk before the last row, {final} at the end");
        using var book = new XlsxFile(path);
        Assert.Equal(100_001, book.Sheet("Beta").Rows.Count);
    }
}
