using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using CaseCompliance.Host.Web;
using Microsoft.AspNetCore.WebUtilities;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CaseCompliance.Host.Tests.Web;

/// <summary>How users are configured: hash-password, the checks of Web:Users, the demo switch, OpenID Connect.</summary>
[Collection(WebCollection.Name)]
public sealed class WebSignInConfigurationTests(WebHost host)
{
    [Fact]
    public void HashPassword_ReadsStandardInput_AndPrintsAHashThatSignsIn()
    {
        var (exit, stdout, stderr) = RunWithInput("a-long-enough-password\n", "hash-password");
        Assert.True(exit == 0, stderr);
        var hash = stdout.Trim();
        Assert.DoesNotContain("a-long-enough-password", stdout + stderr);
        var users = new LocalUsers(new WebOptions { Users = [new LocalUser { UserName = "amy", PasswordHash = hash, Roles = ["auditor"] }] });
        LocalUsers.Validate(new WebOptions { Users = [new LocalUser { UserName = "amy", PasswordHash = hash, Roles = ["auditor"] }] });
        Assert.NotNull(users.Verify("amy", "a-long-enough-password"));
        Assert.NotNull(users.Verify("AMY", "a-long-enough-password"));
        Assert.Null(users.Verify("amy", "a-long-enough-passworD"));

        var (shortExit, _, shortError) = RunWithInput("short\n", "hash-password");
        Assert.Equal(2, shortExit);
        Assert.Contains("at least 12 characters", shortError);
    }

    [Theory]
    [InlineData("--Web:Users:0:Roles:0=boss", "Web:Users:0:Roles")]
    [InlineData("--Web:Users:1:PasswordHash=secret", "Web:Users:1:PasswordHash")]
    [InlineData("--Web:Users:1:Teams:0=", "Web:Users:1:Teams")]
    [InlineData("--Web:Colour=blue", "Web")]
    [InlineData("--Web:OpenIdConnect:Authority=http://idp.example", "Web:OpenIdConnect:Authority")]
    public void Serve_WithAMistakeInWebUsers_ExitsWithUsageCodeNamingTheKey(string option, string key)
    {
        var result = Cli.Run(Path.GetDirectoryName(host.Config)!, "serve", "--config", host.Config, "--urls", "http://127.0.0.1:0", option);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(key, result.Stderr);
    }

    [Fact]
    public async Task Serve_WithDemoUsers_WarnsAtStartUp()
    {
        await using var service = ServiceProcess.Start(Path.GetDirectoryName(host.Config)!, "--config", host.Config);
        await service.HealthAsync(TimeSpan.FromMinutes(1));
        Assert.Contains("Demo users are enabled", service.Output);
        Assert.Equal(0, await service.StopAsync());
    }

    [Fact]
    public async Task DemoUsers_SwitchedOff_CannotSignIn()
    {
        await using var app = new WebHost.Factory(host.ConfigWith(new Dictionary<string, string?> { ["Web:DemoUsers"] = "false" }));
        using var client = new WebClient(app.CreateClient(new() { AllowAutoRedirect = false }));
        // The shipped users are all demo users: with them off, nobody signs in locally and the page says so.
        var page = await client.GetPageAsync("/signin");
        Assert.DoesNotContain("id=\"username\"", page);
        Assert.Contains("No way to sign in is configured", page);

        var demo = new LocalUser { UserName = "auditor", PasswordHash = LocalUsers.Hash(WebHost.DemoPassword), Roles = ["auditor"], Demo = true };
        var real = new LocalUser { UserName = "amy", PasswordHash = LocalUsers.Hash(WebHost.DemoPassword), Roles = ["auditor"] };
        var users = new LocalUsers(new WebOptions { DemoUsers = false, Users = [demo, real] });
        Assert.Null(users.Verify("auditor", WebHost.DemoPassword));
        Assert.NotNull(users.Verify("amy", WebHost.DemoPassword));
        Assert.Equal(0, users.DemoCount);
    }

