using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseCompliance.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CaseCompliance.Host.Tests.Web;

/// <summary>
/// The real service (Program's <c>serve</c>, through <see cref="WebApplicationFactory{TEntryPoint}"/>) on a SQLite store
/// holding a real scan of samples/standard as of 2026-11-20, signed in with the demo users the shipped appsettings.json
/// has. The nightly schedule, catch-up and alerts are off so the store holds only that scan.
/// </summary>
public class WebHost : IAsyncLifetime
{
    public const string DemoPassword = "casecompliance-demo";

    private readonly TempFolder _folder = new();
    private readonly string[] _asOf;

    public WebHost()
        : this(["2026-11-20"])
    {
    }

    /// <summary>A host whose store holds one scan per date, in order (the last is the latest).</summary>
    protected WebHost(string[] asOf) => _asOf = asOf;

    public string Config { get; private set; } = "";

    public StorageOptions Storage { get; private set; } = new();

    public Factory App { get; private set; } = null!;

    public SqlScanStore Store { get; private set; } = null!;

    public StoredScan Scan { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = new StorageOptions { Directory = _folder.File("data") };
        Config = Fixtures.Config(_folder, new Dictionary<string, string> { ["standard"] = Cli.SampleFolder }, root =>
        {
            root["Schedule"]!["Enabled"] = false;
            root["Schedule"]!["CatchUp"] = false;
            root["Alerts"]!["Enabled"] = false;
            // The tests sign in often from one (test server) address.
            root["Web"]!["SignInAttemptsPerMinute"] = 1000;
            root["Serilog"]!["WriteTo"]![1]!["Args"]!["path"] = _folder.File("logs/casecompliance-.json");
        });
        foreach (var date in _asOf)
        {
            var scan = Cli.Run(_folder.Path, "scan", "--config", Config, "--as-of", date);
            Assert.True(scan.ExitCode == 0, scan.Stderr);
        }

        Store = ScanStores.Create(Storage, _folder.Path);
        Scan = (await Store.LatestScanAsync())!;
        App = new Factory(Config);
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Store.DisposeAsync();
        _folder.Dispose();
    }

    public string LogFolder => _folder.File("logs");

    /// <summary>A browser-like client: cookies kept, redirects not followed (so tests see them).</summary>
    public WebClient Client() => new(App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<WebClient> SignedInAsync(string userName)
    {
        var client = Client();
        var response = await client.SignInAsync(userName, DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Starts the executable's own entry point with <c>--config</c> (host configuration becomes its arguments).</summary>
    public sealed class Factory(string config) : WebApplicationFactory<Program>
    {
        protected override IHost CreateHost(IHostBuilder builder)
        {
            builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["config"] = config }));
            return base.CreateHost(builder);
        }
    }

    /// <summary>A copy of the configuration beside it (same store) with settings changed, as "Section:Key" = value.</summary>
    public string ConfigWith(IDictionary<string, string?> settings)
    {
        var root = JsonNode.Parse(File.ReadAllText(Config))!.AsObject();
        foreach (var (key, value) in settings)
        {
            var parts = key.Split(':');
            var node = root;
            foreach (var part in parts[..^1])
            {
                node = (node[part] ??= new JsonObject()).AsObject();
            }

            node[parts[^1]] = value is "true" or "false" ? JsonValue.Create(value == "true") : JsonValue.Create(value);
        }

        var path = _folder.File($"appsettings-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }
}

/// <summary>An HTTP client that reads antiforgery tokens from the pages it gets, as a browser submits them.</summary>
public sealed partial class WebClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password)
    {
        var page = await GetPageAsync("/signin");
        return await PostAsync("/signin", Token(page), ("username", userName), ("password", password));
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    /// <summary>The page's HTML; fails the test unless it answers 200.</summary>
    public async Task<string> GetPageAsync(string path)
    {
        var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return body;
    }

    public Task<HttpResponseMessage> PostAsync(string path, string? token, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token is not null)
        {
            form.Add(new("__RequestVerificationToken", token));
        }

        return Http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>The antiforgery token of the first form of the page, or of the form with this id.</summary>
    public static string Token(string html, string? formId = null)
    {
        var scope = html;
        if (formId is not null)
        {
            var start = html.IndexOf($"id=\"{formId}\"", StringComparison.Ordinal);
            Assert.True(start >= 0, $"form #{formId} not on the page");
            scope = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        }

        return TokenPattern().Match(scope) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new Xunit.Sdk.XunitException("no antiforgery token");
    }

    /// <summary>The action of the form with this id.</summary>
    public static string Action(string html, string formId)
    {
        var match = Regex.Match(html, $"<form[^>]*id=\"{Regex.Escape(formId)}\"[^>]*>");
        Assert.True(match.Success, $"form #{formId} not on the page");
        return WebUtility.HtmlDecode(Regex.Match(match.Value, "action=\"([^\"]*)\"").Groups[1].Value);
    }

    /// <summary>The id of the first form whose id starts with <paramref name="prefix"/>.</summary>
    public static string FirstForm(string html, string prefix)
    {
        var match = Regex.Match(html, $"<form[^>]*id=\"({Regex.Escape(prefix)}[^\"]*)\"");
        Assert.True(match.Success, $"no form #{prefix}… on the page");
        return match.Groups[1].Value;
    }

    /// <summary>The id of the form holding a field with this name and value.</summary>
    public static string FormWith(string html, string name, string value)
    {
        var at = html.IndexOf($"name=\"{name}\" value=\"{WebUtility.HtmlEncode(value)}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no form with {name}={value}");
        var start = html.LastIndexOf("<form", at, StringComparison.Ordinal);
        return Regex.Match(html[start..at], "id=\"([^\"]+)\"").Groups[1].Value;
    }

    /// <summary>The value of a (hidden) field of the form with this id.</summary>
    public static string Field(string html, string formId, string name)
    {
        var start = html.IndexOf($"id=\"{formId}\"", StringComparison.Ordinal);
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var match = Regex.Match(form, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"no field {name} in form #{formId}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => Http.Dispose();

    public static string ChildPath(string childId) => "/children/" + Uri.EscapeDataString(childId);
}

/// <summary>Shares one seeded service between the web test classes (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebHost>
{
    public const string Name = "web";
}
