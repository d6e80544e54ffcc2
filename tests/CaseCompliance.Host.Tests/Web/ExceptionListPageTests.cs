using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CaseCompliance.Scanning.Output;

namespace CaseCompliance.Host.Tests.Web;

/// <summary>The exception list page: filters, sorting, new/persisting, and downloads of the view as CSV and XLSX.</summary>
[Collection(WebCollection.Name)]
public sealed class ExceptionListPageTests(WebHost host)
{
    [Fact]
    public async Task Filters_LimitTheRows_AndTheCsvDownloadIsTheSameView()
    {
        using var auditor = await host.SignedInAsync("auditor");
        var page = await auditor.GetPageAsync("/exceptions");
        Assert.Contains("<form method=\"get\" id=\"filters\"", page);
        foreach (var field in new[] { "filter-team", "filter-worker", "filter-rule", "filter-status", "filter-min-days", "filter-sort" })
        {
            Assert.Matches($"<label for=\"{field}\">", page);
        }

        var overdue = await WebSecurityTests.CsvRowsAsync(auditor, "/exceptions?status=overdue&format=csv");
        Assert.NotEmpty(overdue);
        Assert.All(overdue, r => Assert.Equal("overdue", r["status"]));

        var team = await WebSecurityTests.CsvRowsAsync(auditor, "/exceptions?team=Early%20Help%20South&rule=eh-taf-review&format=csv");
        Assert.NotEmpty(team);
        Assert.All(team, r => Assert.Equal(("Early Help South", "eh-taf-review"), (r["team"], r["rule_id"])));

        var aged = await WebSecurityTests.CsvRowsAsync(auditor, "/exceptions?minDays=20&format=csv");
        Assert.NotEmpty(aged);
        Assert.All(aged, r => Assert.True(int.Parse(r["days_late"], CultureInfo.InvariantCulture) >= 20));
        var all = await WebSecurityTests.CsvRowsAsync(auditor, "/exceptions?format=csv");
        Assert.Equal(all.Count(r => r["days_late"].Length > 0 && int.Parse(r["days_late"], CultureInfo.InvariantCulture) >= 20), aged.Count);

        var worker = await WebSecurityTests.CsvRowsAsync(auditor, "/exceptions?worker=W18&format=csv");
        Assert.Equal(all.Count(r => r["worker_id"] == "W18"), worker.Count);

        // The page shows the same rows as its CSV.
        var filtered = await auditor.GetPageAsync("/exceptions?status=overdue");
        Assert.Equal(overdue.Count, Regex.Matches(filtered, "<tr data-child=").Count);
        Assert.Contains("<option value=\"overdue\" selected=\"selected\">", filtered);
    }

    [Fact]
    public async Task Sorting_ByAnyColumn_InBothDirections()
    {
        using var auditor = await host.SignedInAsync("auditor");
        var byDays = await WebSecurityTests.CsvRowsAsync(auditor, "/exceptions?sort=days&dir=desc&format=csv");
        var days = byDays.Select(r => r["days_late"].Length == 0 ? -1 : int.Parse(r["days_late"], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(days.OrderDescending(), days);
        Assert.True(days[0] > days[^1]);

        var byChild = await WebSecurityTests.CsvRowsAsync(auditor, "/exceptions?sort=child&format=csv");
        Assert.Equal(byChild.Select(r => r["child_id"]).Order(StringComparer.Ordinal), byChild.Select(r => r["child_id"]));
        var byRuleDesc = await WebSecurityTests.CsvRowsAsync(auditor, "/exceptions?sort=rule&dir=desc&format=csv");
        Assert.Equal(byRuleDesc.Select(r => r["rule_id"]).OrderDescending(StringComparer.Ordinal), byRuleDesc.Select(r => r["rule_id"]));

        var page = await auditor.GetPageAsync("/exceptions?sort=due");
        Assert.Contains("aria-sort=\"ascending\"", page);
        // The heading link of the sorted column turns the order round.
        Assert.Contains("href=\"/exceptions?sort=due&amp;dir=desc\"", page);
    }

    [Fact]
    public async Task Rows_ShowNewOrPersisting_AndLinkToTheChild()
    {
        using var manager = await host.SignedInAsync("cp-manager");
        var page = await manager.GetPageAsync("/exceptions");
        // The only scan: every listed breach is new.
        Assert.Contains("<span class=\"change\">new</span>", page);
        Assert.Contains("href=\"/children/standard%3AC010\"", page);
    }

    [Fact]
    public async Task XlsxDownload_IsTheExceptionsWorkbookOfTheView()
    {
        using var manager = await host.SignedInAsync("cp-manager");
        var response = await manager.GetAsync("/exceptions?format=xlsx&sort=days&dir=desc");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("exceptions-2026-11-20.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var csv = await WebSecurityTests.CsvRowsAsync(manager, "/exceptions?format=csv&sort=days&dir=desc");

        using var folder = new TempFolder();
        var path = folder.File("view.xlsx");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        using var workbook = new XlsxFile(path);
        Assert.Equal(["Summary", "Child Protection Team"], workbook.SheetNames);
        var sheet = workbook.Sheet("Child Protection Team");
        var header = sheet.Values(0, FindingRows.Header.Length + 1);
        Assert.Equal([.. FindingRows.Header, "change"], header);
        Assert.Equal(csv.Count, sheet.Rows.Count - 1);
        for (var i = 0; i < csv.Count; i++)
        {
            var row = sheet.Values(i + 1, FindingRows.Header.Length + 1);
            Assert.Equal(csv[i]["child_id"], row[2]);
            Assert.Equal(csv[i]["rule_id"], row[0]);
            Assert.Equal("new", row[^1]);
        }
    }

    [Fact]
    public async Task UnknownFormat_IsABadRequest()
    {
        using var auditor = await host.SignedInAsync("auditor");
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/exceptions?format=pdf")).StatusCode);
    }
}
