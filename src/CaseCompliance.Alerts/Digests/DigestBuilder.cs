using CaseCompliance.Storage;
using NodaTime;

namespace CaseCompliance.Alerts.Digests;

/// <summary>
/// Builds the digests of a stored scan: per team the newly breached, due soon, still overdue, resolved and chronic
/// items; one digest per recipient address covering all the teams routed to it, and one per team for the webhook.
/// </summary>
public sealed class DigestBuilder(IScanStore store, AlertOptions options, Func<LocalDate, int, LocalDate> addWorkingDays)
{
    /// <summary>The label of findings that name no team.</summary>
    public const string NoTeam = "(no team)";

    private static readonly string[] UpcomingStatuses = ["due-soon", "pending"];

    public async Task<DigestPlan> BuildAsync(Guid scanId, CancellationToken cancellationToken = default)
    {
        var scan = await store.ScanAsync(scanId, cancellationToken)
            ?? throw new InvalidOperationException($"Scan {scanId} is not stored.");

        // Only the statuses a digest can show are read: a scan's met/pending rows far outnumber its breaches.
        var breaches = await store.FindingsAsync(scanId, new FindingQuery(Statuses: Storage.BreachStatuses.All), cancellationToken);
        var upcoming = await store.FindingsAsync(scanId, new FindingQuery(Statuses: UpcomingStatuses), cancellationToken);
        var resolved = await store.ResolvedAsync(scanId, cancellationToken);
        var chronic = await store.ChronicAsync(scanId, options.ChronicDays, options.ChronicMinimumBreaches, cancellationToken);
        var (staff, teams) = await store.DirectoryAsync(cancellationToken);

        var keptFrom = scan.Sources.GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().KeptFrom, StringComparer.Ordinal);
        var dueBy = addWorkingDays(scan.AsOf, options.DueSoonWorkingDays);

        var entries = new List<(string Team, DigestSectionKind Kind, DigestItem Item)>();
        foreach (var f in breaches)
        {
            var kind = f.Change switch
            {
                BreachChange.New => DigestSectionKind.New,
                BreachChange.Persisting => DigestSectionKind.Persisting,

                // A failed source's rows are not compared (ADR 004): its open breaches are shown as still open, flagged stale.
                _ when f.Stale && f.Status != "late" => DigestSectionKind.Persisting,
                _ => (DigestSectionKind?)null,
            };
            if (kind is { } k)
            {
                entries.Add((TeamOf(f.Team), k, ItemOf(f, keptFrom)));
            }
        }

        // A failed source's republished rows say nothing about what is due now.
        foreach (var f in upcoming.Where(f => !f.Stale && f.DueDate is { } due && due <= dueBy))
        {
            entries.Add((TeamOf(f.Team), DigestSectionKind.DueSoon, ItemOf(f, keptFrom)));
        }

        foreach (var r in resolved)
        {
            entries.Add((TeamOf(r.Team), DigestSectionKind.Resolved, new DigestItem(r.ChildId, null, r.RuleId,
                r.NowStatus ?? "-", r.DueDate, null, r.WorkerId,
                $"Was {r.PreviousStatus} at the last scan; now {r.NowStatus ?? "no longer reported"}.", false, null)));
        }

        foreach (var c in chronic.OrderByDescending(c => c.Breaches).ThenBy(c => c.ChildId, StringComparer.Ordinal))
        {
            entries.Add((TeamOf(c.Team), DigestSectionKind.Chronic, new DigestItem(c.ChildId, null, string.Join(", ", c.RuleIds),
                $"{c.Breaches} breaches", null, null, c.WorkerId,
                $"{c.Breaches} obligations first breached in the {options.ChronicDays} days to {DigestText.Date(scan.AsOf)}.", false, null)));
        }

