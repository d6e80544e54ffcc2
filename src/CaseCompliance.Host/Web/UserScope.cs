using System.Security.Claims;
using System.Text.Json;
using CaseCompliance.Storage;

namespace CaseCompliance.Host.Web;

/// <summary>The four roles of the pages and the claim types CaseCompliance puts in its sign-in cookie.</summary>
public static class Roles
{
    public const string Auditor = "auditor", Manager = "manager", Worker = "worker", Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Auditor, Manager, Worker, Admin];

    /// <summary>A manager's team name (findings' <c>team</c>); one claim per team.</summary>
    public const string TeamClaim = "cc:team";

    /// <summary>A worker's id (findings' <c>worker_id</c>); one claim per id.</summary>
    public const string WorkerClaim = "cc:worker";

    /// <summary><c>local</c> or <c>oidc</c>: how the user signed in.</summary>
    public const string SourceClaim = "cc:signin";

    /// <summary>Roles, teams and workers as claims of our own types, whatever their origin.</summary>
    public static ClaimsIdentity Identity(string userName, IEnumerable<string> roles, IEnumerable<string> teams, IEnumerable<string> workerIds,
        string source, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, userName));
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, userName));
        identity.AddClaim(new Claim(SourceClaim, source));
        foreach (var role in roles.Select(r => r.Trim().ToLowerInvariant()).Where(All.Contains).Distinct())
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        foreach (var team in teams.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(TeamClaim, team));
        }

        foreach (var worker in workerIds.Where(w => !string.IsNullOrWhiteSpace(w)).Distinct(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(WorkerClaim, worker));
        }

        return identity;
    }

    /// <summary>
    /// The values of a claim from an identity provider: one claim per value, or one claim holding a JSON array
    /// (as some providers send groups), or a single space- or comma-free value.
    /// </summary>
    public static IEnumerable<string> Values(ClaimsPrincipal principal, string claimType)
    {
        foreach (var claim in principal.FindAll(claimType))
        {
            var value = claim.Value.Trim();
            if (value.StartsWith('['))
            {
                string[]? items = null;
                try
                {
                    items = JsonSerializer.Deserialize<string[]>(value);
                }
                catch (JsonException)
                {
                }

                foreach (var item in items ?? [value])
                {
                    yield return item;
                }
            }
            else if (value.Length > 0)
            {
                yield return value;
            }
        }
    }
}

/// <summary>
/// What one signed-in user may see (ADR 009): auditors and admins every child; a manager the children whose latest
/// findings carry one of their teams; a worker the children whose latest findings carry one of their worker ids.
/// Roles add up: a manager who is also a worker sees both.
/// </summary>
public sealed class UserScope
{
    private UserScope(string userName, IReadOnlySet<string> roles, IReadOnlySet<string> teams, IReadOnlySet<string> workerIds)
    {
        UserName = userName;
        RoleSet = roles;
        Teams = teams;
        WorkerIds = workerIds;
    }

    public string UserName { get; }

    public IReadOnlySet<string> RoleSet { get; }

    public IReadOnlySet<string> Teams { get; }

    public IReadOnlySet<string> WorkerIds { get; }

    public bool SeesEveryone => RoleSet.Contains(Roles.Auditor) || RoleSet.Contains(Roles.Admin);

    public bool IsAdmin => RoleSet.Contains(Roles.Admin);

    /// <summary>Managers, auditors and admins acknowledge breaches and record audits.</summary>
    public bool CanAcknowledge => SeesEveryone || RoleSet.Contains(Roles.Manager);

    public static UserScope Of(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
        (user.IsInRole(Roles.Manager) ? user.FindAll(Roles.TeamClaim).Select(c => c.Value) : []).ToHashSet(StringComparer.Ordinal),
        (user.IsInRole(Roles.Worker) ? user.FindAll(Roles.WorkerClaim).Select(c => c.Value) : []).ToHashSet(StringComparer.Ordinal));

    /// <summary>Whether the user sees this row in the exception list (and, through it, the row's team and worker).</summary>
    public bool Sees(StoredFinding f) =>
        SeesEveryone || (f.Team is { } team && Teams.Contains(team)) || (f.WorkerId is { } worker && WorkerIds.Contains(worker));

    /// <summary>Whether the user may open a child's page, given the child's findings in the latest scan.</summary>
    public bool SeesChild(IEnumerable<StoredFinding> latestFindings) => SeesEveryone || latestFindings.Any(Sees);

    /// <summary>A description for the page header: "auditor", "manager (Child Protection Team)".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        foreach (var role in Roles.All.Where(RoleSet.Contains))
        {
            parts.Add(role switch
            {
                Roles.Manager when Teams.Count > 0 => $"manager ({string.Join(", ", Teams.Order(StringComparer.Ordinal))})",
                Roles.Worker when WorkerIds.Count > 0 => $"worker ({string.Join(", ", WorkerIds.Order(StringComparer.Ordinal))})",
                _ => role,
            });
        }

        return parts.Count == 0 ? "no role" : string.Join("; ", parts);
    }
}
