using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CaseCompliance.Storage;

namespace CaseCompliance.Host.Tests.Web;

/// <summary>The sample scanned a week apart (2026-11-13, then 2026-11-20): a trend of two points and a comparison.</summary>
public sealed class TwoScansHost() : WebHost(["2026-11-13", "2026-11-20"]);

/// <summary>The overview: share met on time per team and rule, the trend across scans, new/persisting/resolved.</summary>
public sealed partial class OverviewPageTests(TwoScansHost host) : IClassFixture<TwoScansHost>
{
    [Fact]
    public async Task Overview_ShowsTheShareMetOnTimePerTeam_FromTheLatestScan()
    {
        using var auditor = await host.SignedInAsync("auditor");
        var page = await auditor.GetPageAsync("/");
        var findings = await host.Store.FindingsAsync(host.Scan.ScanId, new FindingQuery());
        Assert.Equal(new NodaTime.LocalDate(2026, 11, 20), host.Scan.AsOf);

        var rows = TeamRow().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value),
            m => (Met: Int(m.Groups[2]), Late: Int(m.Groups[3]), Overdue: Int(m.Groups[4]), Share: m.Groups[5].Value));
        foreach (var team in findings.Select(f => f.Team).OfType<string>().Distinct())
        {
            var of = findings.Where(f => f.Team == team).ToList();
            var (met, late, overdue) = (of.Count(f => f.Status == "met"), of.Count(f => f.Status == "late"), of.Count(f => f.Status == "overdue"));
            var row = rows[team];
            Assert.Equal((met, late, overdue), (row.Met, row.Late, row.Overdue));
            Assert.Equal(((double)met / (met + late + overdue)).ToString("0%", CultureInfo.InvariantCulture), row.Share);
        }

        Assert.Contains("id=\"rule-shares\"", page);
        Assert.Contains("href=\"/exceptions?team=Child%20Protection%20Team&amp;rule=cp-visits\"", page);
    }

    [Fact]
    public async Task Overview_DrawsTheTrendAcrossScans_AndCountsNewPersistingResolved()
    {
        using var auditor = await host.SignedInAsync("auditor");
        var page = await auditor.GetPageAsync("/");
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\"", page);
        Assert.Contains("All teams in view, 2026-11-13:", page);
        Assert.Contains("All teams in view, 2026-11-20:", page);
        Assert.Matches("<polyline [^>]*points=\"[0-9.]+,[0-9.]+ [0-9.]+,[0-9.]+\"", page);

        var scans = await host.Store.ScansAsync(2);
        var latest = scans[0];
        Assert.True(latest.Persisting > 0, "the sample's open breaches persist from one week to the next");
        Assert.Contains($"<dd id=\"count-new\">{latest.New}</dd>", page);
        Assert.Contains($"<dd id=\"count-persisting\">{latest.Persisting}</dd>", page);
        Assert.Contains($"<dd id=\"count-resolved\">{latest.Resolved}</dd>", page);
    }

    [Fact]
    public async Task Manager_SeesOnlyTheirTeamsFigures()
    {
        using var manager = await host.SignedInAsync("cp-manager");
        var page = await manager.GetPageAsync("/");
        var teams = TeamRow().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(t => t != "All").ToList();
        Assert.Equal(["Child Protection Team"], teams);
        Assert.DoesNotContain("Child in Need Team", page);

        var latest = host.Scan;
        var persisting = (await host.Store.FindingsAsync(latest.ScanId, new FindingQuery(Team: "Child Protection Team", ExceptionsOnly: true)))
            .Count(f => f.Change == BreachChange.Persisting);
        Assert.Contains($"<dd id=\"count-persisting\">{persisting}</dd>", page);
    }

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("<tr><th scope=\"row\">([^<]+)</th><td class=\"num\">(\\d+)</td><td class=\"num\">(\\d+)</td><td class=\"num\">(\\d+)</td><td class=\"num\">([^<]+)</td></tr>")]
    private static partial Regex TeamRow();
}
