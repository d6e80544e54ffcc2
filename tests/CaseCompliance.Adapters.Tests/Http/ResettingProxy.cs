using System.Net;
using System.Net.Sockets;

namespace CaseCompliance.Adapters.Tests.Http;

/// <summary>
/// A loopback TCP proxy in front of a test server that resets (RST) the first <c>resets</c> connections and
/// forwards the rest: a real connection reset, which WireMock.Net's faults (which answer 200 with a broken body)
/// do not produce.
/// </summary>
public sealed class ResettingProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private int _resetsLeft;

    public ResettingProxy(Uri target, int resets)
    {
        _target = target.Port;
        _resetsLeft = resets;
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Connections { get; private set; }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Connections++;
            if (Interlocked.Decrement(ref _resetsLeft) >= 0)
            {
                // Take the request, start an answer, then close with RST (not FIN): the client sees "connection
                // reset by peer" mid-response, which the HTTP stack cannot quietly resend on its own.
                try
                {
                    var stream = client.GetStream();
                    _ = await stream.ReadAsync(new byte[4096], _stop.Token);
                    await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"rows\":["u8.ToArray(), _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                    await Task.Delay(50, _stop.Token);
                }
                catch (IOException)
                {
                }

                client.LingerState = new LingerOption(true, 0);
                client.Close();
                continue;
            }

            _ = Task.Run(() => Forward(client));
        }
    }

    private async Task Forward(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _target);
            var a = client.GetStream();
            var b = upstream.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
