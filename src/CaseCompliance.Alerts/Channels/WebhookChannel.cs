using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using CaseCompliance.Storage;
using NodaTime;

namespace CaseCompliance.Alerts.Channels;

/// <summary>
/// Posts a team's digest to a Slack or Teams incoming webhook as <c>{"text": ...}</c>. The address comes from the
/// options at delivery, never from the outbox: it carries the webhook's token.
/// </summary>
public sealed class WebhookChannel(HttpClient http, WebhookOptions options) : IAlertChannel
{
    public const string ChannelName = "webhook";

    public string Name => ChannelName;

    public async Task SendAsync(OutboxMessage message, Instant now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            throw new ChannelFailedException("webhook: Alerts:Webhook:Url is not set.");
        }

        var payload = new WebhookPayload(Format(message.Subject + "\n\n" + message.TextBody));
        try
        {
            using var response = await http.PostAsJsonAsync(options.Url, payload, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                // The status only: a reply body may echo what was posted.
                throw new ChannelFailedException($"webhook: answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                                                 or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError)
        {
            // Nothing reached the receiver: safe to try again. Not e.Message: it can carry the address, which is the secret.
            throw new ChannelFailedException($"webhook: request failed ({e.HttpRequestError}).", e);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The request may have been received (a reply lost or late): retrying could post it twice, so the message
            // is left claimed and turns in-doubt (at most once, docs/alerts.md).
            throw new DeliveryUncertainException($"webhook: no answer after the request was sent ({e.GetType().Name}).", e);
        }
    }

    private string Format(string text)
    {
        if (string.Equals(options.Format, "teams", StringComparison.OrdinalIgnoreCase))
        {
            // Teams renders text as markdown, where a single line break is not one.
            return text.Replace("\n", "\n\n", StringComparison.Ordinal);
        }

        // Slack's mrkdwn reserves these three characters.
        var slack = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            slack.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => c.ToString() });
        }

        return slack.ToString();
    }

    private sealed record WebhookPayload([property: JsonPropertyName("text")] string Text);
}
