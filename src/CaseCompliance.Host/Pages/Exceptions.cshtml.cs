using CaseCompliance.Host.Web;
using CaseCompliance.Rules.Engine;
using CaseCompliance.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseCompliance.Host.Pages;

/// <summary>
/// <c>/exceptions</c>: the latest scan's exception list, limited to the rows the user sees (a manager's teams, a worker's
/// own rows), filtered and sorted by the query string; <c>?format=csv</c> and <c>?format=xlsx</c> download the view.
/// </summary>
public sealed class ExceptionsModel(CaseData data, WebOptions options) : PageModel
{
    public static IReadOnlyList<string> Statuses => BreachStatuses.All;

    public StoredScan? Scan { get; private set; }

    public ExceptionFilter Filter { get; private set; } = ExceptionFilter.Parse(null, null, null, null, null, null, null);

    public IReadOnlyList<ExceptionRow> Rows { get; private set; } = [];

    /// <summary>All rows the user sees before filtering (the filter choices come from them).</summary>
    public int Total { get; private set; }

    public IReadOnlyList<string> Teams { get; private set; } = [];

    public IReadOnlyList<string> Workers { get; private set; } = [];

    public IReadOnlyList<string> RuleIds { get; private set; } = [];

    public int PageRows => options.ExceptionPageRows;

    public async Task<IActionResult> OnGetAsync(string? team, string? worker, string? rule, string? status, string? minDays, string? sort,
        string? dir, string? format, CancellationToken cancellationToken)
    {
        Filter = ExceptionFilter.Parse(team, worker, rule, status, minDays, sort, dir);
        Scan = await data.LatestScanAsync(cancellationToken);
        if (Scan is null)
        {
            return Page();
        }

        var scope = UserScope.Of(User);
        var findings = await data.ExceptionsAsync(Scan, scope, cancellationToken);
        var acknowledgements = await data.AcknowledgementsAsync(findings.Select(f => f.ObligationKey), cancellationToken);
        var all = findings.Select((f, i) => new ExceptionRow(i, f, acknowledgements.TryGetValue(f.ObligationKey, out var a) ? a : [])).ToList();
        Total = all.Count;
        Teams = [.. findings.Select(f => f.Team ?? "").Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal)];
        Workers = [.. findings.Select(f => f.WorkerId ?? "").Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal)];
        RuleIds = [.. RuleCatalogue.Ids.Where(id => findings.Any(f => f.RuleId == id))];
        Rows = [.. Filter.Apply(all)];
        var stem = $"exceptions-{Svg.Date(Scan.AsOf)}";
        return format switch
        {
            "csv" => File(ExceptionDownloads.Csv(Rows), "text/csv; charset=utf-8", stem + ".csv"),
            "xlsx" => File(ExceptionDownloads.Xlsx(Rows, Scan.AsOf), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", stem + ".xlsx"),
            null or "" or "html" => Page(),
            _ => BadRequest(),
        };
    }
}
