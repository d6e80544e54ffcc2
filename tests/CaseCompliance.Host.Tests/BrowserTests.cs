using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Xunit.Abstractions;

namespace CaseCompliance.Host.Tests;

/// <summary>
/// The web pages in headless Chromium against a real <c>serve</c> process that has scanned the bundled sample: sign-in
/// through the form with the shipped demo accounts, the exception list and its filters, a child's evidence,
/// acknowledgements across scans, the Word document, and scope refusals.
/// </summary>
public sealed class BrowserTests(ServedSample app, ITestOutputHelper output) : IClassFixture<ServedSample>
{
    private const string Table = "#exception-table tbody tr";

    [Fact]
    public async Task SignIn_RefusesAWrongPassword_ThenReturnsToThePageAskedFor()
    {
        await using var session = await app.Browser.SessionAsync(nameof(SignIn_RefusesAWrongPassword_ThenReturnsToThePageAskedFor), output);

        // Signed out, a page sends the user to the form and remembers where they were going.
        await session.GoAsync("/exceptions");
        await session.CheckAsync(session.Path.StartsWith("/signin?returnUrl=%2Fexceptions", StringComparison.Ordinal),
            "a signed-out visit to /exceptions did not land on the sign-in form with its return address");
        await session.ExpectElementAsync("#username");
        await session.ScreenshotAsync("signin");

        await session.TypeAsync("#username", app.Auditor.UserName);
        await session.TypeAsync("#password", ServedSample.DemoPassword + "-wrong");
        await session.ClickAndWaitAsync("#signin-form button[type=submit]");
        var error = await session.TextOrNullAsync("#signin-error");
        await session.CheckAsync(error is not null && session.Path.StartsWith("/signin", StringComparison.Ordinal),
            "a wrong password was not refused on the sign-in page");
        await session.CheckAsync(await session.TextOrNullAsync("#exception-table") is null, "the exception list showed without a sign-in");
        await session.ScreenshotAsync("signin-refused");

        await session.TypeAsync("#username", app.Auditor.UserName);
        await session.TypeAsync("#password", ServedSample.DemoPassword);
        await session.ClickAndWaitAsync("#signin-form button[type=submit]");
        await session.CheckAsync(session.Path.StartsWith("/exceptions", StringComparison.Ordinal), "after signing in the user was not taken back to /exceptions");
        await session.ExpectElementAsync("#exception-table");
        Assert.Equal(app.Auditor.UserName, await session.TextAsync("#signed-in-user"));
        AssertNoCspRefusals(session);
    }

