using System.Collections;
using NextRouteHandlers.Urls;

namespace NextRouteHandlers.Http;

/// <summary>
/// <c>request.cookies</c>: the cookies of the <c>Cookie</c> header, parsed as Next.js does: pairs are split on
/// <c>;</c>, a pair without <c>=</c> reads as <c>"true"</c>, values are percent-decoded and a pair whose value does
/// not decode is dropped, and the last of two equal names wins.
/// </summary>
public sealed class RequestCookies : IEnumerable<RequestCookie>
{
    private readonly Dictionary<string, RequestCookie> _cookies;

    /// <summary>Parses a <c>Cookie</c> header.</summary>
    /// <param name="cookieHeader">The header value, or null when absent.</param>
    public RequestCookies(string? cookieHeader)
    {
        _cookies = Parse(cookieHeader);
    }

    /// <summary>The number of distinct cookie names.</summary>
    public int Size => _cookies.Count;

    /// <summary>No cookies, as a <c>force-static</c> handler sees them.</summary>
    public static RequestCookies Empty { get; } = new(null);

    /// <summary>The cookie named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The cookie name (case-sensitive).</param>
    public RequestCookie? Get(string name) => _cookies.GetValueOrDefault(name);

    /// <summary>Every cookie, in the order first sent.</summary>
    public IReadOnlyList<RequestCookie> GetAll() => _cookies.Values.ToArray();

    /// <summary>True when a cookie named <paramref name="name"/> was sent.</summary>
    /// <param name="name">The cookie name (case-sensitive).</param>
    public bool Has(string name) => _cookies.ContainsKey(name);

    /// <inheritdoc />
    public IEnumerator<RequestCookie> GetEnumerator() => _cookies.Values.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static Dictionary<string, RequestCookie> Parse(string? header)
    {
        var cookies = new Dictionary<string, RequestCookie>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(header)) return cookies;
        foreach (var raw in header.Split(';'))
        {
            var pair = raw.TrimStart(' ');
            if (pair.Length == 0) continue;
            var eq = pair.IndexOf('=');
            if (eq < 0)
            {
                cookies[pair] = new RequestCookie(pair, "true");
                continue;
            }

            var name = pair[..eq];
            if (UriComponent.TryDecode(pair[(eq + 1)..], out var value)) cookies[name] = new RequestCookie(name, value);
        }

        return cookies;
    }
}
