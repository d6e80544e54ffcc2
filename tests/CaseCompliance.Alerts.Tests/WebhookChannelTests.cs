using System.Text.Json;
using CaseCompliance.Alerts.Channels;
using CaseCompliance.Storage;
using NodaTime;

namespace CaseCompliance.Alerts.Tests;

public class WebhookChannelTests
{
    private static readonly OutboxMessage Message = new(7, Guid.NewGuid(), WebhookChannel.ChannelName, "team:Team A",
        "CaseCompliance: Team A - 1 new, 0 due soon (as of 2026-11-20)", "line one\nline <two> & three", null, 1, "sending", null);

    [Fact]
    public async Task Teams_GetsMarkdownLineBreaks_SlackGetsItsEscapes()
    {
        using var receiver = new WebhookReceiver();
        using var http = new HttpClient();

        await new WebhookChannel(http, new WebhookOptions { Url = receiver.Url("teams"), Format = "teams" }).SendAsync(Message, Instant.MinValue, default);
        await new WebhookChannel(http, new WebhookOptions { Url = receiver.Url("slack"), Format = "slack" }).SendAsync(Message, Instant.MinValue, default);

        var texts = receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()).ToList();
        Assert.Equal("CaseCompliance: Team A - 1 new, 0 due soon (as of 2026-11-20)\n\n\n\nline one\n\nline <two> & three", texts[0]);
        Assert.Equal("CaseCompliance: Team A - 1 new, 0 due soon (as of 2026-11-20)\n\nline one\nline &lt;two&gt; &amp; three", texts[1]);
    }

    [Fact]
    public async Task NobodyListening_IsAFailedAttempt_ThatDoesNotNameTheAddress()
    {
        using var http = new HttpClient();
        var channel = new WebhookChannel(http, new WebhookOptions { Url = $"http://127.0.0.1:{SmtpServerProcess.FreePort()}/hook/SECRET-TOKEN" });

        var e = await Assert.ThrowsAsync<ChannelFailedException>(() => channel.SendAsync(Message, Instant.MinValue, default));

        Assert.StartsWith("webhook: request failed", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAnswerAfterTheRequestWasSent_IsUncertain_NotAFailedAttemptToRetry()
    {
        // A receiver that reads the request and never answers: it may have acted on it, so it must not be posted again.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var received = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var buffer = new byte[8192];
            var read = await client.GetStream().ReadAsync(buffer);
            await Task.Delay(TimeSpan.FromSeconds(3));
            return read;
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(800) };
        var channel = new WebhookChannel(http, new WebhookOptions { Url = $"http://127.0.0.1:{port}/hook/SECRET-TOKEN" });

        var e = await Assert.ThrowsAsync<DeliveryUncertainException>(() => channel.SendAsync(Message, Instant.MinValue, default));

        Assert.True(await received > 0, "the request reached the receiver");
        Assert.DoesNotContain("SECRET", e.Message, StringComparison.Ordinal);
    }
}
