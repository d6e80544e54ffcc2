using System.Globalization;
using NodaTime;

namespace CaseCompliance.Scanning.Output;

/// <summary>
/// exceptions.xlsx: the exception list as a workbook a team manager can filter (cli-and-outputs.md) — a Summary sheet
/// (as-of date, counts by rule and status, totals per team), then one sheet per team in list order with the contract
/// columns, the header bold and frozen, an auto-filter, dates as Excel dates and day counts as numbers. Rows without a
/// team go to a sheet "No team". Streamed: memory does not grow with the number of rows.
/// </summary>
public static class ExceptionWorkbook
{
    /// <summary>Sheet and file label for rows whose team is empty.</summary>
    public const string NoTeam = "No team";

    /// <summary>
    /// Writes <paramref name="xlsxPath"/> from <paramref name="exceptionRows"/> (contract columns, grouped by team as
    /// exceptions.csv is). With <paramref name="change"/>, team sheets get a last column <c>change</c> with its value
    /// for each row (<c>new</c>, <c>persisting</c> or empty).
    /// </summary>
    /// <exception cref="ArgumentException">A team's rows are not together (the rows are not in list order).</exception>
    public static void Write(string xlsxPath, IEnumerable<string?[]> exceptionRows, LocalDate asOf,
        Func<string?[], string?>? change = null) =>
        Write(xlsxPath, exceptionRows, asOf, change, XlsxPackage.MaxRows);

    internal static void Write(string xlsxPath, IEnumerable<string?[]> exceptionRows, LocalDate asOf,
        Func<string?[], string?>? change, int maxRows)
    {
        using var package = new XlsxPackage(xlsxPath);
        var summaryName = package.Names.Reserve("Summary");
        var byRule = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        var teams = new List<(string Team, string Sheet, long[] Counts)>();
        var total = new long[Statuses.Length + 1];
        TeamSheet? sheet = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in exceptionRows)
        {
            var team = TeamOf(row);
            if (sheet is null || !string.Equals(team, sheet.Team, StringComparison.Ordinal))
            {
                sheet?.Finish();
                if (!seen.Add(team))
                {
                    throw new ArgumentException("The exception rows must be grouped by team, as exceptions.csv is.", nameof(exceptionRows));
                }

                sheet = new TeamSheet(package, team, package.Names.Reserve(SheetLabel(team)), change is not null, maxRows);
                teams.Add((team, sheet.FirstSheet, new long[Statuses.Length + 1]));
            }

            sheet.Add(row, change?.Invoke(row));
            var rule = At(row, Column.Rule);
            if (!byRule.TryGetValue(rule, out var counts))
            {
                byRule[rule] = counts = new long[Statuses.Length + 1];
            }

            Count(counts, row);
            Count(teams[^1].Counts, row);
            Count(total, row);
        }

