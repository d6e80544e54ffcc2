using System.Net;
using PuppeteerSharp;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace CaseCompliance.Host.Tests;

/// <summary>
/// Headless Chromium from the Debian package <c>chromium</c>, driven through PuppeteerSharp. The tests never download a
/// browser (no internet on the build machines): a missing executable fails with the package to install.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string DefaultExecutable = "/usr/bin/chromium";

    private readonly IBrowser _browser;
    private readonly string _profile;

    private Browser(IBrowser browser, string profile, Uri baseAddress, string screenshots)
    {
        _browser = browser;
        _profile = profile;
        BaseAddress = baseAddress;
        Screenshots = screenshots;
    }

    public Uri BaseAddress { get; }

    /// <summary>Where screenshots go: <c>screenshots/</c> beside the test assembly (ignored by git).</summary>
    public string Screenshots { get; }

    /// <summary>The executable: <c>CASECOMPLIANCE_TEST_CHROMIUM</c> when set, else the Debian package's.</summary>
    public static string Executable =>
        Environment.GetEnvironmentVariable("CASECOMPLIANCE_TEST_CHROMIUM") is { Length: > 0 } path ? path : DefaultExecutable;

    /// <summary>The executable's path; a missing one fails with the Debian package to install.</summary>
    public static string RequireExecutable()
    {
        var executable = Executable;
        return File.Exists(executable)
            ? executable
            : throw new InvalidOperationException(
                $"Chromium not found at {executable}: install the Debian package 'chromium' (apt-get install chromium; .ci/run does). " +
                "The browser tests never download a browser.");
    }

    public static async Task<Browser> LaunchAsync(Uri baseAddress, string screenshots)
    {
        var executable = RequireExecutable();
        Directory.CreateDirectory(screenshots);
        var profile = Directory.CreateTempSubdirectory("cc-chromium-").FullName;
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = executable,
            UserDataDir = profile,
            Timeout = 60_000,
            ProtocolTimeout = 60_000,
            DefaultViewport = new ViewPortOptions { Width = 1280, Height = 900 },
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        });
        return new Browser(browser, profile, baseAddress, screenshots);
    }

    /// <summary>A fresh browser context (its own cookies, like a private window) with one page.</summary>
    public async Task<BrowserSession> SessionAsync(string name, ITestOutputHelper output)
    {
        var context = await _browser.CreateBrowserContextAsync();
        var page = await context.NewPageAsync();
        page.DefaultTimeout = 30_000;
        page.DefaultNavigationTimeout = 30_000;
        return new BrowserSession(context, page, BaseAddress, Path.Combine(Screenshots, name), output);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _browser.CloseAsync();
        }
        finally
        {
            await _browser.DisposeAsync();
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

/// <summary>
/// One user's tab: navigation that waits for the page, form filling, screenshots, and failures that say which page
/// (address, status, console errors) and where its screenshot is.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _base;
    private readonly string _screenshots;
    private readonly ITestOutputHelper _output;
    private readonly List<string> _console = [];
    private int _shots;

    internal BrowserSession(IBrowserContext context, IPage page, Uri baseAddress, string screenshots, ITestOutputHelper output)
    {
        _context = context;
        Page = page;
        _base = baseAddress;
        _screenshots = screenshots;
        _output = output;
        Directory.CreateDirectory(screenshots);
        page.Console += (_, e) =>
        {
            if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning)
            {
                lock (_console)
                {
                    _console.Add($"{e.Message.Type}: {e.Message.Text} ({e.Message.Location?.URL})");
                }
            }
        };
        page.PageError += (_, e) =>
        {
            lock (_console)
            {
                _console.Add("page error: " + e.Message);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The address of the page now shown, without the server part.</summary>
    public string Path => new Uri(Page.Url).PathAndQuery;

    /// <summary>Errors and warnings the browser wrote to its console (CSP refusals land here).</summary>
    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_console)
            {
                return [.. _console];
            }
        }
    }

    /// <summary>Opens an address of the app and checks the status the user ends up with (after redirects).</summary>
    public async Task<IResponse> GoAsync(string pathAndQuery, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Page.GoToAsync(new Uri(_base, pathAndQuery).ToString(), WaitUntilNavigation.Load);
        await ExpectStatusAsync(response, expected, $"opening {pathAndQuery}");
        return response;
    }

    /// <summary>Clicks an element that submits a form or follows a link, and waits for the page it leads to.</summary>
    public async Task<IResponse> ClickAndWaitAsync(string selector, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await ExpectElementAsync(selector);
        var navigation = Page.WaitForNavigationAsync(new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load] });
        await Page.ClickAsync(selector);
        var response = await navigation;
        await ExpectStatusAsync(response, expected, $"clicking {selector}");
        return response;
    }

    /// <summary>Signs in through the form of <c>/signin</c> (fields <c>#username</c>, <c>#password</c>) and checks it worked.</summary>
    public async Task SignInAsync(string userName, string password)
    {
        await GoAsync("/signin");
        await TypeAsync("#username", userName);
        await TypeAsync("#password", password);
        await ClickAndWaitAsync("#signin-form button[type=submit]");
        if (Path.StartsWith("/signin", StringComparison.OrdinalIgnoreCase))
        {
            var error = await TextOrNullAsync("#signin-error");
            throw await FailAsync($"signing in as {userName} did not leave the sign-in page (message: {error ?? "none"})");
        }

        var shown = await TextOrNullAsync("#signed-in-user");
        await CheckAsync(string.Equals(shown, userName, StringComparison.OrdinalIgnoreCase),
            $"after signing in the header names '{shown}', not {userName}");
    }

    public async Task TypeAsync(string selector, string text)
    {
        await ExpectElementAsync(selector);
        // Clear first: the sign-in page keeps the user name after a refused attempt.
        await Page.EvaluateFunctionAsync("(s) => { document.querySelector(s).value = ''; }", selector);
        await Page.TypeAsync(selector, text);
    }

    public async Task SelectAsync(string selector, string value)
    {
        await ExpectElementAsync(selector);
        var chosen = await Page.SelectAsync(selector, value);
        await CheckAsync(chosen.Contains(value), $"'{selector}' has no option '{value}'");
    }

    public async Task<string?> TextOrNullAsync(string selector) =>
        await Page.QuerySelectorAsync(selector) is { } element
            ? (await element.EvaluateFunctionAsync<string>("e => e.textContent")).Trim()
            : null;

    public async Task<string> TextAsync(string selector) =>
        await TextOrNullAsync(selector) ?? throw await FailAsync($"no element '{selector}'");

    /// <summary>The text of every element matching the selector, whitespace collapsed.</summary>
    public Task<string[]> TextsAsync(string selector) => Page.EvaluateFunctionAsync<string[]>(
        "(s) => Array.from(document.querySelectorAll(s), e => e.textContent.replace(/\\s+/g, ' ').trim())", selector);

    /// <summary>An attribute of every element matching the selector (empty string where it is absent).</summary>
    public Task<string[]> AttributesAsync(string selector, string attribute) => Page.EvaluateFunctionAsync<string[]>(
        "(s, a) => Array.from(document.querySelectorAll(s), e => e.getAttribute(a) ?? '')", selector, attribute);

    public async Task ExpectElementAsync(string selector)
    {
        if (await Page.QuerySelectorAsync(selector) is null)
        {
            throw await FailAsync($"no element '{selector}'");
        }
    }

    /// <summary>
    /// Downloads an address with this session's sign-in cookie (the pages' Content-Security-Policy forbids fetch() from
    /// the page itself, as it should). Redirects are not followed, so a lost session shows as a 302, not a sign-in page.
    /// </summary>
    public async Task<(HttpStatusCode Status, string? ContentType, byte[] Body)> DownloadAsync(string href)
    {
        var address = new Uri(new Uri(Page.Url), href);
        var cookies = await Page.GetCookiesAsync(address.ToString());
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A full-page PNG, numbered in the order taken; its path is written to the test output.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var file = System.IO.Path.Combine(_screenshots, $"{Interlocked.Increment(ref _shots):00}-{name}.png");
        await Page.ScreenshotAsync(file, new ScreenshotOptions { FullPage = true });
        _output.WriteLine($"screenshot: {file}");
        return file;
    }

    public async Task CheckAsync(bool condition, string message)
    {
        if (!condition)
        {
            throw await FailAsync(message);
        }
    }

    /// <summary>A failure naming the page, with a screenshot of it and the browser's console errors.</summary>
    public async Task<Exception> FailAsync(string message)
    {
        string shot;
        try
        {
            shot = await ScreenshotAsync("failure");
        }
        catch (Exception e) when (e is PuppeteerException or IOException)
        {
            shot = $"(no screenshot: {e.Message})";
        }

        var console = ConsoleErrors.Count == 0 ? "" : "\nconsole:\n  " + string.Join("\n  ", ConsoleErrors);
        return new XunitException($"{message}\npage: {Page.Url}\nscreenshot: {shot}{console}");
    }

    private async Task ExpectStatusAsync(IResponse? response, HttpStatusCode expected, string what)
    {
        if (response is null)
        {
            throw await FailAsync($"{what}: no response");
        }

        if (response.Status != expected)
        {
            throw await FailAsync($"{what}: status {(int)response.Status}, expected {(int)expected}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _context.CloseAsync();
        }
        catch (PuppeteerException)
        {
            // The browser may already be gone after a failed test; closing it is the fixture's job.
        }
    }
}
