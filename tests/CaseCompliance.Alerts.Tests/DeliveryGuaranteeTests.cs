using System.Net;
using System.Text.Json;
using CaseCompliance.Alerts.Channels;
using CaseCompliance.Storage;
using NodaTime;
using static CaseCompliance.Alerts.Tests.AlertScenario;
using static CaseCompliance.Alerts.Tests.DigestDeliveryTests;

namespace CaseCompliance.Alerts.Tests;

/// <summary>Crashes, a server that is down, retries and the webhook, against real servers on loopback.</summary>
public class DeliveryGuaranteeTests
{
    [Fact]
    public async Task RestartBetweenSendingAndRecording_MessageIsInDoubt_AndNeverSentTwice()
    {
        await using var context = await MailTestContext.CreateAsync();
        var scan = await SeedAsync(context.Store);
        var options = Options(context.Port);
        await Planner(context.Store, context.Store, options).PlanAsync(scan.ScanId, PlannedAt);

        // The first process sends one message through the real server, then dies before recording it.
        var dying = Delivery(context.Store, options, "host-a:101", new DiesAfterSending(new SmtpChannel(options.Smtp)));
        await Assert.ThrowsAsync<ProcessDiedException>(() => dying.DeliverDueAsync(PlannedAt));

        var afterCrash = await context.Store.MessagesAsync(scan.ScanId);
        var crashed = Assert.Single(afterCrash, m => m.State == OutboxStates.Sending);
        var onServer = Assert.Single(context.Received());
        Assert.Equal(crashed.Recipient, To(onServer));
        Assert.Equal(SmtpChannel.MessageId(crashed, "council.example"), onServer.MessageId);

        // A new process, with its own store on the same SQLite file. Within the lease the claim is left alone and the
        // other message goes; after the lease the claim becomes in-doubt, and nothing is sent again.
        var restartedStore = context.Database.OpenAnother();
        var restarted = Delivery(restartedStore, options, "host-b:202");
        var withinLease = await restarted.DeliverDueAsync(PlannedAt + Duration.FromMinutes(2));
        var afterLease = await restarted.DeliverDueAsync(PlannedAt + Duration.FromMinutes(11));
        var later = await restarted.DeliverDueAsync(PlannedAt + Duration.FromDays(1));

        Assert.Equal(new DeliveryResult(1, 0, 0, 0), withinLease);
        Assert.Equal(new DeliveryResult(0, 0, 0, 1), afterLease);
        Assert.Equal(new DeliveryResult(0, 0, 0, 0), later);
        var states = (await restartedStore.MessagesAsync(scan.ScanId)).ToDictionary(m => m.Recipient, m => m.State);
        Assert.Equal(OutboxStates.InDoubt, states[crashed.Recipient]);
        Assert.Equal(OutboxStates.Sent, states.Single(s => s.Key != crashed.Recipient).Value);
        var received = context.Received();
        Assert.Equal(2, received.Count);
        Assert.Single(received, m => m.MessageId == onServer.MessageId);
        Assert.Single(received, m => To(m) == crashed.Recipient);
    }

