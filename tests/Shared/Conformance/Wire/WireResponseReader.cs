using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Reads one response the way replay.py's <c>http.client</c> does: skips <c>100 Continue</c>, keeps every header line
/// in wire order (ISO-8859-1), takes the body as chunked when the first <c>Transfer-Encoding</c> is <c>chunked</c>,
/// else by the first <c>Content-Length</c>, else up to the end of the connection. A <c>HEAD</c> request and a
/// 1xx/204/304 status have no body. The body is read in reads of at most 64 KB (within one chunk for a chunked
/// body), each timed, as the stream rules need.
/// </summary>
public static class WireResponseReader
{
    private const int MaxLine = 65536;
    private const int MaxHeaders = 100;
    private const int ReadSize = 65536;

    /// <summary>Reads the response to a request with method <paramref name="method"/>.</summary>
    /// <param name="reader">The connection.</param>
    /// <param name="method">The request's method, as sent.</param>
    /// <param name="clock">Started when the request started; read times are measured on it.</param>
    /// <exception cref="IOException">The response is not valid HTTP/1.x or ends early.</exception>
    public static async Task<WireResponse> ReadAsync(WireReader reader, string method, Stopwatch clock)
    {
        int status;
        string version, reason;
        while (true)
        {
            (version, status, reason) = ParseStatusLine(await ReadLineAsync(reader, "status line"));
            if (status != 100) break;
            await ReadHeaderLinesAsync(reader);
        }

        if (version is not ("HTTP/1.0" or "HTTP/0.9") && !version.StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new IOException($"unknown protocol {version}");
        }

        var headers = ParseHeaders(await ReadHeaderLinesAsync(reader));
        var headersMs = Milliseconds(clock);
        var transferEncoding = First(headers, "transfer-encoding");
        var chunked = string.Equals(transferEncoding, "chunked", StringComparison.OrdinalIgnoreCase);
        long? length = null;
        if (!chunked && First(headers, "content-length") is { Length: > 0 } declared
            && long.TryParse(declared.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0)
        {
            length = parsed;
        }

        if (status is 204 or 304 or (>= 100 and < 200) || method == "HEAD") length = 0;

        using var body = new MemoryStream();
        var reads = new List<BodyRead>();
        if (method != "HEAD")
        {
            IBodySource source = chunked ? new ChunkedBody(reader) : new DelimitedBody(reader, length);
            while (true)
            {
                var data = await source.ReadSomeAsync(ReadSize);
                if (data.Length == 0) break;
                reads.Add(new BodyRead(Milliseconds(clock), data.Length));
                body.Write(data);
            }
        }

        return new WireResponse(status, reason, headers, body.ToArray(), reads, headersMs);
    }

    private static long Milliseconds(Stopwatch clock) => (long)Math.Round(clock.Elapsed.TotalMilliseconds, MidpointRounding.ToEven);

    /// <summary>Reads one line (status, header, chunk size or trailer) as ISO-8859-1 text, line break included.</summary>
    /// <param name="reader">The connection.</param>
    /// <param name="what">What the line is, for the message when it is too long.</param>
    internal static async Task<string> ReadLineAsync(WireReader reader, string what)
    {
        var line = await reader.ReadLineAsync(MaxLine + 1);
        if (line.Length > MaxLine) throw new IOException($"{what} longer than {MaxLine} bytes");
        return Encoding.Latin1.GetString(line);
    }

    private static (string Version, int Status, string Reason) ParseStatusLine(string line)
    {
        if (line.Length == 0) throw new IOException("the server closed the connection without a response");
        var parts = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        var version = parts.Length > 0 ? parts[0] : string.Empty;
        if (!version.StartsWith("HTTP/", StringComparison.Ordinal) || parts.Length < 2
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status is < 100 or > 999)
        {
            throw new IOException($"bad status line {JsonTree.Show(line)}");
        }

        return (version, status, parts.Length > 2 ? parts[2].Trim() : string.Empty);
    }

    private static async Task<List<string>> ReadHeaderLinesAsync(WireReader reader)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(reader, "header line");
            if (line is "\r\n" or "\n" or "") return lines;
            lines.Add(line);
            if (lines.Count > MaxHeaders) throw new IOException($"more than {MaxHeaders} headers");
        }
    }

    // Python's email parser (compat32), which http.client uses: "Name: value" with the value's leading blanks and
    // trailing line break removed; a line starting with a blank continues the previous header; a line that starts no
    // header ends the headers.
    private static List<KeyValuePair<string, string>> ParseHeaders(List<string> lines)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines)
        {
            if (line[0] is ' ' or '\t')
            {
                if (headers.Count > 0) headers[^1] = new(headers[^1].Key, headers[^1].Value + "\r\n" + line.TrimEnd('\r', '\n'));
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || !line.AsSpan(0, colon).ContainsOnlyHeaderNameCharacters()) break;
            if (colon == 0) continue;
            headers.Add(new(line[..colon], line[(colon + 1)..].TrimStart(' ', '\t').TrimEnd('\r', '\n')));
        }

        return headers;
    }

    private static bool ContainsOnlyHeaderNameCharacters(this ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (c is < '\x21' or > '\x7e' or ':') return false;
        }

        return true;
    }

    private static string? First(List<KeyValuePair<string, string>> headers, string lowerCaseName) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, lowerCaseName, StringComparison.OrdinalIgnoreCase)).Value;
}
