using System.Security.Claims;
using CaseCompliance.Host.Cli;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseCompliance.Host.Web;

/// <summary>
/// The local users of <c>Web:Users</c>: password check (ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>,
/// PBKDF2) and, on every request, the check that a signed-in local user still exists with the same roles, so removing
/// a user or a demo switch-off takes effect at once.
/// </summary>
public sealed class LocalUsers
{
    private static readonly PasswordHasher<LocalUser> Hasher = new(Options.Create(new PasswordHasherOptions()));

    // Verified when the user name is unknown, so a wrong name costs the same time as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(new LocalUser(), Guid.NewGuid().ToString());

    private readonly Dictionary<string, LocalUser> _users;

    public LocalUsers(WebOptions options)
    {
        _users = options.Users.Where(u => !u.Demo || options.DemoUsers)
            .ToDictionary(u => u.UserName, StringComparer.OrdinalIgnoreCase);
        DemoCount = options.DemoUsers ? options.Users.Count(u => u.Demo) : 0;
    }

    /// <summary>Enabled demo accounts (zero unless <c>Web:DemoUsers</c> is true).</summary>
    public int DemoCount { get; }

    public int Count => _users.Count;

    public static string Hash(string password) => Hasher.HashPassword(new LocalUser(), password);

    /// <summary>The user when the name and password match an enabled user; null otherwise.</summary>
    public LocalUser? Verify(string? userName, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return null;
        }

        if (userName is null || !_users.TryGetValue(userName.Trim(), out var user))
        {
            Hasher.VerifyHashedPassword(new LocalUser(), DummyHash, password);
            return null;
        }

        return Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    public ClaimsPrincipal Principal(LocalUser user) => new(Roles.Identity(user.UserName, user.Roles, user.Teams, user.WorkerIds, "local",
        CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>Cookie validation: a local user who was removed is signed out; changed roles, teams or ids apply at once.</summary>
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirst(Roles.SourceClaim)?.Value != "local")
        {
            return;
        }

        var name = context.Principal.Identity?.Name;
        if (name is null || !_users.TryGetValue(name, out var user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        var current = Principal(user);
        if (!SameClaims(current, context.Principal))
        {
            context.ReplacePrincipal(current);
            context.ShouldRenew = true;
        }
    }

    private static bool SameClaims(ClaimsPrincipal a, ClaimsPrincipal b)
    {
        static IEnumerable<string> Key(ClaimsPrincipal p) => p.Claims
            .Where(c => c.Type is ClaimTypes.Role or Roles.TeamClaim or Roles.WorkerClaim)
            .Select(c => c.Type + "=" + c.Value).Order(StringComparer.Ordinal);
        return Key(a).SequenceEqual(Key(b));
    }

    /// <summary>
    /// Checks <c>Web:Users</c> at start-up: every user has a name, a hash in a known format and known roles; managers have
    /// teams and workers have ids. A mistake is a <see cref="UsageException"/> naming the key.
    /// </summary>
    public static void Validate(WebOptions options)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            var key = $"Web:Users:{i}";
            if (string.IsNullOrWhiteSpace(user.UserName))
            {
                throw new UsageException($"{key}:UserName: a user needs a user name.");
            }

            if (!names.Add(user.UserName.Trim()))
            {
                throw new UsageException($"{key}:UserName: '{user.UserName}' is listed twice.");
            }

            if (!IsHash(user.PasswordHash))
            {
                throw new UsageException($"{key}:PasswordHash: not a password hash; make one with 'casecompliance hash-password'.");
            }

            if (user.Roles.Count == 0)
            {
                throw new UsageException($"{key}:Roles: give at least one of {string.Join(", ", Roles.All)}.");
            }

            foreach (var role in user.Roles)
            {
                if (!Roles.All.Contains(role.Trim().ToLowerInvariant()))
                {
                    throw new UsageException($"{key}:Roles: '{role}' is not a role (use {string.Join(", ", Roles.All)}).");
                }
            }

            var roles = user.Roles.Select(r => r.Trim().ToLowerInvariant()).ToHashSet();
            if (roles.Contains(Roles.Manager) && (user.Teams.Count == 0 || user.Teams.Any(string.IsNullOrWhiteSpace)))
            {
                throw new UsageException($"{key}:Teams: a manager needs the names of their teams, as in findings.csv's team column.");
            }

            if (roles.Contains(Roles.Worker) && (user.WorkerIds.Count == 0 || user.WorkerIds.Any(string.IsNullOrWhiteSpace)))
            {
                throw new UsageException($"{key}:WorkerIds: a worker needs their worker ids, as in findings.csv's worker_id column.");
            }
        }

        if (options.SignInAttemptsPerMinute < 1)
        {
            throw new UsageException("Web:SignInAttemptsPerMinute: must be at least 1.");
        }

        if (options.ExceptionPageRows < 1)
        {
            throw new UsageException("Web:ExceptionPageRows: must be at least 1.");
        }

        var oidc = options.OpenIdConnect;
        if (oidc.Enabled)
        {
            if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            {
                throw new UsageException("Web:OpenIdConnect:Authority: not an absolute http(s) address.");
            }

            if (authority.Scheme == "http" && oidc.RequireHttpsMetadata)
            {
                throw new UsageException("Web:OpenIdConnect:Authority: must be https (or set RequireHttpsMetadata to false for a development provider).");
            }

            if (string.IsNullOrWhiteSpace(oidc.ClientId))
            {
                throw new UsageException("Web:OpenIdConnect:ClientId: required when an Authority is set.");
            }
        }
    }

    private static bool IsHash(string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash))
        {
            return false;
        }

        var bytes = new byte[hash.Length];
        // V3 hashes start with 0x01 and are 61 bytes or more; V2 ones with 0x00 and are 49 bytes.
        return Convert.TryFromBase64String(hash, bytes, out var length) && length > 0 &&
            ((bytes[0] == 0x01 && length >= 61) || (bytes[0] == 0x00 && length == 49));
    }
}
