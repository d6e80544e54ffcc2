using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace CaseCompliance.Alerts.Tests;

/// <summary>
/// A real SMTP server on loopback: <c>python3 -m aiosmtpd</c> (Debian package <c>python3-aiosmtpd</c>) with its
/// Maildir handler, so every message accepted is a file the test reads back with MimeKit.
/// </summary>
public sealed class SmtpServerProcess : IDisposable
{
    private const string Package = "python3-aiosmtpd";
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private SmtpServerProcess(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }

    public string Maildir { get; }

    /// <summary>Starts the server on <paramref name="port"/> (a free one when null) and waits until it greets.</summary>
    public static SmtpServerProcess Start(string maildir, int? port = null)
    {
        var python = Python();
        var listen = port ?? FreePort();
        var info = new ProcessStartInfo(python)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{listen}", "-c", "aiosmtpd.handlers.Mailbox", maildir })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start.");
        var server = new SmtpServerProcess(process, listen, maildir);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (server._stderr)
            {
                server._stderr.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        server.WaitUntilGreeting(TimeSpan.FromSeconds(20));
        return server;
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Every message the server has accepted, parsed.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var files = new[] { "new", "cur" }.Select(d => Path.Combine(Maildir, d)).Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles).Order(StringComparer.Ordinal).ToList();
        return [.. files.Select(f => MimeMessage.Load(f))];
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void WaitUntilGreeting(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"aiosmtpd exited ({_process.ExitCode}) before listening: {Stderr()}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                client.ReceiveTimeout = 5_000;
                var buffer = new byte[256];
                var read = client.GetStream().Read(buffer, 0, buffer.Length);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("220", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            catch (IOException)
            {
                // Accepted before the handler was ready.
            }

            Thread.Sleep(50);
        }

        Dispose();
        Assert.Fail($"aiosmtpd did not greet on 127.0.0.1:{Port} within {timeout.TotalSeconds} s: {Stderr()}");
    }

    private string Stderr()
    {
        lock (_stderr)
        {
            return _stderr.ToString();
        }
    }

    /// <summary>The Debian python (pyenv's may lack system packages) or the first python3 on PATH that has aiosmtpd.</summary>
    private static string Python()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                var info = new ProcessStartInfo(candidate) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
                info.ArgumentList.Add("-c");
                info.ArgumentList.Add("import aiosmtpd");
                using var probe = Process.Start(info);
                if (probe is not null && probe.WaitForExit(20_000) && probe.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed at this path.
            }
        }

        Assert.Fail($"These tests need a real SMTP server: python3 with aiosmtpd (Debian package {Package}: apt-get install {Package}).");
        return "";
    }
}