    [Fact]
    public async Task Manager_FiltersTheExceptionListByRule_AndSeesOnlyThatRulesRowsOfTheirTeam()
    {
        var manager = app.Manager;
        var visible = app.Exceptions.Where(r => manager.Teams.Contains(r["team"])).ToList();
        Assert.True(visible.Select(r => r["rule_id"]).Distinct().Count() > 1,
            $"the sample must give {manager.UserName}'s team exceptions under more than one rule for the filter to show anything");

        await using var session = await app.Browser.SessionAsync(nameof(Manager_FiltersTheExceptionListByRule_AndSeesOnlyThatRulesRowsOfTheirTeam), output);
        await session.SignInAsync(manager.UserName, ServedSample.DemoPassword);
        await session.GoAsync("/exceptions");
        await session.ScreenshotAsync("exceptions");

        // Unfiltered, the manager sees exactly their team's rows of exceptions.csv.
        var children = await session.AttributesAsync(Table, "data-child");
        var teams = await session.TextsAsync(Table + " td:nth-of-type(7)");
        await session.CheckAsync(children.Length == visible.Count,
            $"the exception list shows {children.Length} rows; exceptions.csv has {visible.Count} for {string.Join(", ", manager.Teams)}");
        await session.CheckAsync(teams.All(manager.Teams.Contains), $"rows of other teams are shown: {string.Join(", ", teams.Distinct())}");

        // The rule with most rows, so that the filter has something to leave out and something to keep.
        var rule = visible.GroupBy(r => r["rule_id"]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        await session.SelectAsync("#filter-rule", rule.Key);
        await session.ClickAndWaitAsync("#filters button[type=submit]");
        await session.ScreenshotAsync("exceptions-filtered-" + rule.Key);

        await session.CheckAsync(session.Path.Contains("rule=" + rule.Key, StringComparison.Ordinal), "the filter is not in the address");
        var rules = await session.AttributesAsync(Table, "data-rule");
        var shownRules = await session.TextsAsync(Table + " td:nth-of-type(1)");
        var shownChildren = await session.AttributesAsync(Table, "data-child");
        await session.CheckAsync(rules.Length == rule.Count(), $"filtered by {rule.Key}: {rules.Length} rows shown, {rule.Count()} expected");
        await session.CheckAsync(rules.All(r => r == rule.Key) && shownRules.All(r => r == rule.Key),
            $"filtered by {rule.Key}, the table still shows {string.Join(", ", rules.Concat(shownRules).Distinct())}");
        Assert.Equal(rule.Select(r => r["child_id"]).Order(StringComparer.Ordinal), shownChildren.Order(StringComparer.Ordinal));
        // The form keeps the choice, so the next change of filter does not lose it.
        Assert.Equal(rule.Key, await session.Page.EvaluateFunctionAsync<string>("() => document.querySelector('#filter-rule').value"));
        AssertNoCspRefusals(session);
    }

    [Fact]
    public async Task Auditor_OpensAChildFromTheList_AndReadsItsEvidenceAsTheScanFoundIt()
    {
        // The child with the most exceptions: the page has the most to get right.
        var child = app.Exceptions.GroupBy(r => r["child_id"]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var findings = app.FindingsOf(child);

        await using var session = await app.Browser.SessionAsync(nameof(Auditor_OpensAChildFromTheList_AndReadsItsEvidenceAsTheScanFoundIt), output);
        await session.SignInAsync(app.Auditor.UserName, ServedSample.DemoPassword);
        await session.GoAsync("/exceptions");
        await session.ClickAndWaitAsync($"{Table}[data-child=\"{child}\"] th a");
        await session.ScreenshotAsync("child");

        await session.CheckAsync(Uri.UnescapeDataString(session.Path) == "/children/" + child, $"the list's link for {child} led elsewhere");
        Assert.Equal(child, await session.TextAsync("#child-id"));

        // Every finding of the scan for this child is on the page once, in an audit area, with its sentence as written
        // in findings.csv.
        var rows = await RowsAsync(session);
        await session.CheckAsync(rows.Length == findings.Count, $"{rows.Length} findings on the page, {findings.Count} in findings.csv for {child}");
        foreach (var finding in findings)
        {
            var detail = finding["detail"];
            var match = rows.Where(r => r.Rule == finding["rule_id"] && r.Status == finding["status"] && r.Text.Contains(detail, StringComparison.Ordinal)).ToList();
            await session.CheckAsync(match.Count >= 1, $"no {finding["rule_id"]} {finding["status"]} row reads \"{detail}\"");
            await session.CheckAsync(match.All(m => m.Area.Length > 0), $"the row \"{detail}\" is not in an audit area");
        }

        // A breach's sentence sits in the area an auditor looks under: visits under visits, supervision under oversight.
        await session.CheckAsync(rows.Any(r => r.Rule is "cin-visits" or "cp-visits" or "supervision"), $"{child} has no visit or supervision findings to place");
        foreach (var (rule, area) in new[] { ("cin-visits", "visits"), ("cp-visits", "visits"), ("supervision", "oversight-and-supervision") })
        {
            foreach (var row in rows.Where(r => r.Rule == rule))
            {
                await session.CheckAsync(row.Area == area, $"{rule} is shown under '{row.Area}', not '{area}'");
            }
        }

        AssertNoCspRefusals(session);
    }

    [Fact]
    public async Task Acknowledgement_StaysWithItsFinding_AfterTheNextScan()
    {
        var manager = app.Manager;
        // An overdue breach of the manager's team: still open in the next scan, so the same finding shows again.
        var breach = app.Exceptions.First(r => manager.Teams.Contains(r["team"]) && r["status"] == "overdue");
        var child = breach["child_id"];
        var reason = $"Browser test {Guid.NewGuid():N}: visit rebooked with the family for next week.";

        await using var session = await app.Browser.SessionAsync(nameof(Acknowledgement_StaysWithItsFinding_AfterTheNextScan), output);
        await session.SignInAsync(manager.UserName, ServedSample.DemoPassword);
        await session.GoAsync("/children/" + Uri.EscapeDataString(child));

        var row = await FindRowAsync(session, breach);
        var number = row.Id["finding-".Length..];
        await session.CheckAsync(row.Change == "new", $"the first scan should mark the breach new, the page says '{row.Change}'");
        await session.Page.ClickAsync($"#finding-{number} details > summary");
        await session.TypeAsync($"#acknowledge-{number} textarea[name=reason]", reason);
        await session.ScreenshotAsync("acknowledge-form");
        await session.ClickAndWaitAsync($"#acknowledge-{number} button[type=submit]");
        await session.CheckAsync(Uri.UnescapeDataString(session.Path).StartsWith("/children/" + child, StringComparison.Ordinal),
            "saving the acknowledgement did not return to the child's page");
        var saved = await FindRowAsync(session, breach);
        await session.CheckAsync(saved.Acknowledgements.Any(a => a.Contains(reason, StringComparison.Ordinal)),
            $"the saved reason is not shown with the finding (shown: {string.Join(" | ", saved.Acknowledgements)})");
        await session.ScreenshotAsync("acknowledged");

        // The next scan: the CLI against the same configuration and store, while the service runs.
        var before = ServiceTests.LastScan(await app.Service.HealthAsync(TimeSpan.FromSeconds(30)));
        var scan = Cli.Run(app.Folder.Path, "scan", "--config", app.Config);
        Assert.True(scan.ExitCode == 0, $"scan exited {scan.ExitCode}:\n{scan.Stdout}\n{scan.Stderr}");
        var after = ServiceTests.LastScan(await app.Service.HealthAsync(TimeSpan.FromSeconds(30), h => ServiceTests.LastScan(h) != before));
        output.WriteLine($"scans: {before} then {after}");

        await session.GoAsync("/children/" + Uri.EscapeDataString(child));
        // Found by its obligation, not its sentence: the sentence counts days to the as-of date, which may have moved on.
        var again = (await RowsAsync(session)).SingleOrDefault(r => r.Obligation == row.Obligation)
            ?? throw await session.FailAsync($"after the next scan no finding of obligation {row.Obligation} is on the page");
        await session.ScreenshotAsync("after-next-scan");
        // "persisting" proves the page reads the new scan; the acknowledgement followed the obligation into it.
        await session.CheckAsync(again.Change == "persisting", $"after the next scan the breach should be persisting, the page says '{again.Change}'");
        await session.CheckAsync(again.Acknowledgements.Any(a => a.Contains(reason, StringComparison.Ordinal)),
            $"after the next scan the acknowledgement is gone from the finding (shown: {string.Join(" | ", again.Acknowledgements)})");

        // The exception list shows it with the row too.
        await session.GoAsync("/exceptions?rule=" + Uri.EscapeDataString(breach["rule_id"]));
        var listed = await session.TextsAsync($"{Table}[data-child=\"{child}\"][data-rule=\"{breach["rule_id"]}\"] .ack");
        await session.CheckAsync(listed.Any(a => a.Contains(reason, StringComparison.Ordinal)), "the exception list does not show the acknowledgement");
        AssertNoCspRefusals(session);
    }

    [Fact]
    public async Task EvidenceDocument_DownloadsWithTheSignIn_AndIsAWordDocumentForThatChild()
    {
        var child = app.Exceptions.Select(r => r["child_id"]).Order(StringComparer.Ordinal).First();
        var details = app.FindingsOf(child).Select(f => f["detail"]).ToList();

        await using var session = await app.Browser.SessionAsync(nameof(EvidenceDocument_DownloadsWithTheSignIn_AndIsAWordDocumentForThatChild), output);
        await session.SignInAsync(app.Auditor.UserName, ServedSample.DemoPassword);
        await session.GoAsync("/children/" + Uri.EscapeDataString(child));
        var href = (await session.AttributesAsync("#evidence-download", "href")).SingleOrDefault();
        await session.CheckAsync(href is not null && Uri.UnescapeDataString(href) == $"/children/{child}/evidence.docx",
            $"the page's evidence link is '{href}', not /children/{child}/evidence.docx");

        var (status, type, body) = await session.DownloadAsync(href!);
        await session.CheckAsync(status == HttpStatusCode.OK, $"evidence.docx answered {(int)status}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", type);
        var file = Path.Combine(app.Browser.Screenshots, nameof(EvidenceDocument_DownloadsWithTheSignIn_AndIsAWordDocumentForThatChild), "evidence.docx");
        await File.WriteAllBytesAsync(file, body);
        output.WriteLine($"document: {file}");

        using (var document = WordprocessingDocument.Open(new MemoryStream(body), isEditable: false))
        {
            var text = string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
                .Select(p => p.InnerText));
            Assert.Contains(child, text);
            Assert.NotEmpty(details);
            Assert.Contains(details[0], text);
        }

        // Without the session's cookie the same address gives nothing but a way to sign in.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Service.BaseAddress };
        using var refused = await anonymous.GetAsync(href);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/signin", refused.Headers.Location?.IsAbsoluteUri == true ? refused.Headers.Location.PathAndQuery : refused.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Worker_CannotOpenAnotherTeamsChild_ButOpensTheirOwn()
    {
        var worker = app.Worker;
        var own = app.Findings.First(r => worker.WorkerIds.Contains(r["worker_id"]))["child_id"];
        // A child none of whose findings is the worker's, in a team the worker has no findings in.
        var workerTeams = app.Findings.Where(r => worker.WorkerIds.Contains(r["worker_id"])).Select(r => r["team"]).ToHashSet();
        var other = app.Findings.GroupBy(r => r["child_id"])
            .First(g => g.All(r => !worker.WorkerIds.Contains(r["worker_id"]) && r["team"].Length > 0 && !workerTeams.Contains(r["team"]))).Key;

        await using var session = await app.Browser.SessionAsync(nameof(Worker_CannotOpenAnotherTeamsChild_ButOpensTheirOwn), output);
        await session.SignInAsync(worker.UserName, ServedSample.DemoPassword);
        await session.GoAsync("/children/" + Uri.EscapeDataString(own));
        Assert.Equal(own, await session.TextAsync("#child-id"));

        await session.GoAsync("/children/" + Uri.EscapeDataString(other), HttpStatusCode.Forbidden);
        await session.ScreenshotAsync("forbidden");
        var page = await session.Page.EvaluateFunctionAsync<string>("() => document.body.innerText");
        await session.CheckAsync(await session.TextOrNullAsync("#child-id") is null, "the refused page shows the child");
        foreach (var detail in app.FindingsOf(other).Select(f => f["detail"]))
        {
            await session.CheckAsync(!page.Contains(detail, StringComparison.Ordinal), "the refused page shows a finding of the child");
        }

        var (status, _, _) = await session.DownloadAsync($"/children/{Uri.EscapeDataString(other)}/evidence.docx");
        Assert.Equal(HttpStatusCode.Forbidden, status);

        // The worker's exception list holds only their own rows.
        await session.GoAsync("/exceptions");
        var workers = await session.TextsAsync(Table + " td:nth-of-type(6)");
        Assert.NotEmpty(workers);
        Assert.All(workers, w => Assert.Contains(w, worker.WorkerIds));
    }

    private static void AssertNoCspRefusals(BrowserSession session) =>
        Assert.DoesNotContain(session.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));

    /// <summary>The child page's row for a finding of exceptions.csv (same rule, status and sentence).</summary>
    private static async Task<ChildRow> FindRowAsync(BrowserSession session, IReadOnlyDictionary<string, string> finding)
    {
        var match = (await RowsAsync(session))
            .Where(r => r.Rule == finding["rule_id"] && r.Status == finding["status"] && r.Text.Contains(finding["detail"], StringComparison.Ordinal))
            .ToList();
        if (match.Count != 1)
        {
            throw await session.FailAsync($"{match.Count} rows on the page read \"{finding["detail"]}\" ({finding["rule_id"]}, {finding["status"]})");
        }

        return match[0];
    }

    /// <summary>The finding rows of the child page now shown, with the audit area (<c>data-area</c>) each is under.</summary>
    private static Task<ChildRow[]> RowsAsync(BrowserSession session) => session.Page.EvaluateFunctionAsync<ChildRow[]>(
        """
        () => Array.from(document.querySelectorAll('tr[data-obligation]'), tr => ({
            id: tr.id,
            area: tr.closest('section[data-area]')?.dataset.area ?? '',
            obligation: tr.dataset.obligation,
            rule: tr.querySelector('th code')?.textContent.trim() ?? '',
            status: tr.dataset.status ?? '',
            change: tr.querySelector('.change')?.textContent.trim() ?? '',
            text: tr.textContent.replace(/\s+/g, ' ').trim(),
            acknowledgements: Array.from(tr.querySelectorAll('.ack'), a => a.textContent.replace(/\s+/g, ' ').trim()),
        }))
        """);

    private sealed record ChildRow(string Id, string Area, string Obligation, string Rule, string Status, string Change, string Text, string[] Acknowledgements);
}

/// <summary>
/// One <c>serve</c> process over the bundled sample with a temporary SQLite store (its start-up catch-up scan stored), the
/// shipped demo accounts switched on, and one headless Chromium; shared by the browser tests.
/// </summary>
public sealed class ServedSample : IAsyncLifetime
{
    /// <summary>The demo accounts' password, as the README publishes it (the shipped hashes are used unchanged).</summary>
    public const string DemoPassword = "casecompliance-demo";

