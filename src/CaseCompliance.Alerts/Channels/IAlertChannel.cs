using CaseCompliance.Storage;
using NodaTime;

namespace CaseCompliance.Alerts.Channels;

/// <summary>Sends outbox messages of one channel (<see cref="OutboxMessage.Channel"/>).</summary>
public interface IAlertChannel
{
    /// <summary>The outbox channel this sends: <c>email</c> or <c>webhook</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Sends one message. A failure that is safe to retry is a <see cref="ChannelFailedException"/>; anything else
    /// escapes delivery and leaves the message claimed, to become in-doubt after the lease.
    /// </summary>
    Task SendAsync(OutboxMessage message, Instant now, CancellationToken cancellationToken);
}

/// <summary>A delivery attempt failed; the message says why in ids and codes (never a credential, an address's secret or a body).</summary>
public sealed class ChannelFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The channels the options configure.</summary>
public static class AlertChannels
{
    public static IReadOnlyList<IAlertChannel> Create(AlertOptions options)
    {
        var channels = new List<IAlertChannel>();
        if (options.EmailConfigured)
        {
            channels.Add(new SmtpChannel(options.Smtp));
        }

        if (options.WebhookConfigured)
        {
            // One client for the life of the process; connections are recycled so a DNS change is noticed.
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                Timeout = TimeSpan.FromSeconds(30),
            };
            channels.Add(new WebhookChannel(http, options.Webhook));
        }

        return channels;
    }
}

/// <summary>
/// The message may or may not have been delivered (the connection broke after it was handed over). Delivery lets it
/// escape, so the message stays claimed and turns in-doubt after the lease instead of being sent again.
/// </summary>
public sealed class DeliveryUncertainException(string message, Exception? inner = null) : Exception(message, inner);
