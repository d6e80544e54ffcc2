using System.Globalization;
using System.Text;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Scanning.Output;
using CaseCompliance.Storage;
using NodaTime;

namespace CaseCompliance.Host.Web;

/// <summary>The filters and sort of the exception list page, as its query string carries them.</summary>
public sealed record ExceptionFilter(string? Team, string? Worker, string? Rule, string? Status, int? MinDaysLate, string Sort, bool Descending)
{
    /// <summary>Sortable columns: query value and heading.</summary>
    public static readonly IReadOnlyList<(string Key, string Title)> Columns =
    [
        ("child", "Child"), ("rule", "Rule"), ("status", "Status"), ("change", "New or persisting"), ("due", "Due"),
        ("days", "Days late"), ("worker", "Worker"), ("team", "Team"), ("acknowledged", "Acknowledged"),
    ];

    public static ExceptionFilter Parse(string? team, string? worker, string? rule, string? status, string? minDays, string? sort, string? dir)
    {
        int? min = int.TryParse(minDays, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
        var key = Columns.Any(c => c.Key == sort) ? sort! : "team";
        return new ExceptionFilter(Blank(team), Blank(worker), Blank(rule), Blank(status), min, key, dir == "desc");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public IEnumerable<ExceptionRow> Apply(IEnumerable<ExceptionRow> rows)
    {
        var filtered = rows.Where(r =>
            (Team is null || r.Finding.Team == Team) &&
            (Worker is null || r.Finding.WorkerId == Worker) &&
            (Rule is null || r.Finding.RuleId == Rule) &&
            (Status is null || r.Finding.Status == Status) &&
            (MinDaysLate is null || (r.Finding.DaysLate ?? 0) >= MinDaysLate));
        // The list order (team, worker, child, due) breaks ties, so a sort by one column keeps the rest in list order.
        IOrderedEnumerable<ExceptionRow> sorted = Sort switch
        {
            "child" => By(filtered, r => r.Finding.ChildId),
            "rule" => By(filtered, r => r.Finding.RuleId),
            "status" => By(filtered, r => r.Finding.Status),
            "change" => By(filtered, r => r.Finding.Change.Text()),
            "due" => By(filtered, r => Svg.Date(r.Finding.DueDate)),
            "days" => Descending ? filtered.OrderByDescending(r => r.Finding.DaysLate ?? -1) : filtered.OrderBy(r => r.Finding.DaysLate ?? -1),
            "worker" => By(filtered, r => r.Finding.WorkerId ?? ""),
            "acknowledged" => Descending ? filtered.OrderByDescending(r => r.Acknowledgements.Count) : filtered.OrderBy(r => r.Acknowledgements.Count),
            // Rows without a team come last, as in exceptions.csv.
            _ => By(filtered, r => r.Finding.Team ?? "\uffff"),
        };
        return sorted.ThenBy(r => r.Order);
    }

    private IOrderedEnumerable<ExceptionRow> By(IEnumerable<ExceptionRow> rows, Func<ExceptionRow, string> key) =>
        Descending ? rows.OrderByDescending(key, StringComparer.Ordinal) : rows.OrderBy(key, StringComparer.Ordinal);

    /// <summary>The query string of this view with one value changed (for sort links and downloads).</summary>
    public string Query(string? sort = null, bool? descending = null, string? format = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("team", Team);
        Add("worker", Worker);
        Add("rule", Rule);
        Add("status", Status);
        Add("minDays", MinDaysLate?.ToString(CultureInfo.InvariantCulture));
        Add("sort", sort ?? Sort);
        Add("dir", (descending ?? Descending) ? "desc" : "asc");
        Add("format", format);
        return "?" + string.Join('&', parts);
    }
}

/// <summary>One row of the exception list page: the finding, its place in list order, its acknowledgements.</summary>
public sealed record ExceptionRow(int Order, StoredFinding Finding, IReadOnlyList<Acknowledgement> Acknowledgements);

/// <summary>The downloads of the current view: CSV with the columns of exceptions.csv, and the exceptions.xlsx workbook.</summary>
public static class ExceptionDownloads
{
    public static byte[] Csv(IEnumerable<ExceptionRow> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        {
            var csv = new CsvText(writer, neutralise: true);
            csv.Row(FindingRows.Header);
            foreach (var row in rows)
            {
                csv.Row(CaseData.Row(row.Finding));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The workbook of exceptions.xlsx (summary sheet, one sheet per team, new/persisting column) for the view's rows. The
    /// workbook keeps each team on its own sheet, so rows are grouped by team (in order of first appearance) and keep
    /// the view's order within each team.
    /// </summary>
    public static byte[] Xlsx(IReadOnlyList<ExceptionRow> rows, LocalDate asOf)
    {
        var grouped = rows.Select((r, i) => (Row: r, Index: i)).GroupBy(x => x.Row.Finding.Team ?? "")
            .SelectMany(g => g.Select(x => x.Row)).ToList();
        var cells = grouped.Select(r => (Cells: CaseData.Row(r.Finding), r.Finding.Change)).ToList();
        var change = cells.ToDictionary(c => (object)c.Cells, c => c.Change.Text(), ReferenceEqualityComparer.Instance);
        var path = Path.Combine(Path.GetTempPath(), $"cc-exceptions-{Guid.NewGuid():N}.xlsx");
        try
        {
            ExceptionWorkbook.Write(path, cells.Select(c => c.Cells), asOf, row => change[row]);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
