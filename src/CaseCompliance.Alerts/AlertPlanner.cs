using CaseCompliance.Alerts.Channels;
using CaseCompliance.Alerts.Digests;
using CaseCompliance.Storage;
using NodaTime;

namespace CaseCompliance.Alerts;

/// <summary>
/// After a scan: builds its digests and puts them in the outbox, one e-mail per recipient address and one webhook
/// message per team. Planning a scan again adds nothing: the outbox keeps one message per scan, channel and recipient.
/// </summary>
public sealed class AlertPlanner(DigestBuilder builder, IOutbox outbox, AlertOptions options)
{
    /// <summary>The recipient of a team's webhook message: the team, not the address (a secret, kept in configuration).</summary>
    public static string WebhookRecipient(string team) => "team:" + team;

    public async Task<PlanResult> PlanAsync(Guid scanId, Instant now, CancellationToken cancellationToken = default)
    {
        if (!options.Enabled || (!options.EmailConfigured && !options.WebhookConfigured))
        {
            return new PlanResult(false, 0, 0, 0, 0, []);
        }

        var plan = await builder.BuildAsync(scanId, cancellationToken);
        var messages = new List<OutboxMessage>();
        if (options.EmailConfigured)
        {
            messages.AddRange(plan.Recipients.Select(d => new OutboxMessage(0, scanId, SmtpChannel.ChannelName, d.Recipient,
                d.Subject, d.TextBody, d.HtmlBody, 0, "pending", null)));
        }

        if (options.WebhookConfigured)
        {
            messages.AddRange(plan.Teams.Select(d => new OutboxMessage(0, scanId, WebhookChannel.ChannelName,
                WebhookRecipient(d.Recipient), d.Subject, d.TextBody, null, 0, "pending", null)));
        }

        var added = messages.Count == 0 ? 0 : await outbox.EnqueueAsync(messages, now, cancellationToken);
        return new PlanResult(true, messages.Count, added, plan.UnchangedRecipients, plan.Teams.Count, plan.Warnings);
    }
}

/// <summary>
/// What planning did: <see cref="Planned"/> messages built, <see cref="Enqueued"/> of them new in the outbox,
/// recipients left out because nothing changed, and routing warnings (ids and team names only).
/// </summary>
public sealed record PlanResult(bool Active, int Planned, int Enqueued, int Unchanged, int Teams, IReadOnlyList<string> Warnings);