        sheet?.Finish();
        WriteSummary(package, summaryName, asOf, byRule, teams, total);
        package.Finish();
    }

    /// <summary>The exception statuses, in the order of the summary's columns (a last column is the total).</summary>
    internal static readonly string[] Statuses = ["late", "overdue", "missing-data"];

    internal static string TeamOf(string?[] row) => At(row, Column.Team);

    private static string At(string?[] row, int column) => column < row.Length ? row[column] ?? "" : "";

    internal static string SheetLabel(string team) => team.Length == 0 ? NoTeam : team;

    private static void Count(long[] counts, string?[] row)
    {
        var i = Array.IndexOf(Statuses, At(row, Column.Status));
        if (i >= 0)
        {
            counts[i]++;
        }

        counts[^1]++;
    }

    private static void WriteSummary(XlsxPackage package, string name, LocalDate asOf,
        SortedDictionary<string, long[]> byRule, List<(string Team, string Sheet, long[] Counts)> teams, long[] total)
    {
        var s = package.BeginSheet(name, [28, 12, 12, 14, 12, 32], freezeHeader: false, first: true);
        s.BeginRow();
        s.Text("Exception list", XlsxPackage.BoldStyle);
        s.EndRow();
        s.BeginRow();
        s.Text("As of");
        s.Date(asOf.ToDateOnly());
        s.EndRow();
        s.BeginRow();
        s.Text("Rows");
        s.Number(total[^1]);
        s.EndRow();
        s.BeginRow();
        s.EndRow();

        Header(s, "rule_id", null);
        foreach (var (rule, counts) in byRule)
        {
            CountsRow(s, rule, counts, null);
        }

        CountsRow(s, "total", total, null, XlsxPackage.BoldStyle);
        s.BeginRow();
        s.EndRow();

        Header(s, "team", "sheet");
        foreach (var (team, sheet, counts) in teams)
        {
            CountsRow(s, team, counts, sheet);
        }

        CountsRow(s, "total", total, null, XlsxPackage.BoldStyle);
        s.Finish(filter: false);
    }

    private static void Header(SheetWriter s, string first, string? last)
    {
        s.BeginRow();
        s.Text(first, XlsxPackage.BoldStyle);
        foreach (var status in Statuses)
        {
            s.Text(status, XlsxPackage.BoldStyle);
        }

        s.Text("total", XlsxPackage.BoldStyle);
        s.Text(last, XlsxPackage.BoldStyle);
        s.EndRow();
    }

    private static void CountsRow(SheetWriter s, string label, long[] counts, string? last, uint style = 0)
    {
        s.BeginRow();
        s.Text(label, style);
        foreach (var n in counts)
        {
            s.Number(n);
        }

        s.Text(last);
        s.EndRow();
    }

    /// <summary>Positions of the contract columns (<see cref="FindingRows.Header"/>).</summary>
    internal static class Column
    {
        public const int Rule = 0, Status = 1, Team = 11;
    }
}

/// <summary>
/// One team's rows as sheets of the layout managers filter: the contract columns (and <c>change</c>), header bold and
/// frozen, auto-filter; a team beyond Excel's row limit continues on further sheets.
/// </summary>
internal sealed class TeamSheet(XlsxPackage package, string team, string firstSheet, bool changeColumn, int maxRows)
{
    private static readonly double[] Widths = [22, 13, 20, 20, 11, 12, 12, 15, 10, 18, 14, 24, 30, 90];

    private SheetWriter? _sheet;
    private int _sheets;

    public string Team { get; } = team;

    public string FirstSheet { get; } = firstSheet;

    public void Add(string?[] row, string? change)
    {
        if (_sheet is null || _sheet.Rows >= maxRows)
        {
            _sheet?.Finish(filter: true);
            _sheets++;
            var name = _sheets == 1 ? FirstSheet : package.Names.Reserve($"{FirstSheet} ({_sheets.ToString(CultureInfo.InvariantCulture)})");
            _sheet = package.BeginSheet(name, changeColumn ? [.. Widths, 12] : Widths, freezeHeader: true);
            _sheet.BeginRow();
            foreach (var h in FindingRows.Header)
            {
                _sheet.Text(h, XlsxPackage.BoldStyle);
            }

            if (changeColumn)
            {
                _sheet.Text("change", XlsxPackage.BoldStyle);
            }

            _sheet.EndRow();
        }

        var s = _sheet;
        s.BeginRow();
        for (var i = 0; i < FindingRows.Header.Length; i++)
        {
            var value = i < row.Length ? row[i] : null;
            switch (i)
            {
                case 5 or 6 or 7:
                    s.DateOrText(value);
                    break;
                case 8 or 9:
                    s.NumberOrText(value);
                    break;
                default:
                    s.Text(value);
                    break;
            }
        }

        if (changeColumn)
        {
            s.Text(change);
        }

        s.EndRow();
    }

    public void Finish() => _sheet?.Finish(filter: true);
}