    [Fact]
    public async Task SignIn_IsRateLimitedPerAddress()
    {
        await using var app = new WebHost.Factory(host.ConfigWith(new Dictionary<string, string?> { ["Web:SignInAttemptsPerMinute"] = "3" }));
        using var client = new WebClient(app.CreateClient(new() { AllowAutoRedirect = false }));
        var page = await client.GetPageAsync("/signin");
        for (var i = 0; i < 3; i++)
        {
            var wrong = await client.PostAsync("/signin", WebClient.Token(page), ("username", "auditor"), ("password", "not-the-password"));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        // The fourth attempt in the minute is refused even with the right password; the page itself still answers.
        var refused = await client.PostAsync("/signin", WebClient.Token(page), ("username", "auditor"), ("password", WebHost.DemoPassword));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task OpenIdConnect_SignInButton_SendsTheBrowserToTheProviderWithPkce()
    {
        using var idp = WireMockServer.Start();
        var authority = idp.Url!;
        idp.Given(Request.Create().WithPath("/.well-known/openid-configuration").UsingGet()).RespondWith(Response.Create().WithBodyAsJson(new
        {
            issuer = authority,
            authorization_endpoint = authority + "/authorize",
            token_endpoint = authority + "/token",
            userinfo_endpoint = authority + "/userinfo",
            jwks_uri = authority + "/jwks",
            response_types_supported = new[] { "code" },
            subject_types_supported = new[] { "public" },
            id_token_signing_alg_values_supported = new[] { "RS256" },
        }));
        idp.Given(Request.Create().WithPath("/jwks").UsingGet()).RespondWith(Response.Create().WithBodyAsJson(new { keys = Array.Empty<object>() }));

        await using var app = new WebHost.Factory(host.ConfigWith(new Dictionary<string, string?>
        {
            ["Web:OpenIdConnect:Authority"] = authority,
            ["Web:OpenIdConnect:ClientId"] = "casecompliance",
            ["Web:OpenIdConnect:RequireHttpsMetadata"] = "false",
            ["Web:OpenIdConnect:DisplayName"] = "Council account",
        }));
        using var client = new WebClient(app.CreateClient(new() { AllowAutoRedirect = false }));
        var page = await client.GetPageAsync("/signin");
        Assert.Contains("Sign in with Council account", page);
        // Local users still sign in beside it.
        Assert.Contains("id=\"username\"", page);

        var response = await client.PostAsync(WebClient.Action(page, "signin-oidc"), WebClient.Token(page, "signin-oidc"), ("returnUrl", "/exceptions"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(authority + "/authorize", location.ToString());
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("casecompliance", query["client_id"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.EndsWith("/signin-oidc", query["redirect_uri"].ToString());
        Assert.Contains(idp.LogEntries, e => e.RequestMessage?.Path == "/.well-known/openid-configuration");
    }

    [Fact]
    public void OpenIdConnect_Claims_AreMappedToRolesTeamsAndWorkerIds()
    {
        var external = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("preferred_username", "j.manager@council.example"),
            new Claim("sub", "123"),
            new Claim("cc_roles", "Manager"),
            new Claim("cc_roles", "cleaner"),
            new Claim("cc_teams", "[\"Child Protection Team\",\"Child in Need Team\"]"),
            new Claim("cc_worker", "W08"),
        ], "oidc"));
        var options = new OpenIdConnectOptions { RoleClaim = "cc_roles", TeamsClaim = "cc_teams", WorkerIdClaim = "cc_worker" };
        var scope = UserScope.Of(WebPages.FromIdentityProvider(external, options));
        Assert.Equal("j.manager@council.example", scope.UserName);
        Assert.Equal(["manager"], scope.RoleSet.ToArray());
        Assert.Equal(["Child Protection Team", "Child in Need Team"], scope.Teams.Order(StringComparer.Ordinal).ToArray());
        // A worker id without the worker role gives no caseload.
        Assert.Empty(scope.WorkerIds);
        Assert.False(scope.SeesEveryone);
    }

    private static (int Exit, string Stdout, string Stderr) RunWithInput(string input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Cli.HostDll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "hash-password did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
