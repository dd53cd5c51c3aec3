using Microsoft.AspNetCore.Http;

namespace NextRouteHandlers.Pipeline;

/// <summary>
/// The scheme and host the client used. Behind the Functions host (or another proxy) Kestrel sees
/// <c>Host: 127.0.0.1:port</c>; the public values arrive in <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c>.
/// </summary>
internal static class PublicOrigin
{
    /// <summary>Reads the public scheme (<c>http:</c> or <c>https:</c>) and host of a request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="trustForwardedHeaders">Whether <c>X-Forwarded-*</c> come from a trusted proxy.</param>
    public static (string Protocol, string Host) Resolve(HttpRequest request, bool trustForwardedHeaders)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scheme = request.Scheme;
        var host = request.Host.HasValue ? request.Host.Value! : "localhost";
        if (trustForwardedHeaders)
        {
            var forwardedProto = FirstValue(request.Headers["X-Forwarded-Proto"].ToString());
            if (forwardedProto.Equals("https", StringComparison.OrdinalIgnoreCase) || forwardedProto.Equals("http", StringComparison.OrdinalIgnoreCase))
            {
                scheme = forwardedProto.ToLowerInvariant();
            }

            var forwardedHost = FirstValue(request.Headers["X-Forwarded-Host"].ToString());
            if (IsValidHost(forwardedHost)) host = forwardedHost;
        }

        if (!IsValidHost(host)) host = "localhost";
        return (scheme switch { "http" => "http:", "https" => "https:", _ => scheme + ":" }, StripDefaultPort(scheme, host));
    }

    /// <summary>
    /// Puts the public host back in <c>Host</c>, as the client sent it: the Functions host's forwarder sends the worker's
    /// loopback address there and the client's value in <c>X-Forwarded-Host</c> (which it sets itself, so a client
    /// cannot forge it through the host). Handlers then read <c>host</c> as they would under <c>next start</c>.
    /// </summary>
    /// <param name="request">A request that came through the Functions host.</param>
    public static void RestoreForwardedHost(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var forwardedHost = FirstValue(request.Headers["X-Forwarded-Host"].ToString());
        if (IsValidHost(forwardedHost)) request.Host = new HostString(forwardedHost);
    }

    private static string FirstValue(string header)
    {
        var comma = header.IndexOf(',');
        return (comma < 0 ? header : header[..comma]).Trim();
    }

    private static bool IsValidHost(string host)
    {
        if (host.Length is 0 or > 255) return false;
        foreach (var c in host)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']' or '_')) return false;
        }

        return true;
    }

    private static string StripDefaultPort(string scheme, string host)
    {
        if (scheme == "http" && host.EndsWith(":80", StringComparison.Ordinal)) return host[..^3];
        if (scheme == "https" && host.EndsWith(":443", StringComparison.Ordinal)) return host[..^4];
        return host;
    }
}
