using CaseCompliance.Storage;
using MimeKit;
using static CaseCompliance.Alerts.Tests.AlertScenario;

namespace CaseCompliance.Alerts.Tests;

/// <summary>Digests built from scans stored in a real SQLite store, delivered to a real SMTP server on loopback.</summary>
public class DigestDeliveryTests
{
    [Fact]
    public async Task Digests_OneMessagePerManager_WithEverySection()
    {
        await using var context = await MailTestContext.CreateAsync();
        var scan = await SeedAsync(context.Store);
        var options = Options(context.Port);

        var plan = await Planner(context.Store, context.Store, options).PlanAsync(scan.ScanId, PlannedAt);
        var delivered = await Delivery(context.Store, options).DeliverDueAsync(PlannedAt);

        Assert.Equal(2, plan.Enqueued);
        Assert.Equal(new DeliveryResult(2, 0, 0, 0), delivered);
        var received = context.Received();
        Assert.Equal([AlphaManager, BetaManager], received.Select(To).Order(StringComparer.OrdinalIgnoreCase));
        Assert.DoesNotContain(received, m => To(m) == GammaManager); // the route replaces Gamma's own manager
        Assert.All(received, m => Assert.Equal("casecompliance@council.example", m.From.Mailboxes.Single().Address));

        // Alpha's manager: Team Alpha and, by the route, Team Gamma, in one message.
        var alpha = received.Single(m => To(m) == AlphaManager);
        Assert.Equal("CaseCompliance: Team Alpha and Team Gamma - 4 new, 1 due soon, 1 still overdue, 1 resolved (as of 2026-11-20)", alpha.Subject);
        var alphaText = alpha.TextBody;
        Assert.Contains(CoreGroupOverdue, Section(alphaText, "Team Alpha", "Newly breached since the last scan (3)"), StringComparison.Ordinal);
        Assert.Contains(KeyInfoMissing, Section(alphaText, "Team Alpha", "Newly breached since the last scan (3)"), StringComparison.Ordinal);
        Assert.Contains(ConferenceOverdue, Section(alphaText, "Team Alpha", "Newly breached since the last scan (3)"), StringComparison.Ordinal);
        Assert.Contains(CpVisitDueSoon, Section(alphaText, "Team Alpha", "Due soon (1)"), StringComparison.Ordinal);
        Assert.Contains(CpVisitsOverdue, Section(alphaText, "Team Alpha", "Still overdue (1)"), StringComparison.Ordinal);
        var resolved = Section(alphaText, "Team Alpha", "Resolved since the last scan (1)");
        Assert.Contains("standard:C003 P.A. | supervision | late | due 2026-11-05", resolved, StringComparison.Ordinal);
        Assert.Contains("Was overdue at the last scan; now late.", resolved, StringComparison.Ordinal);
        var chronic = Section(alphaText, "Team Alpha", "Chronic drift (1)");
        Assert.Contains("standard:C001 Z.Q. | cp-review-conference, cp-visits, key-information | 3 breaches", chronic, StringComparison.Ordinal);
        Assert.Contains(RecordingOverdue, Section(alphaText, "Team Gamma", "Newly breached since the last scan (1)"), StringComparison.Ordinal);
        Assert.Contains("- standard:C004 M.F. | core-group | overdue | due 2026-11-18 | 2 days late | worker W1", alphaText, StringComparison.Ordinal);

        var alphaHtml = alpha.HtmlBody;
        foreach (var detail in new[] { CoreGroupOverdue, ConferenceOverdue, CpVisitDueSoon, CpVisitsOverdue, RecordingOverdue })
        {
            Assert.Contains(detail, alphaHtml, StringComparison.Ordinal);
        }

        Assert.Contains("Key information missing: GP &amp; school not recorded &lt;since 2026-11-20&gt;.", alphaHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<since", alphaHtml, StringComparison.Ordinal);
        foreach (var title in new[] { "Newly breached since the last scan (3)", "Due soon (1)", "Still overdue (1)", "Resolved since the last scan (1)", "Chronic drift (1)" })
        {
            Assert.Contains(">" + title + "</h3>", alphaHtml, StringComparison.Ordinal);
        }

        // Beta's manager: due soon counts pending within 5 working days, not the one a month away; the failed
        // source's overdue row is shown as still overdue, flagged stale.
        var beta = received.Single(m => To(m) == BetaManager);
        var betaText = beta.TextBody;
        Assert.Contains(AssessmentOverdue, Section(betaText, "Team Beta", "Newly breached since the last scan (1)"), StringComparison.Ordinal);
        var dueSoon = Section(betaText, "Team Beta", "Due soon (2)");
        Assert.Contains(CinVisitDueSoon, dueSoon, StringComparison.Ordinal);
        Assert.Contains(LacVisitPending, dueSoon, StringComparison.Ordinal);
        Assert.DoesNotContain(CinReviewPending, betaText, StringComparison.Ordinal);
        var overdue = Section(betaText, "Team Beta", "Still overdue (2)");
        Assert.Contains(LacReviewOverdue, overdue, StringComparison.Ordinal);
        Assert.Contains(MosaicOverdue + "\n  stale: last good data from 2026-11-19", overdue, StringComparison.Ordinal);
        Assert.Contains("stale: last good data from 2026-11-19", beta.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Team Alpha", betaText, StringComparison.Ordinal);

        // Initials, never names, by default.
        foreach (var message in received)
        {
            foreach (var body in new[] { message.TextBody, message.HtmlBody, message.Subject })
            {
                foreach (var (_, forename, surname, _) in Names)
                {
                    Assert.DoesNotContain(forename, body, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain(surname, body, StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        Assert.Contains("Z.Q.", alphaText, StringComparison.Ordinal);
        Assert.Contains("Z.Q.", alphaHtml, StringComparison.Ordinal);
        Assert.Contains("O.B.", betaText, StringComparison.Ordinal);
        Assert.All(await context.Store.MessagesAsync(scan.ScanId), m => Assert.Equal(OutboxStates.Sent, m.State));
    }

    [Fact]
    public async Task Digests_IncludeNames_ShowsNames()
    {
        await using var context = await MailTestContext.CreateAsync();
        var scan = await SeedAsync(context.Store);
        var options = Options(context.Port, o => o.IncludeNames = true);

        await Planner(context.Store, context.Store, options).PlanAsync(scan.ScanId, PlannedAt);
        await Delivery(context.Store, options).DeliverDueAsync(PlannedAt);

        var alpha = context.Received().Single(m => To(m) == AlphaManager);
        Assert.Contains("standard:C001 Zephyrine Quillfeather |", alpha.TextBody, StringComparison.Ordinal);
        Assert.Contains("Isadora Thistlewood", alpha.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digests_MaxItemsPerSection_CapsWithAndMore()
    {
        await using var context = await MailTestContext.CreateAsync();
        var scan = await SeedAsync(context.Store);
        var options = Options(context.Port, o => o.MaxItemsPerSection = 1);

        await Planner(context.Store, context.Store, options).PlanAsync(scan.ScanId, PlannedAt);
        await Delivery(context.Store, options).DeliverDueAsync(PlannedAt);

        var alpha = context.Received().Single(m => To(m) == AlphaManager);
        var section = Section(alpha.TextBody, "Team Alpha", "Newly breached since the last scan (3)");
        Assert.Single(section.Split('\n'), l => l.StartsWith("- ", StringComparison.Ordinal));
        Assert.Contains("and 2 more", section, StringComparison.Ordinal);
        Assert.Contains("<p>and 2 more</p>", alpha.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingChanged_NothingSent_UnlessSendWhenUnchanged()
    {
        await using var context = await MailTestContext.CreateAsync();
        await SeedAsync(context.Store);
        var unchanged = await SaveUnchangedAsync(context.Store, "2026-11-23");
        var at = PlannedAt + NodaTime.Duration.FromDays(3);
        var options = Options(context.Port);

        var plan = await Planner(context.Store, context.Store, options).PlanAsync(unchanged.ScanId, at);
        var delivered = await Delivery(context.Store, options).DeliverDueAsync(at);

        Assert.Equal(0, unchanged.New);
        Assert.Equal(0, unchanged.Resolved);
        Assert.Equal(0, plan.Enqueued);
        Assert.Equal(2, plan.Unchanged);
        Assert.Equal(0, delivered.Sent);
        Assert.Empty(context.Received());

        var always = Options(context.Port, o => o.SendWhenUnchanged = true);
        var again = await Planner(context.Store, context.Store, always).PlanAsync(unchanged.ScanId, at);
        var sent = await Delivery(context.Store, always).DeliverDueAsync(at);

        Assert.Equal(2, again.Enqueued);
        Assert.Equal(2, sent.Sent);
        var alpha = context.Received().Single(m => To(m) == AlphaManager);
        Assert.StartsWith("CaseCompliance: Team Alpha and Team Gamma - 0 new, 1 due soon, 5 still overdue (as of 2026-11-23)", alpha.Subject, StringComparison.Ordinal);
        Assert.Equal(2, context.Received().Count);
    }

    [Fact]
    public async Task OneResolvedItem_IsAChange_ForThatTeamOnly()
    {
        await using var context = await MailTestContext.CreateAsync();
        await SeedAsync(context.Store);
        var scan = await SaveOneResolvedAsync(context.Store, "2026-11-23");
        var options = Options(context.Port);

        var plan = await Planner(context.Store, context.Store, options).PlanAsync(scan.ScanId, PlannedAt);
        await Delivery(context.Store, options).DeliverDueAsync(PlannedAt);

        Assert.Equal(1, plan.Enqueued);
        var alpha = Assert.Single(context.Received());
        Assert.Equal(AlphaManager, To(alpha));
        Assert.Contains("Was overdue at the last scan; now late.", Section(alpha.TextBody, "Team Alpha", "Resolved since the last scan (1)"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Planner_IsIdempotent()
    {
        await using var context = await MailTestContext.CreateAsync();
        var scan = await SeedAsync(context.Store);
        var options = Options(context.Port);
        var planner = Planner(context.Store, context.Store, options);

        var first = await planner.PlanAsync(scan.ScanId, PlannedAt);
        var second = await planner.PlanAsync(scan.ScanId, PlannedAt + NodaTime.Duration.FromMinutes(5));
        var sent = await Delivery(context.Store, options).DeliverDueAsync(PlannedAt);

        // After delivery, planning again (a restarted service) still adds and sends nothing.
        var third = await Planner(context.Database.OpenAnother(), context.Store, options).PlanAsync(scan.ScanId, PlannedAt + NodaTime.Duration.FromHours(1));
        var again = await Delivery(context.Store, options).DeliverDueAsync(PlannedAt + NodaTime.Duration.FromHours(1));

        Assert.Equal((2, 2), (first.Planned, first.Enqueued));
        Assert.Equal((2, 0), (second.Planned, second.Enqueued));
        Assert.Equal(0, third.Enqueued);
        Assert.Equal(2, (await context.Store.MessagesAsync(scan.ScanId)).Count);
        Assert.Equal(2, sent.Sent);
        Assert.Equal(0, again.Sent);
        Assert.Equal(2, context.Received().Count);
    }

    [Fact]
    public async Task Planner_SendsNothing_WhenNoChannelIsConfigured_OrDisabled()
    {
        await using var context = await MailTestContext.CreateAsync(startServer: false);
        var scan = await SeedAsync(context.Store);

        var none = await Planner(context.Store, context.Store, Options(context.Port, o => o.Smtp.Host = null)).PlanAsync(scan.ScanId, PlannedAt);
        var off = await Planner(context.Store, context.Store, Options(context.Port, o => o.Enabled = false)).PlanAsync(scan.ScanId, PlannedAt);

        Assert.False(none.Active);
        Assert.False(off.Active);
        Assert.Empty(await context.Store.MessagesAsync(scan.ScanId));
    }

    [Fact]
    public async Task Routing_TeamWithoutManagerAddress_GoesToFallback_OrIsReported()
    {
        await using var context = await MailTestContext.CreateAsync();
        var scan = await SeedAsync(context.Store);

        // No pattern: Beta's manager has no address.
        var noFallback = Options(context.Port, o => o.Routing.EmailPattern = null);
        var reported = await Planner(context.Store, context.Store, noFallback).PlanAsync(scan.ScanId, PlannedAt);
        Assert.Equal(1, reported.Enqueued);
        Assert.Contains(reported.Warnings, w => w.Contains("standard:M2", StringComparison.Ordinal) && w.Contains("Team Beta", StringComparison.Ordinal));

        var fallback = Options(context.Port, o => { o.Routing.EmailPattern = null; o.Routing.Fallback = ["performance@council.example"]; });
        var routed = await Planner(context.Store, context.Store, fallback).PlanAsync(scan.ScanId, PlannedAt);
        await Delivery(context.Store, fallback).DeliverDueAsync(PlannedAt);

        Assert.Equal(1, routed.Enqueued);
        var performance = context.Received().Single(m => To(m) == "performance@council.example");
        Assert.StartsWith("CaseCompliance: Team Beta - 1 new", performance.Subject, StringComparison.Ordinal);
    }

    internal static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    /// <summary>The lines of one section of one team's part of a plain-text digest.</summary>
    internal static string Section(string? text, string team, string title)
    {
        Assert.NotNull(text);
        var start = text.IndexOf($"== {team} ==\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no part for {team} in:\n{text}");
        var end = text.IndexOf("\n== ", start + 1, StringComparison.Ordinal);
        var part = end < 0 ? text[start..] : text[start..end];
        var at = part.IndexOf("\n" + title + "\n", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no section '{title}' for {team} in:\n{part}");
        var next = part.IndexOf("\n\n", at + 1, StringComparison.Ordinal);
        return next < 0 ? part[at..] : part[at..next];
    }
}