    private readonly TempFolder _folder = new();

    public TempFolder Folder => _folder;

    public string Config { get; private set; } = "";

    public ServiceProcess Service { get; private set; } = null!;

    public Browser Browser { get; private set; } = null!;

    /// <summary>findings.csv and exceptions.csv of the first scan (the sample scanned as of today).</summary>
    public List<Dictionary<string, string>> Findings { get; private set; } = [];

    public List<Dictionary<string, string>> Exceptions { get; private set; } = [];

    public DemoUser Auditor { get; private set; } = null!;

    public DemoUser Manager { get; private set; } = null!;

    public DemoUser Worker { get; private set; } = null!;

    public IReadOnlyList<Dictionary<string, string>> FindingsOf(string childId) => Findings.Where(r => r["child_id"] == childId).ToList();

    public async Task InitializeAsync()
    {
        // Before anything is started: without the browser there is nothing to test.
        Browser.RequireExecutable();
        var users = DemoUser.Shipped();
        Auditor = users.First(u => u.Roles.Contains("auditor"));
        Manager = users.First(u => u.Roles.Contains("manager") && u.Teams.Count > 0);
        Worker = users.First(u => u.Roles.SequenceEqual(["worker"]) && u.WorkerIds.Count > 0);

        Config = Fixtures.Config(_folder, new Dictionary<string, string> { ["standard"] = Cli.SampleFolder }, root =>
        {
            var web = root["Web"]?.AsObject();
            if (web is null)
            {
                web = new JsonObject();
                root["Web"] = web;
            }

            web["DemoUsers"] = true;
            // Every test signs in from 127.0.0.1: the brake on guessing must not trip on the suite.
            web["SignInAttemptsPerMinute"] = 1000;
        });
        Service = ServiceProcess.Start(_folder.Path, "--config", Config);
        await Service.HealthAsync(TimeSpan.FromMinutes(3), h => ServiceTests.LastScan(h) is not null);
        Findings = CsvFile.Read(Path.Combine(_folder.Path, "out", "findings.csv")).Rows;
        Exceptions = CsvFile.Read(Path.Combine(_folder.Path, "out", "exceptions.csv")).Rows;

        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots", nameof(BrowserTests));
        if (Directory.Exists(screenshots))
        {
            Directory.Delete(screenshots, recursive: true);
        }

        Browser = await Browser.LaunchAsync(Service.BaseAddress, screenshots);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        if (Service is not null)
        {
            await Service.StopAsync();
            await Service.DisposeAsync();
        }

        _folder.Dispose();
    }
}

/// <summary>A demo account of the shipped appsettings.json (<c>Web:Users</c> with <c>Demo: true</c>).</summary>
public sealed record DemoUser(string UserName, IReadOnlyList<string> Roles, IReadOnlyList<string> Teams, IReadOnlyList<string> WorkerIds)
{
    public static IReadOnlyList<DemoUser> Shipped()
    {
        var root = JsonNode.Parse(File.ReadAllText(Cli.DefaultConfig))!;
        static List<string> Strings(JsonNode? node) => node?.AsArray().Select(n => (string)n!).ToList() ?? [];
        var users = (root["Web"]?["Users"]?.AsArray() ?? [])
            .Where(u => (bool?)u!["Demo"] == true)
            .Select(u => new DemoUser((string)u!["UserName"]!, Strings(u["Roles"]), Strings(u["Teams"]), Strings(u["WorkerIds"])))
            .ToList();
        return users.Count > 0 ? users : throw new InvalidOperationException($"no demo users (Web:Users with Demo: true) in {Cli.DefaultConfig}");
    }
}
