using CaseCompliance.Alerts.Channels;
using CaseCompliance.Storage;
using CaseCompliance.Storage.Tests;
using MimeKit;
using NodaTime;

namespace CaseCompliance.Alerts.Tests;

/// <summary>A fresh SQLite store and a Maildir for one test, with the SMTP server started on demand.</summary>
public sealed class MailTestContext : IAsyncDisposable
{
    private MailTestContext(TestStore database, string maildir)
    {
        Database = database;
        Maildir = maildir;
    }

    public TestStore Database { get; }

    public SqlScanStore Store => Database.Store;

    public string Maildir { get; }

    public SmtpServerProcess? Server { get; private set; }

    /// <summary>The port the server listens on (or will, once started).</summary>
    public int Port { get; private set; }

    public static async Task<MailTestContext> CreateAsync(bool startServer = true)
    {
        var database = await TestDatabases.SqliteAsync();
        var context = new MailTestContext(database, Path.Combine(database.Folder, "maildir")) { Port = SmtpServerProcess.FreePort() };
        if (startServer)
        {
            context.StartServer();
        }

        return context;
    }

    public void StartServer() => Server = SmtpServerProcess.Start(Maildir, Port);

    public IReadOnlyList<MimeMessage> Received() => Server?.Messages() ?? [];

    public async ValueTask DisposeAsync()
    {
        Server?.Dispose();
        await Database.DisposeAsync();
    }
}

/// <summary>The process dying: nothing in delivery may catch it.</summary>
public sealed class ProcessDiedException() : Exception("the process died (test).");

/// <summary>Sends through the real channel, then "dies" before delivery can record the message sent.</summary>
public sealed class DiesAfterSending(IAlertChannel inner) : IAlertChannel
{
    public string Name => inner.Name;

    public async Task SendAsync(OutboxMessage message, Instant now, CancellationToken cancellationToken)
    {
        await inner.SendAsync(message, now, cancellationToken);
        throw new ProcessDiedException();
    }
}
