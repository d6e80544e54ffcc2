namespace CaseCompliance.Host.Web;

/// <summary>The <c>Web</c> section: who may sign in to the pages and how (ADR 009).</summary>
public sealed class WebOptions
{
    /// <summary>Local users (user name, password hash from <c>hash-password</c>, roles, teams, worker ids).</summary>
    public List<LocalUser> Users { get; set; } = [];

    /// <summary>
    /// Whether the users marked <see cref="LocalUser.Demo"/> (the shipped accounts for the bundled sample, all with the
    /// documented demo password) may sign in. A warning is logged at start-up while they can.
    /// </summary>
    public bool DemoUsers { get; set; }

    /// <summary>Single sign-on; used when <see cref="OpenIdConnectOptions.Authority"/> is set.</summary>
    public OpenIdConnectOptions OpenIdConnect { get; set; } = new();

    /// <summary>How long a sign-in lasts without activity.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Sign-in attempts allowed per client address per minute (a brake on password guessing).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// Where the keys that protect sign-in cookies and forms are kept (default <c>keys</c> under <c>Storage:Directory</c>);
    /// instances behind one address must share it.
    /// </summary>
    public string? KeysDirectory { get; set; }

    /// <summary>Rows shown on one exception page; the CSV and XLSX downloads always hold the whole view.</summary>
    public int ExceptionPageRows { get; set; } = 1000;
}

/// <summary>A user who signs in with a password kept (hashed) in configuration.</summary>
public sealed class LocalUser
{
    public string UserName { get; set; } = "";

    /// <summary>ASP.NET Core Identity <c>PasswordHasher</c> format (V3: PBKDF2); <c>casecompliance hash-password</c> makes one.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary><c>auditor</c>, <c>manager</c>, <c>worker</c> or <c>admin</c>.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>For managers: team names as in findings.csv's <c>team</c> column.</summary>
    public List<string> Teams { get; set; } = [];

    /// <summary>For workers: worker ids as in findings.csv's <c>worker_id</c> column.</summary>
    public List<string> WorkerIds { get; set; } = [];

    /// <summary>A shipped demo account: it signs in only while <see cref="WebOptions.DemoUsers"/> is true.</summary>
    public bool Demo { get; set; }
}

/// <summary>The <c>Web:OpenIdConnect</c> section: the identity provider and which of its claims carry roles, teams and worker ids.</summary>
public sealed class OpenIdConnectOptions
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Keep it in <c>CASECOMPLIANCE__Web__OpenIdConnect__ClientSecret</c>, not in the file.</summary>
    public string? ClientSecret { get; set; }

    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>Shown on the sign-in button.</summary>
    public string DisplayName { get; set; } = "your organisation account";

    /// <summary>Scopes asked for; <c>openid</c> and <c>profile</c> when none are given.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The claim holding the user's roles (values <c>auditor</c>, <c>manager</c>, <c>worker</c>, <c>admin</c>).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim holding a manager's team names (one claim per team, or a JSON array).</summary>
    public string TeamsClaim { get; set; } = "teams";

    /// <summary>The claim holding a worker's id in the case management system.</summary>
    public string WorkerIdClaim { get; set; } = "worker_id";

    /// <summary>The claim used as the user name in the access log.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>False only for a development identity provider on plain http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
