using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance.Engine;

/// <summary>
/// A raw TCP server on 127.0.0.1 that keeps the bytes of every request it receives and answers each connection with
/// a script (bytes to write, pauses between them), for tests of what the replayer sends and how it reads.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, IEnumerable<object>> _script;
    private readonly List<string> _requests = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>
    /// Starts answering; <paramref name="script"/> turns a request's head into what to send: strings (written as
    /// ISO-8859-1) and <see cref="TimeSpan"/>s (pauses). The connection closes after the script.
    /// </summary>
    public ScriptedServer(Func<string, IEnumerable<object>> script)
    {
        _script = script;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The server's address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The requests received so far, head and body, as ISO-8859-1 text.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests) return [.. _requests];
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            client.NoDelay = true;
            var stream = client.GetStream();
            var request = await ReadRequestAsync(stream);
            lock (_requests) _requests.Add(request);
            foreach (var part in _script(request))
            {
                if (part is TimeSpan pause) await Task.Delay(pause, _stop.Token);
                else await stream.WriteAsync(Encoding.Latin1.GetBytes((string)part), _stop.Token);
            }
        }
    }

    private async Task<string> ReadRequestAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var text = Encoding.Latin1.GetString([.. received]);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var length = text[..end].Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)).Select(l => int.Parse(l[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
                if (received.Count >= end + 4 + length) return text;
            }

            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0) return Encoding.Latin1.GetString([.. received]);
            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }
    }
}
