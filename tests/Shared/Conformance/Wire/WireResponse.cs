using System.Text;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// A response as read off the socket: status, reason, every header line in wire order, the body bytes as sent
/// (a gzip body stays compressed), and the socket reads that delivered the body, with their times.
/// </summary>
public sealed class WireResponse
{
    /// <summary>Wraps what was read.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="reason">The reason phrase.</param>
    /// <param name="headerLines">The header lines in wire order, names as sent.</param>
    /// <param name="body">The body bytes.</param>
    /// <param name="reads">The body reads: milliseconds since the request started, and bytes read.</param>
    /// <param name="headersMs">Milliseconds from the request's start until the headers were read.</param>
    public WireResponse(int status, string reason, IReadOnlyList<KeyValuePair<string, string>> headerLines, byte[] body, IReadOnlyList<BodyRead> reads, long headersMs)
    {
        Status = status;
        Reason = reason;
        HeaderLines = headerLines;
        Body = body;
        Reads = reads;
        HeadersMs = headersMs;
        Headers = JoinHeaders(headerLines);
    }

    /// <summary>The status code.</summary>
    public int Status { get; }

    /// <summary>The reason phrase.</summary>
    public string Reason { get; }

    /// <summary>The header lines in wire order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> HeaderLines { get; }

    /// <summary>
    /// Each header by lower-case name, repeated lines joined: <c>set-cookie</c> lines with a line feed, every other
    /// header with <c>", "</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body bytes.</summary>
    public byte[] Body { get; }

    /// <summary>The UTF-8 text of the body (invalid bytes replaced).</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The socket reads that delivered the body.</summary>
    public IReadOnlyList<BodyRead> Reads { get; }

    /// <summary>Milliseconds from the request's start until the headers were read.</summary>
    public long HeadersMs { get; }

    /// <summary>The joined value of a header, or <see langword="null"/> when the response has none.</summary>
    /// <param name="lowerCaseName">The header name in lower case.</param>
    public string? Header(string lowerCaseName) => Headers.GetValueOrDefault(lowerCaseName);

    private static Dictionary<string, string> JoinHeaders(IReadOnlyList<KeyValuePair<string, string>> lines)
    {
        var joined = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in lines.GroupBy(line => line.Key.ToLowerInvariant(), StringComparer.Ordinal))
        {
            joined[group.Key] = string.Join(group.Key == "set-cookie" ? "\n" : ", ", group.Select(line => line.Value));
        }

        return joined;
    }
}
