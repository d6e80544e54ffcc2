using CaseCompliance.Host.Web;
using CaseCompliance.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace CaseCompliance.Host.Pages;

/// <summary>
/// <c>/</c>: per team and rule, the share of obligations met on time in the latest scan (met / (met + late + overdue)),
/// its trend over the recent scans, and what is new, persisting and resolved — for the teams the user sees.
/// </summary>
public sealed class IndexModel(IScanStore scans, ICaseworkStore casework, CaseData data) : PageModel
{
    public const int TrendScans = 12;

    /// <summary>On-time counts of one team (or rule within a team) in one scan.</summary>
    public sealed record Share(string Team, string? RuleId, int Met, int Late, int Overdue)
    {
        public int Due => Met + Late + Overdue;

        public double? Value => Due == 0 ? null : (double)Met / Due;
    }

    public StoredScan? Scan { get; private set; }

    public UserScope Scope { get; private set; } = null!;

    public IReadOnlyList<Share> ByTeam { get; private set; } = [];

    public IReadOnlyList<Share> ByTeamAndRule { get; private set; } = [];

    public Share? Overall { get; private set; }

    public int New { get; private set; }

    public int Persisting { get; private set; }

    public int Resolved { get; private set; }

    /// <summary>Per series (all teams in view, then each team when few), the share on time per scan, oldest first.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<(LocalDate AsOf, double? Share)> Points)> Trend { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Scope = UserScope.Of(User);
        Scan = await scans.LatestScanAsync(cancellationToken);
        if (Scan is null)
        {
            return;
        }

        HashSet<string>? teams = null;
        IReadOnlyList<StoredFinding> exceptions = [];
        if (!Scope.SeesEveryone)
        {
            // A worker sees the figures of the teams their own rows are in (everyone else's counts come with the scan).
            exceptions = await data.ExceptionsAsync(Scan, Scope, cancellationToken);
            teams = [.. Scope.Teams, .. exceptions.Select(f => f.Team).OfType<string>()];
        }

        var counts = (await casework.TeamRuleCountsAsync(TrendScans, cancellationToken))
            .Where(c => teams is null || (c.Team is { } t && teams.Contains(t))).ToList();
        var latest = counts.Where(c => c.ScanId == Scan.ScanId).ToList();
        ByTeam = [.. Shares(latest, c => (c.Team ?? "", null)).OrderBy(s => s.Team, StringComparer.Ordinal)];
        ByTeamAndRule = [.. Shares(latest, c => (c.Team ?? "", c.RuleId)).Where(s => s.Due > 0)
            .OrderBy(s => s.Team, StringComparer.Ordinal).ThenBy(s => s.Value ?? 1).ThenBy(s => s.RuleId, StringComparer.Ordinal)];
        Overall = Shares(latest, _ => ("", null)).FirstOrDefault();

        var byScan = counts.GroupBy(c => (c.ScanId, c.AsOf)).OrderBy(g => g.Key.AsOf).ToList();
        var series = new List<(string, IReadOnlyList<(LocalDate, double?)>)>
        {
            ("All teams in view", byScan.Select(g => (g.Key.AsOf, Shares(g, _ => ("", null)).FirstOrDefault()?.Value)).ToList()),
        };
        if (ByTeam.Count is > 1 and <= 6)
        {
            foreach (var team in ByTeam.Select(s => s.Team))
            {
                series.Add((team, byScan.Select(g => (g.Key.AsOf, Shares(g.Where(c => (c.Team ?? "") == team), _ => ("", null)).FirstOrDefault()?.Value)).ToList()));
            }
        }

        Trend = series;
        if (Scope.SeesEveryone)
        {
            (New, Persisting, Resolved) = (Scan.New, Scan.Persisting, Scan.Resolved);
        }
        else
        {
            New = exceptions.Count(f => f.Change == BreachChange.New);
            Persisting = exceptions.Count(f => f.Change == BreachChange.Persisting);
            Resolved = (await scans.ResolvedAsync(Scan.ScanId, cancellationToken))
                .Count(r => (r.Team is { } t && Scope.Teams.Contains(t)) || (r.WorkerId is { } w && Scope.WorkerIds.Contains(w)));
        }
    }

    private static IEnumerable<Share> Shares(IEnumerable<TeamRuleCount> counts, Func<TeamRuleCount, (string Team, string? Rule)> key) =>
        counts.GroupBy(key).Select(g => new Share(g.Key.Team, g.Key.Rule,
            g.Where(c => c.Status == "met").Sum(c => c.Count),
            g.Where(c => c.Status == "late").Sum(c => c.Count),
            g.Where(c => c.Status == "overdue").Sum(c => c.Count)));
}
