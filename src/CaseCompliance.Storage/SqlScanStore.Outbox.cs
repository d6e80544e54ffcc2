using CaseCompliance.Storage.Sql;
using NodaTime;

namespace CaseCompliance.Storage;

/// <summary>The states an outbox message goes through (ADR 006).</summary>
public static class OutboxStates
{
    /// <summary>Waiting for its first attempt.</summary>
    public const string Pending = "pending";

    /// <summary>Claimed by a sender, which is attempting it now.</summary>
    public const string Sending = "sending";

    /// <summary>Delivered.</summary>
    public const string Sent = "sent";

    /// <summary>An attempt failed for certain; retried once its retry time has passed.</summary>
    public const string Failed = "failed";

    /// <summary>Given up (no more retries).</summary>
    public const string Dead = "dead";

    /// <summary>Claimed but never recorded sent or failed before its lease ran out: it may have gone, so it is never sent again.</summary>
    public const string InDoubt = "in-doubt";
}

public sealed partial class SqlScanStore
{
    private const int MaxErrorLength = 2000;

    private const string MessageColumns = "id, scan_id, channel, recipient, subject, text_body, html_body, attempts, state, last_error";

    public async Task<int> EnqueueAsync(IEnumerable<OutboxMessage> messages, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await using var session = await OpenAsync(cancellationToken);
        await session.BeginAsync(WriteLock.None, cancellationToken);
        var added = 0;
        foreach (var m in messages)
        {
            added += await session.ExecuteAsync(
                """
                INSERT INTO cc_outbox (scan_id, channel, recipient, subject, text_body, html_body, state, attempts, enqueued_at)
                VALUES (@scan, @channel, @recipient, @subject, @text, @html, 'pending', 0, @now)
                ON CONFLICT (scan_id, channel, recipient) DO NOTHING
                """,
                cancellationToken, ("@scan", m.ScanId), ("@channel", m.Channel), ("@recipient", m.Recipient), ("@subject", m.Subject),
                ("@text", m.TextBody), ("@html", m.HtmlBody), ("@now", now));
        }

        await session.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>
    /// Claims the oldest due message in one statement: PostgreSQL's <c>FOR UPDATE SKIP LOCKED</c> lets concurrent
    /// claimants pass each other's row, SQLite's <c>BEGIN IMMEDIATE</c> lets one claimant in at a time; either way a
    /// message goes to one claimant.
    /// </summary>
    public async Task<OutboxMessage?> ClaimNextAsync(Instant now, string claimant, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        await using var session = await OpenAsync(cancellationToken);
        await session.BeginAsync(WriteLock.None, cancellationToken);
        var claimed = await session.QueryAsync(
            $"""
            UPDATE cc_outbox SET state = 'sending', attempts = attempts + 1, claimed_at = @now, claimant = @claimant
            WHERE id = (SELECT id FROM cc_outbox
                        WHERE state = 'pending' OR (state = 'failed' AND retry_at <= @now)
                        ORDER BY id LIMIT 1{_dialect.SkipLocked})
            RETURNING {MessageColumns}
            """,
            ReadMessage, cancellationToken, ("@now", now), ("@claimant", claimant));
        await session.CommitAsync(cancellationToken);
        return claimed.FirstOrDefault();
    }

    /// <summary>Records a delivery; an in-doubt message that turns out to have gone is recorded too.</summary>
    public async Task MarkSentAsync(long id, Instant now, CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(cancellationToken);
        var changed = await session.ExecuteAsync(
            "UPDATE cc_outbox SET state = 'sent', sent_at = @now WHERE id = @id AND state IN ('sending', 'in-doubt')",
            cancellationToken, ("@now", now), ("@id", id));
        await EnsureExistsAsync(session, id, changed, cancellationToken);
    }

    /// <summary>
    /// Records a failed attempt (the error must carry no personal data; it is cut to 2,000 characters). Only a message
    /// being sent changes: an in-doubt message stays in doubt (it is never claimed again), a sent one stays sent.
    /// </summary>
    public async Task MarkFailedAsync(long id, string error, Instant? retryAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        await using var session = await OpenAsync(cancellationToken);
        var changed = await session.ExecuteAsync(
            "UPDATE cc_outbox SET state = @state, last_error = @error, retry_at = @retry WHERE id = @id AND state = 'sending'",
            cancellationToken, ("@state", retryAt is null ? OutboxStates.Dead : OutboxStates.Failed),
            ("@error", error.Length > MaxErrorLength ? error[..MaxErrorLength] : error), ("@retry", retryAt), ("@id", id));
        await EnsureExistsAsync(session, id, changed, cancellationToken);
    }

    public async Task<int> ExpireClaimsAsync(Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(cancellationToken);
        return await session.ExecuteAsync("UPDATE cc_outbox SET state = 'in-doubt' WHERE state = 'sending' AND claimed_at < @cutoff",
            cancellationToken, ("@cutoff", now - lease));
    }

    public async Task<IReadOnlyList<OutboxMessage>> MessagesAsync(Guid? scanId = null, CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(cancellationToken);
        return scanId is { } id
            ? await session.QueryAsync($"SELECT {MessageColumns} FROM cc_outbox WHERE scan_id = @scan ORDER BY id", ReadMessage, cancellationToken, ("@scan", id))
            : await session.QueryAsync($"SELECT {MessageColumns} FROM cc_outbox ORDER BY id", ReadMessage, cancellationToken);
    }

    private static async Task EnsureExistsAsync(Session session, long id, int changed, CancellationToken cancellationToken)
    {
        if (changed == 0 && await session.ScalarAsync("SELECT 1 FROM cc_outbox WHERE id = @id", cancellationToken, ("@id", id)) is null)
        {
            throw new InvalidOperationException($"outbox message {id} does not exist.");
        }
    }

    private static OutboxMessage ReadMessage(Row r) => new(r.Long("id"), r.Guid("scan_id"), r.Text("channel"), r.Text("recipient"),
        r.Text("subject"), r.Text("text_body"), r.TextOrNull("html_body"), r.Int("attempts"), r.Text("state"), r.TextOrNull("last_error"));
}
