using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Writes a request the way replay.py's <c>http.client</c> does: <c>METHOD target HTTP/1.1</c>, then <c>Host</c>
/// (the server's host, with the port unless it is the default) and <c>Accept-Encoding: identity</c> unless the case
/// sends its own, then the case's headers in order, then <c>Content-Length</c> when there is a body and the case gives
/// none. Nothing else is added (no <c>Connection</c>, no <c>User-Agent</c>), and nothing is normalized.
/// </summary>
public static partial class WireRequestEncoder
{
    private static readonly Encoding Latin1 = Encoding.GetEncoding("iso-8859-1", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>The request's bytes.</summary>
    /// <param name="request">The request.</param>
    /// <param name="target">The server (for the automatic <c>Host</c>).</param>
    /// <exception cref="ArgumentException">The method, target or a header holds characters http.client refuses.</exception>
    public static byte[] Encode(WireRequest request, ReplayTarget target)
    {
        if (ForbiddenInMethod().IsMatch(request.Method)) throw new ArgumentException($"method {request.Method} holds control characters");
        var path = request.Target.Length == 0 ? "/" : request.Target;
        if (ForbiddenInTarget().IsMatch(path)) throw new ArgumentException($"target {path} holds control characters or spaces");
        if (!Ascii.IsValid(path) || !Ascii.IsValid(request.Method)) throw new ArgumentException($"request line {request.Method} {path} is not ASCII");

        var head = new StringBuilder();
        head.Append(request.Method).Append(' ').Append(path).Append(" HTTP/1.1\r\n");
        var lines = new List<KeyValuePair<string, string>>();
        if (!Sends(request, "host")) lines.Add(new("Host", AutomaticHost(path, target)));
        if (!Sends(request, "accept-encoding")) lines.Add(new("Accept-Encoding", "identity"));
        lines.AddRange(request.Headers);
        if (request.Body is not null && !Sends(request, "content-length"))
        {
            lines.Add(new("Content-Length", request.Body.Length.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var (name, value) in lines)
        {
            if (!LegalHeaderName().IsMatch(name)) throw new ArgumentException($"invalid header name {name}");
            if (IllegalHeaderValue().IsMatch(value)) throw new ArgumentException($"invalid value for header {name}");
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        var bytes = Latin1.GetBytes(head.ToString());
        return request.Body is null ? bytes : [.. bytes, .. request.Body];
    }

    private static bool Sends(WireRequest request, string lowerCaseName) =>
        request.Headers.Any(h => string.Equals(h.Key, lowerCaseName, StringComparison.OrdinalIgnoreCase));

    // http.client takes Host from an absolute-form target (http://host/...), else from the connection.
    private static string AutomaticHost(string path, ReplayTarget target)
    {
        if (path.StartsWith("http", StringComparison.Ordinal) && UrlParts.Split(path).Authority is { Length: > 0 } authority) return authority;
        var host = target.Hostname.Contains(':', StringComparison.Ordinal) ? $"[{target.Hostname}]" : target.Hostname;
        return target.IsDefaultPort ? host : $"{host}:{target.Port.ToString(CultureInfo.InvariantCulture)}";
    }

    [GeneratedRegex(@"[\x00-\x1f]")]
    private static partial Regex ForbiddenInMethod();

    [GeneratedRegex(@"[\x00-\x20\x7f]")]
    private static partial Regex ForbiddenInTarget();

    [GeneratedRegex(@"^[^:\s][^:\r\n]*\z")]
    private static partial Regex LegalHeaderName();

    [GeneratedRegex(@"\n(?![ \t])|\r(?![ \t\n])")]
    private static partial Regex IllegalHeaderValue();
}
