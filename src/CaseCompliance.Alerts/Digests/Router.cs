using CaseCompliance.Storage;

namespace CaseCompliance.Alerts.Digests;

/// <summary>
/// Who receives a team's items: the addresses configured for the team (<c>Routing:Teams</c>, by name or id) replace
/// everything else; otherwise its managers from the staff data; otherwise <c>Routing:Fallback</c>.
/// </summary>
internal sealed class Router(RoutingOptions routing, IReadOnlyList<StaffRecord> staff, IReadOnlyList<TeamRecord> teams)
{
    private static readonly StringComparer Same = StringComparer.OrdinalIgnoreCase;

    /// <summary>The addresses for <paramref name="team"/> (a findings.csv team: a name, or an id where the extract has no name).</summary>
    public IReadOnlyList<string> Route(string team, List<string> warnings)
    {
        // The findings name a team by name, or by id when the extract had no name: either may identify it.
        var records = teams.Where(t => Same.Equals(t.Name, team) || Same.Equals(t.TeamId, team)).ToList();

        foreach (var key in records.SelectMany(r => new[] { r.Name, r.TeamId }).Prepend(team))
        {
            if (key is not null && routing.Teams.TryGetValue(key, out var configured) && configured.Count > 0)
            {
                return Distinct(configured);
            }
        }

        var addresses = new List<string>();
        foreach (var manager in staff.Where(s => IsManager(s) && InTeam(s, team, records))
                     .OrderBy(s => s.WorkerId, StringComparer.Ordinal))
        {
            if (AddressOf(manager.WorkerId) is { } address)
            {
                addresses.Add(address);
            }
            else
            {
                warnings.Add($"Manager {manager.Source}:{manager.WorkerId} of team {team} has no e-mail address " +
                    "(Alerts:Routing:WorkerEmails or EmailPattern).");
            }
        }

        if (addresses.Count > 0)
        {
            return Distinct(addresses);
        }

        if (routing.Fallback.Count > 0)
        {
            return Distinct(routing.Fallback);
        }

        warnings.Add($"Team {team} has no manager with an e-mail address and Alerts:Routing:Fallback is empty: " +
            "its digest is not e-mailed.");
        return [];
    }

    private bool IsManager(StaffRecord s) =>
        s.JobTitle is { } title && routing.ManagerJobTitles.Any(t => Same.Equals(t.Trim(), title.Trim()));

    private static bool InTeam(StaffRecord s, string team, List<TeamRecord> records) =>
        s.TeamId is { } id && (Same.Equals(id, team)
            || records.Any(r => r.Source == s.Source && (Same.Equals(id, r.TeamId) || Same.Equals(id, r.Name))));

    private string? AddressOf(string workerId)
    {
        if (routing.WorkerEmails.TryGetValue(workerId, out var address))
        {
            return address;
        }

        if (routing.EmailPattern is { } pattern)
        {
            var made = pattern.Replace(RoutingOptions.WorkerIdPlaceholder, workerId.Trim(), StringComparison.Ordinal);
            return AlertOptions.IsAddress(made) ? made : null;
        }

        return null;
    }

    private static List<string> Distinct(IEnumerable<string> addresses) =>
        [.. addresses.Select(a => a.Trim()).Distinct(Same)];
}
