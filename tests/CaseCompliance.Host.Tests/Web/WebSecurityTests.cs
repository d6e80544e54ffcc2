using System.Net;
using CaseCompliance.Storage;

namespace CaseCompliance.Host.Tests.Web;

/// <summary>
/// Who sees what (ADR 009), through the real service: anonymous requests go to the sign-in page, managers and workers
/// are held to their caseload (403 beyond it), auditors see everything, every opening is logged, forms need their
/// antiforgery token. Users are the demo users of the shipped appsettings.json: cp-manager (Child Protection Team:
/// C009, C010, C011), worker-w17 (W17: C007, C008, C016, C017, C018), auditor and admin.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class WebSecurityTests(WebHost host)
{
    private const string CpChild = "standard:C009", CinChild = "standard:C008";

    [Theory]
    [InlineData("/")]
    [InlineData("/exceptions")]
    [InlineData("/exceptions?format=csv")]
    [InlineData("/children/standard%3AC009")]
    [InlineData("/children/standard%3AC009/evidence.docx")]
    [InlineData("/admin/access-log")]
    public async Task Anonymous_IsRedirectedToSignIn(string path)
    {
        using var client = host.Client();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("http://localhost/signin?returnUrl=", location);
        var returnUrl = Uri.UnescapeDataString(location[location.IndexOf('=', StringComparison.Ordinal)..][1..]);
        Assert.Equal(Uri.UnescapeDataString(path), Uri.UnescapeDataString(returnUrl));
    }

    [Fact]
    public async Task Anonymous_GetsSignInPageAndHealth()
    {
        using var client = host.Client();
        var page = await client.GetPageAsync("/signin");
        Assert.Contains("id=\"username\"", page);
        Assert.Contains("id=\"password\"", page);
        Assert.Contains("type=\"submit\"", page);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Theory]
    [InlineData("auditor", "wrong-password-here")]
    [InlineData("nobody", WebHost.DemoPassword)]
    [InlineData("auditor", "")]
    public async Task SignIn_WithWrongNameOrPassword_IsRefusedAndStaysAnonymous(string user, string password)
    {
        using var client = host.Client();
        var response = await client.SignInAsync(user, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"signin-error\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_ReturnsToTheLocalPageAsked_ButNeverToAnotherSite()
    {
        using var client = host.Client();
        var page = await client.GetPageAsync("/signin?returnUrl=%2Fexceptions");
        var back = await client.PostAsync("/signin", WebClient.Token(page), ("username", "auditor"), ("password", WebHost.DemoPassword),
            ("returnUrl", "/exceptions"));
        Assert.Equal("/exceptions", back.Headers.Location!.ToString());

        using var other = host.Client();
        page = await other.GetPageAsync("/signin");
        var away = await other.PostAsync("/signin", WebClient.Token(page), ("username", "auditor"), ("password", WebHost.DemoPassword),
            ("returnUrl", "https://evil.example/"));
        Assert.Equal("/", away.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = host.Client();
        await client.GetPageAsync("/signin");
        var response = await client.PostAsync("/signin", null, ("username", "auditor"), ("password", WebHost.DemoPassword));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Manager_SeesChildrenOfTheirTeam_And403ForAnotherTeam()
    {
        using var manager = await host.SignedInAsync("cp-manager");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(WebClient.ChildPath(CpChild))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(WebClient.ChildPath("standard:C010"))).StatusCode);
        var refused = await manager.GetAsync(WebClient.ChildPath(CinChild));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("standard:C008", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(WebClient.ChildPath(CinChild) + "/evidence.docx")).StatusCode);
        // An id unknown to the store is refused the same way: a manager cannot probe which ids exist.
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(WebClient.ChildPath("standard:C999"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/admin/access-log")).StatusCode);

        var rows = await CsvRowsAsync(manager, "/exceptions?format=csv");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Child Protection Team", r["team"]));
        Assert.Equal(Expected(f => f.Team == "Child Protection Team"), rows.Count);
    }

    [Fact]
    public async Task Worker_SeesOnlyAllocatedChildren_AndOnlyTheirRows()
    {
        using var worker = await host.SignedInAsync("worker-w17");
        foreach (var child in new[] { "standard:C007", CinChild, "standard:C016" })
        {
            Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync(WebClient.ChildPath(child))).StatusCode);
        }

        foreach (var child in new[] { CpChild, "standard:C001", "standard:C019" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync(WebClient.ChildPath(child))).StatusCode);
        }

        var rows = await CsvRowsAsync(worker, "/exceptions?format=csv");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("W17", r["worker_id"]));
        Assert.Equal(Expected(f => f.WorkerId == "W17"), rows.Count);

        var page = await worker.GetPageAsync("/exceptions");
        Assert.DoesNotContain("standard:C009", page);
        Assert.Contains("standard:C008", page);
        // Workers do not acknowledge breaches or record audits.
        var casePage = await worker.GetPageAsync(WebClient.ChildPath(CinChild));
        Assert.DoesNotContain("id=\"acknowledge-", casePage);
        Assert.DoesNotContain("id=\"record-audit\"", casePage);
    }

    [Fact]
    public async Task Auditor_SeesEveryChildAndTheWholeList()
    {
        using var auditor = await host.SignedInAsync("auditor");
        var children = (await host.Store.FindingsAsync(host.Scan.ScanId, new FindingQuery())).Select(f => f.ChildId).Distinct().ToList();
        Assert.Equal(20, children.Count);
        foreach (var child in children)
        {
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(WebClient.ChildPath(child))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync(WebClient.ChildPath("standard:C999"))).StatusCode);
        var rows = await CsvRowsAsync(auditor, "/exceptions?format=csv");
        // The whole view is exceptions.csv of the scan, row for row.
        var file = File.ReadAllText(Path.Combine(Path.GetDirectoryName(host.Config)!, "out", "exceptions.csv"));
        var download = await (await auditor.GetAsync("/exceptions?format=csv")).Content.ReadAsStringAsync();
        Assert.Equal(file, download);
        Assert.Equal(Expected(_ => true), rows.Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/admin/access-log")).StatusCode);
    }

    [Fact]
    public async Task EachOpening_IsWrittenToTheAccessLog_WithUserChildAndTime()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var child = "standard:C012";
        var earlier = (await host.Store.AccessLogAsync(child, 1000)).Count(e => e.User == "auditor");
        using var auditor = await host.SignedInAsync("auditor");
        await auditor.GetPageAsync(WebClient.ChildPath(child));
        await auditor.GetPageAsync(WebClient.ChildPath(child));
        var docx = await auditor.GetAsync(WebClient.ChildPath(child) + "/evidence.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        // Pages that are not a child's are not logged.
        await auditor.GetPageAsync("/exceptions");

        var entries = (await host.Store.AccessLogAsync(child, 1000)).Where(e => e.User == "auditor").ToList();
        Assert.Equal(earlier + 3, entries.Count);
        var newest = entries.Take(3).ToList();
        Assert.Equal(2, newest.Count(e => e.What == "page"));
        Assert.Single(newest, e => e.What == "evidence.docx");
        Assert.All(newest, e =>
        {
            Assert.Equal(child, e.ChildId);
            Assert.InRange(e.At.ToUnixTimeMilliseconds(), before - 1000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000);
        });

        using var manager = await host.SignedInAsync("cp-manager");
        await manager.GetAsync(WebClient.ChildPath(child));
        Assert.Contains(await host.Store.AccessLogAsync(child, 10), e => e.User == "cp-manager" && e.What == "page refused");

        using var admin = await host.SignedInAsync("admin");
        var log = await admin.GetPageAsync("/admin/access-log?child=" + Uri.EscapeDataString(child));
        Assert.Contains("cp-manager", log);
        Assert.Contains("evidence.docx", log);
    }

    [Fact]
    public async Task Acknowledgement_WithoutAntiforgeryToken_IsRejected_WithTokenStoredAndShown()
    {
        using var manager = await host.SignedInAsync("cp-manager");
        var path = WebClient.ChildPath(CpChild);
        var page = await manager.GetPageAsync(path);
        // A breach on the exception list (late in April 2026, within the look-back), so the list shows the reason too.
        var breach = (await host.Store.FindingsAsync(host.Scan.ScanId, new FindingQuery(ChildId: CpChild, Statuses: ["late"])))
            .First(f => f.RuleId == "cp-visits");
        var key = breach.ObligationKey;
        var form = WebClient.FormWith(page, "key", key);
        Assert.StartsWith("acknowledge-", form);
        var action = WebClient.Action(page, form);
        // Markup in a reason is shown as text, never run.
        var reason = $"Conference re-arranged at the family request <b>{Guid.NewGuid():N}</b>";

        var forged = await manager.PostAsync(action, null, ("key", key), ("reason", reason));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False((await host.Store.AcknowledgementsAsync([key])).TryGetValue(key, out var none) && none.Any(a => a.Reason == reason));

        var saved = await manager.PostAsync(action, WebClient.Token(page, form), ("key", key), ("reason", reason));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = Assert.Single((await host.Store.AcknowledgementsAsync([key]))[key], a => a.Reason == reason);
        Assert.Equal("cp-manager", stored.RecordedBy);

        var after = await manager.GetPageAsync(path);
        Assert.Contains(WebUtility.HtmlEncode(reason), after);
        Assert.DoesNotContain(reason, after);
        // The breach is still shown as a breach, with its form to acknowledge again.
        Assert.Contains($"id=\"{form}\"", after);
        var list = await manager.GetPageAsync("/exceptions");
        Assert.Contains(WebUtility.HtmlEncode(reason), list);
    }

    [Fact]
    public async Task Acknowledgement_OfAFindingThatIsNotABreach_IsRefused()
    {
        using var manager = await host.SignedInAsync("cp-manager");
        var page = await manager.GetPageAsync(WebClient.ChildPath(CpChild));
        var form = WebClient.FirstForm(page, "acknowledge-");
        var met = (await host.Store.FindingsAsync(host.Scan.ScanId, new FindingQuery(ChildId: CpChild, Statuses: ["met"])))[0];

        // A hand-made post naming one of the child's met findings: there is nothing to explain, so nothing is stored.
        var posted = await manager.PostAsync(WebClient.Action(page, form), WebClient.Token(page, form), ("key", met.ObligationKey), ("reason", "x"));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.False((await host.Store.AcknowledgementsAsync([met.ObligationKey])).ContainsKey(met.ObligationKey));
    }

    [Fact]
    public async Task Acknowledgement_OfAnotherChildsObligation_IsRefused()
    {
        using var manager = await host.SignedInAsync("cp-manager");
        var page = await manager.GetPageAsync(WebClient.ChildPath("standard:C010"));
        var form = WebClient.FirstForm(page, "acknowledge-");
        var token = WebClient.Token(page, form);
        var other = (await host.Store.FindingsAsync(host.Scan.ScanId, new FindingQuery(ChildId: CinChild, ExceptionsOnly: true)))[0];

        // Posting C008's breach through C010's page: not one of C010's findings.
        var wrongChild = await manager.PostAsync(WebClient.Action(page, form), token, ("key", other.ObligationKey), ("reason", "x"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongChild.StatusCode);
        // Posting through C008's own address: outside the manager's scope.
        var outside = await manager.PostAsync(WebClient.ChildPath(CinChild) + "?handler=Acknowledge", token, ("key", other.ObligationKey), ("reason", "x"));
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.False((await host.Store.AcknowledgementsAsync([other.ObligationKey])).ContainsKey(other.ObligationKey));
    }

    [Fact]
    public async Task Worker_CannotAcknowledgeEvenWithAToken()
    {
        using var worker = await host.SignedInAsync("worker-w17");
        var page = await worker.GetPageAsync(WebClient.ChildPath(CinChild));
        var breach = (await host.Store.FindingsAsync(host.Scan.ScanId, new FindingQuery(ChildId: CinChild, ExceptionsOnly: true)))[0];
        var response = await worker.PostAsync(WebClient.ChildPath(CinChild) + "?handler=Acknowledge", WebClient.Token(page),
            ("key", breach.ObligationKey), ("reason", "worker tries"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders_AndAreNotCached()
    {
        using var auditor = await host.SignedInAsync("auditor");
        var response = await auditor.GetAsync(WebClient.ChildPath(CpChild));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task SignOut_NeedsAPostWithToken_AndEndsTheSession()
    {
        using var auditor = await host.SignedInAsync("auditor");
        var page = await auditor.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.PostAsync("/signout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/")).StatusCode);
        var signedOut = await auditor.PostAsync("/signout", WebClient.Token(page));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await auditor.GetAsync("/")).StatusCode);
    }

    private int Expected(Func<StoredFinding, bool> which)
    {
        var file = Path.Combine(Path.GetDirectoryName(host.Config)!, "out", "exceptions.csv");
        var (_, rows) = CsvFile.Read(file);
        return rows.Count(r => which(new StoredFinding(r["rule_id"], r["status"], r["child_id"], null, r["source"], null, null, null, null, null,
            r["worker_id"], r["team"], "", "", "", BreachChange.None, false, null)));
    }

    internal static async Task<List<Dictionary<string, string>>> CsvRowsAsync(WebClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString());
        using var folder = new TempFolder();
        var file = folder.File("view.csv");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        return CsvFile.Read(file).Rows;
    }
}
