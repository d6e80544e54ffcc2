using CaseCompliance.Alerts.Digests;
using CaseCompliance.Storage;
using NodaTime;

namespace CaseCompliance.Alerts.Tests;

public class DigestRendererTests
{
    private static readonly StoredScan Scan = new(Guid.Parse("6f1c2a9e-0000-4000-8000-000000000001"), new LocalDate(2026, 11, 20),
        Instant.FromUtc(2026, 11, 20, 1, 0), Instant.FromUtc(2026, 11, 20, 1, 5), null, 10, 1, 0, 0, []);

    private static DigestItem Item(string child, string detail, bool stale = false, LocalDate? from = null) =>
        new(child, "J.S.", "cp-visits", "overdue", new LocalDate(2026, 11, 10), 10, "W01", detail, stale, from);

    private static TeamDigest Team(string name, params DigestSection[] sections) => new(name,
        [.. Enum.GetValues<DigestSectionKind>().Select(k => sections.FirstOrDefault(s => s.Kind == k) ?? new DigestSection(k, [], 0))]);

    [Fact]
    public void Html_EscapesEveryValueFromTheData()
    {
        var team = Team("Team <b>A</b> & Co", new DigestSection(DigestSectionKind.New,
            [Item("standard:C<1>", "Visit \"due\" <script>alert(1)</script> & more.")], 0));

        var html = DigestRenderer.Html("subject <x>", Scan, [team], team.Counts);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>A</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more.", html, StringComparison.Ordinal);
        Assert.Contains("Team &lt;b&gt;A&lt;/b&gt; &amp; Co", html, StringComparison.Ordinal);
        Assert.Contains("standard:C&lt;1&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<title>subject &lt;x&gt;</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_HasNoExternalResources()
    {
        var team = Team("Team A", new DigestSection(DigestSectionKind.New, [Item("standard:C001", "Detail.")], 0));

        var html = DigestRenderer.Html("s", Scan, [team], team.Counts);

        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<table", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_ShowsCapAndStaleFlag()
    {
        var team = Team("Team A", new DigestSection(DigestSectionKind.Persisting,
            [Item("standard:C001", "CP visit due by 2026-11-10 was not made.", stale: true, from: new LocalDate(2026, 11, 18))], 7));

        var text = DigestRenderer.PlainText(Scan, [team], team.Counts);

        Assert.Contains("Still overdue (8)", text, StringComparison.Ordinal);
        Assert.Contains("- standard:C001 J.S. | cp-visits | overdue | due 2026-11-10 | 10 days late | worker W01", text, StringComparison.Ordinal);
        Assert.Contains("stale: last good data from 2026-11-18", text, StringComparison.Ordinal);
        Assert.Contains("and 7 more", text, StringComparison.Ordinal);
        Assert.Contains("Due soon (0)\n  none", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "Team A" }, "CaseCompliance: Team A - 3 new, 2 due soon (as of 2026-11-20)", 0, 0)]
    [InlineData(new[] { "Team A", "Team B" }, "CaseCompliance: Team A and Team B - 3 new, 2 due soon, 4 still overdue, 1 resolved (as of 2026-11-20)", 4, 1)]
    [InlineData(new[] { "A", "B", "C", "D" }, "CaseCompliance: A, B and 2 more teams - 3 new, 2 due soon (as of 2026-11-20)", 0, 0)]
    [InlineData(new[] { "Team\r\nBcc: x@y" }, "CaseCompliance: Team  Bcc: x@y - 3 new, 2 due soon (as of 2026-11-20)", 0, 0)]
    public void Subject_NamesTeamsAndCounts(string[] teams, string expected, int persisting, int resolved)
    {
        Assert.Equal(expected, DigestRenderer.Subject(teams, new DigestCounts(3, 2, persisting, resolved, 5), new LocalDate(2026, 11, 20)));
    }
}
