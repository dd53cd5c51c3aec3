namespace NextRouteHandlers.Http;

/// <summary>
/// The rules for response headers that several parts apply (the writer, the proxy, the cache), in one place: which
/// headers belong to the server rather than to a response, which ones add up when several sources set them, and which
/// ones a cached entry keeps.
/// </summary>
internal static class HeaderRules
{
    private static readonly HashSet<string> ServerOwned = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "proxy-connection", "te", "trailer",
        NextResponse.MiddlewareNextHeader, NextResponse.MiddlewareRewriteHeader,
    };

    private static readonly HashSet<string> Added = new(StringComparer.OrdinalIgnoreCase)
    {
        "set-cookie", "vary", "www-authenticate", "proxy-authenticate",
    };

    /// <summary>
    /// True for a header the server frames (<c>Content-Length</c>, <c>Transfer-Encoding</c>, hop-by-hop headers) or that
    /// only carries Next.js's internal signals (<c>x-middleware-next</c>, <c>x-middleware-rewrite</c>): never copied
    /// from a response, Kestrel decides them, as Node does for Next.js.
    /// </summary>
    /// <param name="name">The header name.</param>
    public static bool IsServerOwned(string name) => ServerOwned.Contains(name);

    /// <summary>
    /// True for a header whose values from several sources (next.config <c>headers()</c>, the proxy, the handler) are all
    /// sent, as Next.js's <c>sendResponse</c> does: <c>Set-Cookie</c>, <c>Vary</c>, <c>WWW-Authenticate</c>,
    /// <c>Proxy-Authenticate</c>. For any other header the first source wins.
    /// </summary>
    /// <param name="name">The header name.</param>
    public static bool AddsUp(string name) => Added.Contains(name);

    /// <summary>True for a header a cached entry keeps: not the server's own, and not <c>Date</c>, which is the time of sending.</summary>
    /// <param name="name">The header name.</param>
    public static bool IsKeptInCache(string name) => !ServerOwned.Contains(name) && !name.Equals("date", StringComparison.OrdinalIgnoreCase);
}