    [Fact]
    public async Task ServerDown_FailsAndRetriesAfterBackOff_DeliveredOnce()
    {
        await using var context = await MailTestContext.CreateAsync(startServer: false);
        var scan = await SeedAsync(context.Store);
        var options = Options(context.Port);
        await Planner(context.Store, context.Store, options).PlanAsync(scan.ScanId, PlannedAt);
        var delivery = Delivery(context.Store, options);

        var down = await delivery.DeliverDueAsync(PlannedAt);
        var failed = await context.Store.MessagesAsync(scan.ScanId);
        var tooEarly = await delivery.DeliverDueAsync(PlannedAt + Duration.FromSeconds(29));
        context.StartServer();
        var stillTooEarly = await delivery.DeliverDueAsync(PlannedAt + Duration.FromSeconds(29));
        var retried = await delivery.DeliverDueAsync(PlannedAt + Duration.FromSeconds(31));
        var after = await delivery.DeliverDueAsync(PlannedAt + Duration.FromHours(2));

        Assert.Equal(new DeliveryResult(0, 2, 0, 0), down);
        Assert.All(failed, m =>
        {
            Assert.Equal(OutboxStates.Failed, m.State);
            Assert.Equal(1, m.Attempts);
            Assert.StartsWith("smtp: ", m.LastError, StringComparison.Ordinal);
        });
        Assert.Equal(new DeliveryResult(0, 0, 0, 0), tooEarly);
        Assert.Equal(new DeliveryResult(0, 0, 0, 0), stillTooEarly);
        Assert.Equal(new DeliveryResult(2, 0, 0, 0), retried);
        Assert.Equal(new DeliveryResult(0, 0, 0, 0), after);
        Assert.All(await context.Store.MessagesAsync(scan.ScanId), m => Assert.Equal((OutboxStates.Sent, 2), (m.State, m.Attempts)));
        var received = context.Received();
        Assert.Equal([AlphaManager, BetaManager], received.Select(To).Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ServerDown_BacksOffExponentially_ThenDead()
    {
        await using var context = await MailTestContext.CreateAsync(startServer: false);
        var scan = await SeedAsync(context.Store);
        var options = Options(context.Port, o => o.Retry = new RetryOptions { MaxAttempts = 3, FirstDelay = TimeSpan.FromSeconds(30) });
        await Planner(context.Store, context.Store, options).PlanAsync(scan.ScanId, PlannedAt);
        var delivery = Delivery(context.Store, options);

        var first = await delivery.DeliverDueAsync(PlannedAt);
        var second = await delivery.DeliverDueAsync(PlannedAt + Duration.FromSeconds(30));         // 30 s after the first
        var notYet = await delivery.DeliverDueAsync(PlannedAt + Duration.FromSeconds(30 + 59));    // the second wait is 60 s
        var third = await delivery.DeliverDueAsync(PlannedAt + Duration.FromSeconds(30 + 60));
        context.StartServer();
        var afterDead = await delivery.DeliverDueAsync(PlannedAt + Duration.FromDays(1));

        Assert.Equal(new DeliveryResult(0, 2, 0, 0), first);
        Assert.Equal(new DeliveryResult(0, 2, 0, 0), second);
        Assert.Equal(new DeliveryResult(0, 0, 0, 0), notYet);
        Assert.Equal(new DeliveryResult(0, 0, 2, 0), third);
        Assert.Equal(new DeliveryResult(0, 0, 0, 0), afterDead);
        Assert.All(await context.Store.MessagesAsync(scan.ScanId), m => Assert.Equal((OutboxStates.Dead, 3), (m.State, m.Attempts)));
        Assert.Empty(context.Received());
    }

    [Fact]
    public async Task Webhook_OnePostPerTeam_WithText_AndAFailureIsRetried()
    {
        await using var context = await MailTestContext.CreateAsync(startServer: false);
        using var receiver = new WebhookReceiver();
        var scan = await SeedAsync(context.Store);
        var options = Options(context.Port, o =>
        {
            o.Smtp.Host = null;
            o.Webhook.Url = receiver.Url("hook/T000/SECRET-TOKEN");
        });
        await Planner(context.Store, context.Store, options).PlanAsync(scan.ScanId, PlannedAt);
        var queued = await context.Store.MessagesAsync(scan.ScanId);

        receiver.Status = HttpStatusCode.InternalServerError;
        var refused = await Delivery(context.Store, options).DeliverDueAsync(PlannedAt);
        var afterRefusal = await context.Store.MessagesAsync(scan.ScanId);
        receiver.Status = HttpStatusCode.OK;
        var delivered = await Delivery(context.Store, options).DeliverDueAsync(PlannedAt + Duration.FromMinutes(1));

        Assert.Equal(["team:Team Alpha", "team:Team Beta", "team:Team Gamma"], queued.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.All(queued, m => Assert.Equal(WebhookChannel.ChannelName, m.Channel));
        Assert.Equal(new DeliveryResult(0, 3, 0, 0), refused);
        Assert.All(afterRefusal, m =>
        {
            Assert.StartsWith("webhook: answered 500", m.LastError, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", m.LastError, StringComparison.Ordinal);
        });
        Assert.Equal(new DeliveryResult(3, 0, 0, 0), delivered);

        var posts = receiver.Received.Skip(3).ToList();
        Assert.Equal(3, posts.Count);
        Assert.All(posts, p =>
        {
            Assert.StartsWith("application/json", p.ContentType, StringComparison.Ordinal);
            Assert.Equal("/hook/T000/SECRET-TOKEN", p.Path);
        });
        var texts = posts.Select(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("text").GetString()!).ToList();
        var alpha = Assert.Single(texts, t => t.StartsWith("CaseCompliance: Team Alpha - 3 new", StringComparison.Ordinal));
        Assert.Contains(CoreGroupOverdue, alpha, StringComparison.Ordinal);
        Assert.Contains("GP &amp; school not recorded &lt;since 2026-11-20&gt;", alpha, StringComparison.Ordinal); // Slack's escaping
        Assert.Contains(texts, t => t.StartsWith("CaseCompliance: Team Gamma - 1 new", StringComparison.Ordinal) && t.Contains(RecordingOverdue, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("CaseCompliance: Team Beta - 1 new", StringComparison.Ordinal) && t.Contains(AssessmentOverdue, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("Zephyrine", StringComparison.Ordinal));
    }
}