        var teamSections = entries.GroupBy(e => e.Team, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key == NoTeam ? 1 : 0).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Team: g.First().Team, Sections: Sections(g.Select(e => (e.Kind, e.Item)))))
            .ToList();

        // Names are looked up for the items shown only.
        var shownIds = teamSections.SelectMany(t => t.Sections).SelectMany(s => s.Items).Select(i => i.ChildId)
            .Distinct(StringComparer.Ordinal).ToList();
        var children = await store.ChildrenAsync(shownIds, cancellationToken);
        var teamDigests = teamSections.Select(t => new TeamDigest(t.Team,
                [.. t.Sections.Select(s => s with { Items = [.. s.Items.Select(i => i with { Child = ChildLabel(children, i.ChildId) })] })]))
            .ToList();

        var warnings = new List<string>();
        var router = new Router(options.Routing, staff, teams);
        var recipients = new Dictionary<string, (string Address, List<TeamDigest> Teams)>(StringComparer.OrdinalIgnoreCase);
        foreach (var team in teamDigests)
        {
            foreach (var address in router.Route(team.Team, warnings))
            {
                if (!recipients.TryGetValue(address, out var entry))
                {
                    recipients[address] = entry = (address, []);
                }

                entry.Teams.Add(team);
            }
        }

        var unchanged = 0;
        var byRecipient = new List<Digest>();
        foreach (var (address, routed) in recipients.Values.OrderBy(r => r.Address, StringComparer.OrdinalIgnoreCase))
        {
            var digest = Compose(address, scan, routed);
            if (digest.Counts.Changed || options.SendWhenUnchanged)
            {
                byRecipient.Add(digest);
            }
            else
            {
                unchanged++;
            }
        }

        var byTeam = teamDigests.Select(t => Compose(t.Team, scan, [t]))
            .Where(d => d.Counts.Changed || options.SendWhenUnchanged).ToList();
        return new DigestPlan(scan, byRecipient, byTeam, unchanged, warnings);
    }

    private Digest Compose(string recipient, StoredScan scan, IReadOnlyList<TeamDigest> teams)
    {
        var counts = DigestCounts.Sum(teams.Select(t => t.Counts));
        var names = teams.Select(t => t.Team).ToList();
        var subject = DigestRenderer.Subject(names, counts, scan.AsOf);
        return new Digest(recipient, names, subject, DigestRenderer.PlainText(scan, teams, counts),
            DigestRenderer.Html(subject, scan, teams, counts), counts);
    }

    private IReadOnlyList<DigestSection> Sections(IEnumerable<(DigestSectionKind Kind, DigestItem Item)> entries)
    {
        var byKind = entries.ToLookup(e => e.Kind, e => e.Item);
        return [.. Enum.GetValues<DigestSectionKind>().Select(kind =>
        {
            var sorted = Order(kind, byKind[kind]).ToList();
            var shown = sorted.Take(options.MaxItemsPerSection).ToList();
            return new DigestSection(kind, shown, sorted.Count - shown.Count);
        })];
    }

    private static IEnumerable<DigestItem> Order(DigestSectionKind kind, IEnumerable<DigestItem> items) => kind switch
    {
        // The longest overdue first: that is where a manager looks.
        DigestSectionKind.Persisting => items.OrderByDescending(i => i.DaysLate ?? 0).ThenBy(i => i.DueDate)
            .ThenBy(i => i.ChildId, StringComparer.Ordinal).ThenBy(i => i.RuleId, StringComparer.Ordinal),
        // Already in order of breaches (most first), as they were added.
        DigestSectionKind.Chronic => items,
        _ => items.OrderBy(i => i.DueDate).ThenBy(i => i.ChildId, StringComparer.Ordinal).ThenBy(i => i.RuleId, StringComparer.Ordinal),
    };

    private static DigestItem ItemOf(StoredFinding f, IReadOnlyDictionary<string, LocalDate?> keptFrom) =>
        new(f.ChildId, null, f.RuleId, f.Status, f.DueDate, f.DaysLate, f.WorkerId, f.Detail, f.Stale,
            f.Stale && keptFrom.TryGetValue(f.Source, out var from) ? from : null);

    private string? ChildLabel(IReadOnlyDictionary<string, ChildRecord> children, string childId)
    {
        if (!children.TryGetValue(childId, out var child))
        {
            return null;
        }

        if (options.IncludeNames)
        {
            var name = string.Join(" ", new[] { child.Forename, child.Surname }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
            if (name.Length > 0)
            {
                return name;
            }
        }

        return child.Initials.Length > 0 ? child.Initials : null;
    }

    private static string TeamOf(string? team) => string.IsNullOrWhiteSpace(team) ? NoTeam : team.Trim();
}
