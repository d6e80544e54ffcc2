using System.Security.Claims;
using System.Threading.RateLimiting;
using CaseCompliance.Host.Cli;
using CaseCompliance.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using NodaTime;
using Serilog;

namespace CaseCompliance.Host.Web;

/// <summary>
/// The web pages of <c>serve</c> (Razor Pages in <c>Pages/</c>): cookie sign-in for local users and, when configured,
/// OpenID Connect; every page needs a signed-in user; scope checks per child; security headers (ADR 009).
/// </summary>
public static class WebPages
{
    public const string SignInPolicy = "signin";

    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>Binds the <c>Web</c> section strictly and checks its users: a mistake names the key (exit 2).</summary>
    public static WebOptions ReadOptions(AppConfiguration configuration)
    {
        var options = new WebOptions();
        try
        {
            configuration.Root.GetSection("Web").Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException($"Web: {(e.InnerException ?? e).Message}", e);
        }

        if (options.OpenIdConnect.Scopes.Count == 0)
        {
            options.OpenIdConnect.Scopes.AddRange(["openid", "profile"]);
        }

        LocalUsers.Validate(options);
        return options;
    }

    /// <summary>Binds and checks <c>Web</c> and registers authentication, authorization and the pages.</summary>
    public static WebOptions AddWebPages(this IServiceCollection services, AppConfiguration configuration)
    {
        var options = ReadOptions(configuration);
        var users = new LocalUsers(options);
        services.AddSingleton(options);
        services.AddSingleton(users);
        services.AddSingleton<CaseData>();

        var keys = options.KeysDirectory is { } k
            ? configuration.Resolve(k)
            : Path.Combine(configuration.Resolve(configuration.Root["Storage:Directory"] ?? "data"), "keys");
        services.AddDataProtection().SetApplicationName("casecompliance").PersistKeysToFileSystem(new DirectoryInfo(keys));

        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/status/403";
                o.ReturnUrlParameter = "returnUrl";
                o.Cookie.Name = "casecompliance";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = options.SessionTimeout;
                o.SlidingExpiration = true;
                // A signed-in user outside their scope gets 403 (and the status page), not a redirect.
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                o.Events.OnValidatePrincipal = users.ValidateAsync;
                o.Events.OnSigningIn = context =>
                {
                    if (context.Principal is { } principal && principal.FindFirst(Roles.SourceClaim) is null)
                    {
                        context.Principal = FromIdentityProvider(principal, options.OpenIdConnect);
                    }

                    return Task.CompletedTask;
                };
            });

        var oidc = options.OpenIdConnect;
        if (oidc.Enabled)
        {
            authentication.AddOpenIdConnect(OidcScheme, o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.CallbackPath = oidc.CallbackPath;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.SaveTokens = false;
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.MapInboundClaims = false;
                o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.Scope.Clear();
                foreach (var scope in oidc.Scopes)
                {
                    o.Scope.Add(scope);
                }

                foreach (var claim in new[] { oidc.RoleClaim, oidc.TeamsClaim, oidc.WorkerIdClaim, oidc.NameClaim }.Distinct())
                {
                    o.ClaimActions.MapJsonKey(claim, claim);
                }
            });
        }

        services.AddAuthorization(o =>
        {
            // Every page and endpoint needs a signed-in user unless it says otherwise (sign-in, status, health, styles).
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            o.AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Partitions are cached by key, so the unlimited one (page views) must not share a key with any address.
            o.AddPolicy(SignInPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("post " + context.Connection.RemoteIpAddress,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("view"));
        });
        services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AddPageApplicationModelConvention("/SignIn", m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(SignInPolicy)));
            o.Conventions.AllowAnonymousToPage("/Status");
            o.Conventions.AuthorizeFolder("/Admin", Roles.Admin);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "casecompliance-antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return options;
    }

    /// <summary>The middleware and endpoints of the pages, after the app is built.</summary>
    public static void UseWebPages(this WebApplication app, WebOptions options)
    {
        var users = app.Services.GetRequiredService<LocalUsers>();
        if (users.DemoCount > 0)
        {
            Log.Warning("Demo users are enabled (Web:DemoUsers): {DemoUsers} accounts sign in with the published demo password. " +
                "Set Web:DemoUsers to false before real case data is scanned", users.DemoCount);
        }

        if (users.Count == 0 && !options.OpenIdConnect.Enabled)
        {
            Log.Warning("Nobody can sign in to the web pages: configure Web:Users or Web:OpenIdConnect");
        }

        var formTargets = options.OpenIdConnect.Enabled ? " " + new Uri(options.OpenIdConnect.Authority!).GetLeftPart(UriPartial.Authority) : "";
        var csp = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'" + formTargets +
            "; frame-ancestors 'none'; base-uri 'none'";
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = csp;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Page addresses carry child ids: never send them to another site.
            headers["Referrer-Policy"] = "no-referrer";
            if (!context.Request.Path.StartsWithSegments("/site.css"))
            {
                // Pages hold personal data: no copies in browser or proxy caches.
                headers.CacheControl = "no-store";
            }

            await next();
        });
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapRazorPages();
        app.MapGet("/site.css", () => Results.Text(Stylesheet.Value, "text/css")).AllowAnonymous();
        app.MapGet("/children/{id}/evidence.docx", EvidenceAsync);
    }

    private static readonly Lazy<string> Stylesheet = new(() =>
    {
        using var stream = typeof(WebPages).Assembly.GetManifestResourceStream("site.css")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static async Task<IResult> EvidenceAsync(string id, HttpContext context, CaseData data, ICaseworkStore casework, IClock clock,
        CancellationToken cancellationToken)
    {
        var scope = UserScope.Of(context.User);
        var access = await ChildAccess.OpenAsync(data, casework, clock, scope, id, "evidence.docx", cancellationToken);
        if (access.Result is { } refused)
        {
            return refused == StatusCodes.Status404NotFound ? Results.NotFound() : Results.StatusCode(refused);
        }

        var bytes = EvidenceDocument.Create(access.Case!, scope.UserName, clock.GetCurrentInstant());
        var name = "evidence-" + new string(id.Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray()) + ".docx";
        return Results.File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
    }

    /// <summary>Our claims from an identity provider's: roles, teams and worker ids from the configured claim types.</summary>
    public static ClaimsPrincipal FromIdentityProvider(ClaimsPrincipal external, OpenIdConnectOptions oidc)
    {
        var name = external.FindFirst(oidc.NameClaim)?.Value ?? external.FindFirst("name")?.Value
            ?? external.FindFirst("sub")?.Value ?? external.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "unknown";
        return new ClaimsPrincipal(Roles.Identity(name, Roles.Values(external, oidc.RoleClaim), Roles.Values(external, oidc.TeamsClaim),
            Roles.Values(external, oidc.WorkerIdClaim), "oidc", CookieAuthenticationDefaults.AuthenticationScheme));
    }
}

/// <summary>
/// Opening a child's case: the scope check against the child's latest findings and the access log entry, shared by the
/// page and the evidence document so neither can skip them.
/// </summary>
public static class ChildAccess
{
    /// <summary>The case, or the status code to answer (403 outside the user's scope, 404 unknown to an auditor).</summary>
    public sealed record Outcome(ChildCase? Case, int? Result);

    public static async Task<Outcome> OpenAsync(CaseData data, ICaseworkStore casework, IClock clock, UserScope scope, string childId,
        string what, CancellationToken cancellationToken, bool log = true)
    {
        var scan = await data.LatestScanAsync(cancellationToken);
        var findings = scan is null ? [] : await data.LatestFindingsAsync(scan, childId, cancellationToken);
        if (!scope.SeesChild(findings))
        {
            // Refused openings are logged too: the log is where someone looking for misuse looks.
            await casework.LogAccessAsync(new AccessEntry(scope.UserName, childId, clock.GetCurrentInstant(), what + " refused"), cancellationToken);
            return new Outcome(null, StatusCodes.Status403Forbidden);
        }

        if (scan is null || findings.Count == 0)
        {
            return new Outcome(null, StatusCodes.Status404NotFound);
        }

        if (log)
        {
            await casework.LogAccessAsync(new AccessEntry(scope.UserName, childId, clock.GetCurrentInstant(), what), cancellationToken);
        }

        return new Outcome(await data.ChildAsync(scan, childId, findings, cancellationToken), null);
    }
}
