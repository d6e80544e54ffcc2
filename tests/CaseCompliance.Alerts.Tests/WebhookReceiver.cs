using System.Net;
using System.Text;

namespace CaseCompliance.Alerts.Tests;

/// <summary>A webhook endpoint on loopback (<see cref="HttpListener"/>) that records each POST and answers a chosen status.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(string ContentType, string Body, string Path)> _received = [];
    private readonly Task _loop;

    public WebhookReceiver()
    {
        Port = SmtpServerProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    /// <summary>The status answered to the next requests.</summary>
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    public IReadOnlyList<(string ContentType, string Body, string Path)> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending accept.
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (_received)
            {
                _received.Add((context.Request.ContentType ?? "", body, context.Request.Url?.AbsolutePath ?? ""));
            }

            context.Response.StatusCode = (int)Status;
            context.Response.Close();
        }
    }
}
