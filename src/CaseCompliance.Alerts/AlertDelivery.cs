using CaseCompliance.Alerts.Channels;
using CaseCompliance.Storage;
using NodaTime;

namespace CaseCompliance.Alerts;

/// <summary>
/// Delivers the outbox: claims expired (a process that died mid-send) become in-doubt and are never resent; then each
/// message due is claimed, sent and recorded sent, or recorded failed with exponential back-off until it is dead.
/// </summary>
public sealed class AlertDelivery(IOutbox outbox, IEnumerable<IAlertChannel> channels, AlertOptions options, string? claimant = null)
{
    private readonly Dictionary<string, IAlertChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>Who holds a claim: this machine and process.</summary>
    public string Claimant { get; } = claimant ?? $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>
    /// Delivers everything due at <paramref name="now"/>. Cancellation stops between messages. Only a
    /// <see cref="ChannelFailedException"/> counts as a failed attempt; any other exception escapes with the message
    /// still claimed, so that it turns in-doubt rather than being sent twice.
    /// </summary>
    public async Task<DeliveryResult> DeliverDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var inDoubt = await outbox.ExpireClaimsAsync(now, Duration.FromTimeSpan(options.ClaimLease), cancellationToken);
        int sent = 0, failed = 0, dead = 0;
        while (!cancellationToken.IsCancellationRequested
               && await outbox.ClaimNextAsync(now, Claimant, cancellationToken) is { } message)
        {
            try
            {
                if (!_channels.TryGetValue(message.Channel, out var channel))
                {
                    throw new ChannelFailedException($"channel {message.Channel} is not configured.");
                }

                await channel.SendAsync(message, now, cancellationToken);
            }
            catch (ChannelFailedException e)
            {
                var retryAt = options.Retry.RetryAt(AttemptNumber(message), now);
                await outbox.MarkFailedAsync(message.Id, e.Message, retryAt, CancellationToken.None);
                if (retryAt is null)
                {
                    dead++;
                }
                else
                {
                    failed++;
                }

                continue;
            }

            // Recorded even when the run is being cancelled: the message has gone.
            await outbox.MarkSentAsync(message.Id, now, CancellationToken.None);
            sent++;
        }

        return new DeliveryResult(sent, failed, dead, inDoubt);
    }

    /// <summary>The 1-based number of the attempt just made: the outbox counts an attempt when it is claimed.</summary>
    internal static int AttemptNumber(OutboxMessage claimed) => Math.Max(1, claimed.Attempts);
}

/// <summary>What one delivery run did: messages sent, failed (to be retried), given up (dead), and claims found expired (in-doubt).</summary>
public sealed record DeliveryResult(int Sent, int Failed, int Dead, int InDoubt);
