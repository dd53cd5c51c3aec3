using System.Diagnostics;
using System.Net.Sockets;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Sends one request on a new connection and reads the response (see <see cref="WireRequestEncoder"/> and
/// <see cref="WireResponseReader"/>), then closes the connection, as replay.py does for every step. Raw sockets
/// rather than <see cref="HttpClient"/>, which would rewrite what the cases send (method case, <c>//</c> paths, a
/// missing or foreign <c>Host</c>, header order) and decode what they check (gzip, chunk timing).
/// </summary>
public static class WireClient
{
    /// <summary>Sends <paramref name="request"/> to <paramref name="target"/>.</summary>
    /// <param name="target">The server.</param>
    /// <param name="request">The request.</param>
    /// <param name="timeout">The limit of each network operation (connect, send, each read).</param>
    public static async Task<WireResponse> SendAsync(ReplayTarget target, WireRequest request, TimeSpan timeout)
    {
        if (target.Scheme != "http") throw new NotSupportedException($"{target.Scheme}: only http servers can be replayed against");
        var clock = Stopwatch.StartNew();
        var bytes = WireRequestEncoder.Encode(request, target);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using (var connect = new CancellationTokenSource(timeout)) await socket.ConnectAsync(target.Hostname, target.Port, connect.Token);
        using (var send = new CancellationTokenSource(timeout))
        {
            for (var sent = 0; sent < bytes.Length;) sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, send.Token);
        }

        return await WireResponseReader.ReadAsync(new WireReader(socket, timeout), request.Method, clock);
    }
}
