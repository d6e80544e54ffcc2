using System.Collections.Concurrent;
using NodaTime;

namespace CaseCompliance.Storage.Tests;

/// <summary>The alert outbox: enqueue once, claim once, sent / failed / retried / dead / in doubt; on each database.</summary>
public abstract class OutboxTests(StoreKind kind) : IAsyncLifetime
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 1, 7, 0);
    private static readonly Guid Scan = Guid.Parse("5c0a3b1e-0000-4000-8000-000000000001");

    private TestStore _db = null!;

    private IOutbox Outbox => _db.Store;

    public async Task InitializeAsync() => _db = await TestDatabases.CreateAsync(kind);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static OutboxMessage Message(string recipient, string channel = "email", Guid? scan = null, string subject = "Daily digest") =>
        new(0, scan ?? Scan, channel, recipient, subject, "Text body with ids only.", "<p>html</p>", 0, "", null);

    [Fact]
    public async Task Enqueue_SameScanChannelAndRecipientTwice_KeepsTheFirst()
    {
        Assert.Equal(3, await Outbox.EnqueueAsync([Message("team-t1@example.test"), Message("team-t2@example.test"), Message("team-t1@example.test", "teams")], T0));
        Assert.Equal(1, await Outbox.EnqueueAsync([Message("team-t1@example.test", subject: "Changed"), Message("team-t3@example.test")], T0));
        Assert.Equal(1, await Outbox.EnqueueAsync([Message("team-t1@example.test", scan: Guid.NewGuid())], T0));

        var all = await Outbox.MessagesAsync();
        Assert.Equal(5, all.Count);
        Assert.All(all, m => Assert.Equal((OutboxStates.Pending, 0), (m.State, m.Attempts)));
        Assert.Equal("Daily digest", all[0].Subject);
        Assert.Equal(4, (await Outbox.MessagesAsync(Scan)).Count);
        Assert.Equal(("email", "team-t1@example.test", "Text body with ids only.", "<p>html</p>"), (all[0].Channel, all[0].Recipient, all[0].TextBody, all[0].HtmlBody));
    }

    [Fact]
    public async Task Claim_Sent_Failed_Retry_Dead()
    {
        await Outbox.EnqueueAsync([Message("a@example.test"), Message("b@example.test"), Message("c@example.test")], T0);

        var a = (await Outbox.ClaimNextAsync(T0, "worker-1"))!;
        Assert.Equal(("a@example.test", OutboxStates.Sending, 1), (a.Recipient, a.State, a.Attempts));
        var claimant = await _db.QueryAsync($"SELECT claimant FROM cc_outbox WHERE id = {a.Id}", r => (string)r["claimant"]!);
        Assert.Equal(["worker-1"], claimant);
        await Outbox.MarkSentAsync(a.Id, T0 + Duration.FromSeconds(2));

        var b = (await Outbox.ClaimNextAsync(T0, "worker-1"))!;
        await Outbox.MarkFailedAsync(b.Id, "421 service not available", T0 + Duration.FromMinutes(5));
        var c = (await Outbox.ClaimNextAsync(T0, "worker-1"))!;
        Assert.Equal("c@example.test", c.Recipient);
        await Outbox.MarkFailedAsync(c.Id, "550 mailbox unavailable", retryAt: null);

        // Nothing due before b's retry time; c is dead and never comes back.
        Assert.Null(await Outbox.ClaimNextAsync(T0 + Duration.FromMinutes(4), "worker-1"));
        var retried = (await Outbox.ClaimNextAsync(T0 + Duration.FromMinutes(5), "worker-2"))!;
        Assert.Equal((b.Id, 2, "421 service not available"), (retried.Id, retried.Attempts, retried.LastError));
        await Outbox.MarkSentAsync(retried.Id, T0 + Duration.FromMinutes(6));
        Assert.Null(await Outbox.ClaimNextAsync(T0 + Duration.FromDays(30), "worker-1"));

        var states = (await Outbox.MessagesAsync()).ToDictionary(m => m.Recipient, m => (m.State, m.Attempts));
        Assert.Equal((OutboxStates.Sent, 1), states["a@example.test"]);
        Assert.Equal((OutboxStates.Sent, 2), states["b@example.test"]);
        Assert.Equal((OutboxStates.Dead, 1), states["c@example.test"]);

        // A late failure report does not undo a delivery.
        await Outbox.MarkFailedAsync(a.Id, "timeout", T0);
        Assert.Equal(OutboxStates.Sent, (await Outbox.MessagesAsync()).Single(m => m.Id == a.Id).State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Outbox.MarkSentAsync(987654, T0));
    }

    [Fact]
    public async Task ExpiredClaim_BecomesInDoubt_AndIsNeverSentAgain()
    {
        await Outbox.EnqueueAsync([Message("a@example.test"), Message("b@example.test")], T0);
        var a = (await Outbox.ClaimNextAsync(T0, "worker-1"))!;
        var lease = Duration.FromMinutes(10);

        Assert.Equal(0, await Outbox.ExpireClaimsAsync(T0 + lease - Duration.FromSeconds(1), lease));
        Assert.Equal(1, await Outbox.ExpireClaimsAsync(T0 + lease + Duration.FromSeconds(1), lease));
        Assert.Equal(OutboxStates.InDoubt, (await Outbox.MessagesAsync()).Single(m => m.Id == a.Id).State);

        var b = (await Outbox.ClaimNextAsync(T0 + Duration.FromHours(1), "worker-2"))!;
        Assert.Equal("b@example.test", b.Recipient);
        Assert.Null(await Outbox.ClaimNextAsync(T0 + Duration.FromDays(7), "worker-2"));
        Assert.Equal(1, await Outbox.ExpireClaimsAsync(T0 + Duration.FromDays(7), lease));
        Assert.Null(await Outbox.ClaimNextAsync(T0 + Duration.FromDays(8), "worker-3"));
        Assert.All(await Outbox.MessagesAsync(), m => Assert.Equal((OutboxStates.InDoubt, 1), (m.State, m.Attempts)));

        // The sender that held the lease finishes after all: the delivery is recorded.
        await Outbox.MarkSentAsync(a.Id, T0 + Duration.FromHours(2));
        Assert.Equal(OutboxStates.Sent, (await Outbox.MessagesAsync()).Single(m => m.Id == a.Id).State);
    }

    [Fact]
    public async Task ConcurrentClaimants_NeverGetTheSameMessage()
    {
        const int messages = 60;
        const int claimants = 6;
        await Outbox.EnqueueAsync(Enumerable.Range(0, messages).Select(i => Message($"r{i}@example.test")), T0);
        var claimed = new ConcurrentBag<(long Id, string Claimant)>();
        using var start = new Barrier(claimants);
        var tasks = Enumerable.Range(0, claimants).Select(c => Task.Run(async () =>
        {
            var store = _db.OpenAnother();
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            while (await store.ClaimNextAsync(T0, $"claimant-{c}") is { } m)
            {
                claimed.Add((m.Id, $"claimant-{c}"));
            }
        })).ToList();
        await Task.WhenAll(tasks);

        Assert.Equal(messages, claimed.Count);
        Assert.Equal(messages, claimed.Select(c => c.Id).Distinct().Count());
        var rows = await _db.QueryAsync("SELECT id, claimant, attempts FROM cc_outbox",
            r => (Id: Convert.ToInt64(r["id"], System.Globalization.CultureInfo.InvariantCulture), Claimant: (string)r["claimant"]!,
                Attempts: Convert.ToInt32(r["attempts"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
        Assert.Equal(claimed.OrderBy(c => c.Id).Select(c => c.Claimant), rows.OrderBy(r => r.Id).Select(r => r.Claimant));
    }
}

/// <summary><see cref="OutboxTests"/> on SQLite.</summary>
public sealed class SqliteOutboxTests() : OutboxTests(StoreKind.Sqlite);

/// <summary><see cref="OutboxTests"/> on PostgreSQL.</summary>
public sealed class PostgresOutboxTests() : OutboxTests(StoreKind.Postgres);
