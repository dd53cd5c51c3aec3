using System.Net.Sockets;
using System.Text;

namespace NextRouteHandlers.Testing;

/// <summary>
/// Sends a request exactly as written over a plain socket, for requests <see cref="HttpClient"/> refuses to send
/// or silently rewrites (a lower-case method, a raw path with <c>..</c> or <c>\</c>).
/// </summary>
public static class RawHttp
{
    /// <summary>Sends one request and returns the status line and the rest of the response.</summary>
    public static async Task<(int Status, string Response)> SendAsync(Uri baseAddress, string method, string target, string extraHeaders = "")
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await using var stream = client.GetStream();
        var request = $"{method} {target} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nConnection: close\r\n{extraHeaders}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var status = int.Parse(text.AsSpan(9, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
        return (status, text);
    }
}
