using CaseCompliance.Alerts.Channels;
using CaseCompliance.Storage;
using MimeKit;
using NodaTime;

namespace CaseCompliance.Alerts.Tests;

public class SmtpMessageTests
{
    private static readonly OutboxMessage Message = new(42, Guid.Parse("0b7e1c9a-1111-4222-8333-444455556666"), "email",
        "manager.a@council.example", "CaseCompliance: Team A - 1 new, 0 due soon (as of 2026-11-20)",
        "Plain £ text", "<p>Html £ text</p>", 0, "sending", null);

    private static readonly SmtpChannel Channel = new(new SmtpOptions { Host = "localhost", From = "alerts@council.example", FromName = "CaseCompliance" });

    [Fact]
    public void Build_IsMultipartAlternativeOfTextAndHtml()
    {
        var mime = Channel.Build(Message, Instant.FromUtc(2026, 11, 21, 2, 0));

        var alternative = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal("Plain £ text", alternative.TextBody);
        Assert.Equal("<p>Html £ text</p>", alternative.HtmlBody);
        Assert.Equal("manager.a@council.example", Assert.Single(mime.To.Mailboxes).Address);
        Assert.Equal("CaseCompliance", Assert.Single(mime.From.Mailboxes).Name);
        Assert.Equal("auto-generated", mime.Headers["Auto-Submitted"]);
    }

    [Fact]
    public void Build_MessageIdComesFromOutboxIdAndScan_SameOnEveryAttempt()
    {
        var first = Channel.Build(Message, Instant.FromUtc(2026, 11, 21, 2, 0));
        var retry = Channel.Build(Message with { Attempts = 3 }, Instant.FromUtc(2026, 11, 21, 5, 0));
        var other = Channel.Build(Message with { Id = 43 }, Instant.FromUtc(2026, 11, 21, 2, 0));

        Assert.Equal("0b7e1c9a111142228333444455556666.42@council.example", first.MessageId);
        Assert.Equal(first.MessageId, retry.MessageId);
        Assert.NotEqual(first.MessageId, other.MessageId);
    }

    [Fact]
    public void Build_TextOnlyWhenThereIsNoHtml()
    {
        var mime = Channel.Build(Message with { HtmlBody = null }, Instant.FromUtc(2026, 11, 21, 2, 0));

        Assert.IsType<TextPart>(mime.Body);
    }
}
