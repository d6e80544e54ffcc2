using System.Net;
using System.Text.RegularExpressions;
using CaseCompliance.Host.Web;
using CaseCompliance.Rules.Engine;
using CaseCompliance.Storage;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseCompliance.Host.Tests.Web;

/// <summary>The child page of the sample's drifting case (C008) and its evidence document, as an auditor sees them.</summary>
[Collection(WebCollection.Name)]
public sealed partial class ChildPageTests(WebHost host)
{
    private const string Child = "standard:C008";

    [Fact]
    public void EveryRuleOfTheCatalogue_HasOneAuditArea()
    {
        Assert.All(RuleCatalogue.Ids, id => Assert.NotEqual(AuditAreas.Other, AuditAreas.Of(id)));
        Assert.Equal(RuleCatalogue.Ids.Order(StringComparer.Ordinal), AuditAreas.MappedRules.Order(StringComparer.Ordinal));
        Assert.Equal(AuditAreas.Other, AuditAreas.Of("a-rule-added-later"));
        Assert.Equal(7, AuditAreas.All.Count);
    }

    [Fact]
    public async Task ChildPage_ShowsEveryFindingOfTheLatestScan_InItsAreaWithItsFacts()
    {
        using var auditor = await host.SignedInAsync("auditor");
        var page = await auditor.GetPageAsync(WebClient.ChildPath(Child));
        var findings = await host.Store.FindingsAsync(host.Scan.ScanId, new FindingQuery(ChildId: Child));
        var record = (await host.Store.ChildrenAsync([Child]))[Child];

        Assert.Contains($"<span id=\"child-id\">{Child}</span>", page);
        Assert.Contains($"({record.Initials})", page);
        // Initials only: neither name is on the page.
        Assert.DoesNotContain(record.Surname!, page);
        Assert.DoesNotContain(record.Forename!, page);

        foreach (var area in AuditAreas.All)
        {
            Assert.Contains($"<section data-area=\"{area.Id}\"", page);
        }

        var rows = FindingRow().Matches(page).Select(m => (Key: WebUtility.HtmlDecode(m.Groups[1].Value), Status: m.Groups[2].Value, At: m.Index)).ToList();
        Assert.Equal(findings.Count, rows.Count);
        var text = WebUtility.HtmlDecode(page);
        var sections = Regex.Matches(page, "<section data-area=\"([^\"]+)\"").Select(m => (Area: m.Groups[1].Value, At: m.Index)).ToList();
        foreach (var f in findings)
        {
            var row = Assert.Single(rows, r => r.Key == f.ObligationKey);
            Assert.Equal(f.Status, row.Status);
            Assert.Equal(AuditAreas.Of(f.RuleId).Id, sections.Last(s => s.At < row.At).Area);
            Assert.Contains(f.Detail, text);
        }

        var overdue = findings.First(f => f.Status == "overdue" && f.DaysLate is not null);
        var overdueRow = page[rows.Single(r => r.Key == overdue.ObligationKey).At..];
        overdueRow = overdueRow[..overdueRow.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains($"<td class=\"date\">{Svg.Date(overdue.DueDate)}</td>", overdueRow);
        Assert.Contains(overdue.DaysLate!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), overdueRow);
        foreach (var evidence in overdue.Evidence.Split(';'))
        {
            Assert.Contains($"<code>{evidence}</code>", overdueRow);
        }

        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\"", page);
        var breaches = findings.Count(f => f.Status is "late" or "overdue" or "missing-data");
        Assert.Contains($"{breaches} breaches marked", page);
        Assert.Contains("id=\"evidence-download\"", page);
    }

    [Fact]
    public async Task ChildId_IsTakenExactlyFromTheAddress()
    {
        using var auditor = await host.SignedInAsync("auditor");
        // Unencoded colon works too; a different case is a different id.
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/children/standard:C008")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync("/children/STANDARD%3Ac008")).StatusCode);
    }

    [Fact]
    public async Task Stylesheet_HasAPrintLayout()
    {
        using var client = host.Client();
        var response = await client.GetAsync("/site.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("@media print", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EvidenceDocument_HasAHeadingPerAreaAndARowPerFinding()
    {
        using var auditor = await host.SignedInAsync("auditor");
        var response = await auditor.GetAsync(WebClient.ChildPath(Child) + "/evidence.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        var findings = await host.Store.FindingsAsync(host.Scan.ScanId, new FindingQuery(ChildId: Child));

        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal([.. AuditAreas.All.Select(a => a.Title), "Recorded audits"], headings);
        Assert.NotNull(document.MainDocumentPart.StyleDefinitionsPart?.Styles?.Elements<Style>().SingleOrDefault(s => s.StyleId == "Heading1"));

        var rows = body.Elements<Table>().Take(AuditAreas.All.Count).SelectMany(t => t.Elements<TableRow>().Skip(1)).ToList();
        Assert.Equal(findings.Count, rows.Count);
        foreach (var f in findings)
        {
            Assert.Contains(rows, r => r.Elements<TableCell>().Select(c => c.InnerText).ToList() is var cells &&
                cells[0] == f.RuleId && cells[1] == f.Status && cells[3] == Svg.Date(f.DueDate) && cells[7].StartsWith(f.Detail, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Audit_RecordedWithActions_IsShown_AndAnActionCanBeMarkedDone()
    {
        const string child = "standard:C014";
        using var auditor = await host.SignedInAsync("auditor");
        var page = await auditor.GetPageAsync(WebClient.ChildPath(child));
        var action = WebClient.Action(page, "record-audit");
        var token = WebClient.Token(page, "record-audit");
        var what = $"Record why the child was not seen alone ({Guid.NewGuid():N})";

        var missing = await auditor.PostAsync(action, token, ("date", "2026-11-18"), ("grade", "good"),
            ("action", what), ("owner", ""), ("due", "2026-12-04"), ("action", ""), ("owner", ""), ("due", ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("Action 1:", await missing.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await host.Store.AuditsAsync(child), a => a.Actions.Any(x => x.Action == what));

        var saved = await auditor.PostAsync(action, token, ("date", "2026-11-18"), ("grade", "good"),
            ("action", what), ("owner", "W13"), ("due", "2026-12-04"), ("action", ""), ("owner", ""), ("due", ""));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var audit = Assert.Single(await host.Store.AuditsAsync(child), a => a.Actions.Any(x => x.Action == what));
        Assert.Equal("good", audit.Grade);
        Assert.Equal("auditor", audit.RecordedBy);
        var recorded = Assert.Single(audit.Actions);
        Assert.Equal("W13", recorded.Owner);
        Assert.Null(recorded.DoneOn);

        page = await auditor.GetPageAsync(WebClient.ChildPath(child));
        Assert.Contains($"cc-audit-{audit.Id}", page);
        Assert.Contains(what, page);
        var doneForm = $"action-done-{recorded.Id}";
        var done = await auditor.PostAsync(WebClient.Action(page, doneForm), WebClient.Token(page, doneForm), ("actionId", recorded.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = Assert.Single((await host.Store.AuditsAsync(child)).Single(a => a.Id == audit.Id).Actions);
        Assert.NotNull(after.DoneOn);
        Assert.DoesNotContain($"id=\"{doneForm}\"", await auditor.GetPageAsync(WebClient.ChildPath(child)));

        // An action of another child cannot be marked done through this child's page.
        var otherPage = await auditor.GetPageAsync(WebClient.ChildPath("standard:C013"));
        var wrong = await auditor.PostAsync(WebClient.ChildPath("standard:C013") + "?handler=ActionDone", WebClient.Token(otherPage),
            ("actionId", recorded.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    [GeneratedRegex("<tr id=\"finding-\\d+\" data-obligation=\"([^\"]+)\" data-status=\"([^\"]+)\">")]
    private static partial Regex FindingRow();
}
