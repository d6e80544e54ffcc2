using System.Globalization;
using CaseCompliance.Rules.Engine;
using CaseCompliance.Scanning;
using CaseCompliance.Scanning.Output;
using CaseCompliance.Storage;
using NodaTime;

namespace CaseCompliance.Host.Web;

/// <summary>A finding on a page: its number on the page (form and anchor ids), the finding and its acknowledgements.</summary>
public sealed record FindingView(int Number, StoredFinding Finding, IReadOnlyList<Acknowledgement> Acknowledgements)
{
    public bool IsBreach => Storage.BreachStatuses.IsBreach(Finding.Status);

}

/// <summary>Everything the child page and the evidence document show: the latest scan's findings by area, audits, the record.</summary>
public sealed record ChildCase(StoredScan Scan, string ChildId, ChildRecord? Record, IReadOnlyList<FindingView> Findings,
    IReadOnlyList<RecordedAudit> Audits)
{
    public string Initials => Record?.Initials is { Length: > 0 } i ? i : "—";

    /// <summary>The findings grouped by audit area, in page order; areas without findings are kept (empty) so each has its section.</summary>
    public IReadOnlyList<(AuditArea Area, IReadOnlyList<FindingView> Findings)> ByArea()
    {
        var groups = Findings.GroupBy(f => AuditAreas.Of(f.Finding.RuleId)).ToDictionary(g => g.Key, g => (IReadOnlyList<FindingView>)g.ToList());
        var areas = AuditAreas.All.Select(a => (a, groups.TryGetValue(a, out var list) ? list : []))
            .ToList();
        if (groups.TryGetValue(AuditAreas.Other, out var other))
        {
            areas.Add((AuditAreas.Other, other));
        }

        return areas;
    }
}

/// <summary>Reads what the pages show from the scan history and the casework store, always from the latest stored scan.</summary>
public sealed class CaseData(IScanStore scans, ICaseworkStore casework, OutputOptions output)
{
    public Task<StoredScan?> LatestScanAsync(CancellationToken cancellationToken) => scans.LatestScanAsync(cancellationToken);

    /// <summary>The child's findings in the latest scan (for the scope check and the page); empty when the child has none.</summary>
    public async Task<IReadOnlyList<StoredFinding>> LatestFindingsAsync(StoredScan scan, string childId, CancellationToken cancellationToken) =>
        await scans.FindingsAsync(scan.ScanId, new FindingQuery(ChildId: childId), cancellationToken);

    public async Task<ChildCase> ChildAsync(StoredScan scan, string childId, IReadOnlyList<StoredFinding> findings, CancellationToken cancellationToken)
    {
        var records = await scans.ChildrenAsync([childId], cancellationToken);
        var acknowledgements = await casework.AcknowledgementsAsync(findings.Select(f => f.ObligationKey), cancellationToken);
        var audits = await casework.AuditsAsync(childId, cancellationToken);
        var ordered = findings
            .OrderBy(f => AuditAreaOrder(f.RuleId))
            .ThenBy(f => RuleOrder(f.RuleId))
            .ThenBy(f => f.DueDate ?? f.AnchorDate ?? LocalDate.MaxIsoValue)
            .ThenBy(f => f.ObligationKey, StringComparer.Ordinal)
            .Select((f, i) => new FindingView(i + 1, f, acknowledgements.TryGetValue(f.ObligationKey, out var a) ? a : []))
            .ToList();
        return new ChildCase(scan, childId, records.GetValueOrDefault(childId), ordered, audits);
    }

    /// <summary>
    /// The exception list of the latest scan as exceptions.csv has it (late, overdue, missing-data; late rows completed
    /// before the look-back left out), limited to the rows the user sees.
    /// </summary>
    public async Task<IReadOnlyList<StoredFinding>> ExceptionsAsync(StoredScan scan, UserScope scope, CancellationToken cancellationToken)
    {
        IEnumerable<StoredFinding> rows;
        if (!scope.SeesEveryone && scope.WorkerIds.Count == 0)
        {
            // A manager's rows come team by team from the database, not the whole list.
            var list = new List<StoredFinding>();
            foreach (var team in scope.Teams.Order(StringComparer.Ordinal))
            {
                list.AddRange(await scans.FindingsAsync(scan.ScanId, new FindingQuery(Team: team, ExceptionsOnly: true), cancellationToken));
            }

            rows = list;
        }
        else
        {
            rows = (await scans.FindingsAsync(scan.ScanId, new FindingQuery(ExceptionsOnly: true), cancellationToken)).Where(scope.Sees);
        }

        var cutoff = FindingRows.Date(output.ExceptionCutoff(scan.AsOf));
        // The store returns rows in list order (team, worker, child, due; empty teams last), as exceptions.csv has them.
        return rows.Where(f => f.Status != "late" || string.CompareOrdinal(FindingRows.Date(f.CompletedDate), cutoff) >= 0).ToList();
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Acknowledgement>>> AcknowledgementsAsync(IEnumerable<string> keys,
        CancellationToken cancellationToken) => casework.AcknowledgementsAsync(keys, cancellationToken);

    private static int AuditAreaOrder(string ruleId)
    {
        var area = AuditAreas.Of(ruleId);
        var index = AuditAreas.All.ToList().IndexOf(area);
        return index < 0 ? int.MaxValue : index;
    }

    private static int RuleOrder(string ruleId)
    {
        var index = RuleCatalogue.Ids.IndexOf(ruleId);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>The 14 findings.csv columns of a stored finding, as exceptions.csv writes them.</summary>
    public static string?[] Row(StoredFinding f) =>
    [
        f.RuleId, f.Status, f.ChildId, f.EpisodeId, f.Source, FindingRows.Date(f.AnchorDate), FindingRows.Date(f.DueDate),
        FindingRows.Date(f.CompletedDate), f.DaysLate?.ToString(CultureInfo.InvariantCulture),
        f.WorkingDaysLate?.ToString(CultureInfo.InvariantCulture), f.WorkerId, f.Team, f.Evidence, f.Detail,
    ];
}
