using CaseCompliance.Storage;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;
using NodaTime;

namespace CaseCompliance.Alerts.Channels;

/// <summary>
/// E-mails a digest through an SMTP server (MailKit): multipart/alternative plain text and HTML, with a Message-ID made
/// from the outbox id and scan id so that the same message always carries the same id.
/// </summary>
public sealed class SmtpChannel(SmtpOptions options) : IAlertChannel
{
    public const string ChannelName = "email";

    public string Name => ChannelName;

    /// <summary>How long one SMTP command may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public async Task SendAsync(OutboxMessage message, Instant now, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        MimeMessage mime;
        try
        {
            mime = Build(message, now);
            await client.ConnectAsync(options.Host ?? throw new InvalidOperationException("Alerts:Smtp:Host is not set."), options.Port, SecurityOf(options.Security), cancellationToken);
            if (!string.IsNullOrEmpty(options.Username))
            {
                await client.AuthenticateAsync(options.Username, options.Password ?? "", cancellationToken);
            }

        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing was handed over yet: safe to try again. The type and the server's reply code say what went wrong;
            // credentials never reach an exception message.
            throw new ChannelFailedException($"smtp: {Describe(e)}", e);
        }

        try
        {
            await client.SendAsync(mime, cancellationToken);
        }
        catch (MailKit.Net.Smtp.SmtpCommandException e)
        {
            // The server answered and refused the message: it was not accepted, so it may be tried again.
            throw new ChannelFailedException($"smtp: {Describe(e)}", e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The connection broke while the message was being handed over: the server may have accepted it. Retrying
            // could send it twice, so the message is left claimed and turns in-doubt (at most once, docs/alerts.md).
            throw new DeliveryUncertainException($"smtp: {Describe(e)} while sending", e);
        }

        try
        {
            await client.DisconnectAsync(true, CancellationToken.None);
        }
        catch (Exception e) when (e is MailKit.ProtocolException or IOException or TimeoutException)
        {
            // The server has accepted the message: a failed QUIT must not make it look unsent.
        }
    }

    /// <summary>The message as sent; public so that its shape can be checked without a server.</summary>
    public MimeMessage Build(OutboxMessage message, Instant now)
    {
        var from = MailboxAddress.Parse(options.From ?? throw new InvalidOperationException("Alerts:Smtp:From is not set."));
        if (!string.IsNullOrWhiteSpace(options.FromName))
        {
            from.Name = options.FromName;
        }

        var mime = new MimeMessage();
        mime.From.Add(from);
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = message.Subject;
        mime.Date = now.ToDateTimeOffset();
        mime.MessageId = MessageId(message, from.Domain);

        // RFC 3834: no out-of-office replies to a machine.
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Headers.Add("X-CaseCompliance-Scan", message.ScanId.ToString());

        var text = Part(TextFormat.Plain, message.TextBody);
        if (message.HtmlBody is null)
        {
            mime.Body = text;
        }
        else
        {
            var alternative = new MultipartAlternative { text, Part(TextFormat.Html, message.HtmlBody) };
            mime.Body = alternative;
        }

        return mime;
    }

    /// <summary>The Message-ID of an outbox message: the same on every attempt, different for every message.</summary>
    public static string MessageId(OutboxMessage message, string domain) =>
        $"{message.ScanId:N}.{message.Id}@{(string.IsNullOrWhiteSpace(domain) ? "casecompliance.invalid" : domain)}";

    internal static SecureSocketOptions SecurityOf(string security) => security.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" => SecureSocketOptions.SslOnConnect,
        "auto" => SecureSocketOptions.Auto,
        _ => throw new InvalidOperationException($"Alerts:Smtp:Security: '{security}' is not one of none, starttls, ssl, auto."),
    };

    private static TextPart Part(TextFormat format, string body)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText("utf-8", body);
        return part;
    }

    private static string Describe(Exception e) => e switch
    {
        SmtpCommandException c => $"{c.ErrorCode} ({(int)c.StatusCode}): {c.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
