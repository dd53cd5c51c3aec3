using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Proxy;

/// <summary>
/// What <c>has</c> and <c>missing</c> conditions read from a request. Headers and cookies are read live, so a proxy's
/// request-header override is seen by the rewrites that follow it, as in Next.js.
/// </summary>
internal sealed class RequestFacts
{
    private readonly HttpRequest _request;
    private readonly string _rawQuery;
    private readonly string _publicHost;
    private UrlSearchParams? _query;
    private string? _hostname;

    /// <param name="request">The request.</param>
    /// <param name="publicHost">The public host (with port), as <c>request.Url</c> shows it.</param>
    /// <param name="rawQuery">The query as sent, with its <c>?</c>, or empty.</param>
    public RequestFacts(HttpRequest request, string publicHost, string rawQuery)
    {
        _request = request;
        _rawQuery = rawQuery;
        _publicHost = publicHost;
    }

    /// <summary>The public host name without the port, in lower case (worked out when a rule asks for it).</summary>
    public string Hostname
    {
        get
        {
            if (_hostname is not null) return _hostname;
            var colon = _publicHost.StartsWith('[') ? _publicHost.IndexOf(':', _publicHost.IndexOf(']')) : _publicHost.IndexOf(':');
            return _hostname = (colon < 0 ? _publicHost : _publicHost[..colon]).ToLowerInvariant();
        }
    }

    /// <summary>The value of a header (repeated values joined by <c>", "</c>), or null.</summary>
    public string? Header(string name) => _request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? string.Join(", ", values.ToArray()) : null;

    /// <summary>The value of a cookie, or null.</summary>
    public string? Cookie(string name) => new RequestCookies(_request.Headers.Cookie.ToString()).Get(name)?.Value;

    /// <summary>The last value of a query parameter, or null.</summary>
    public string? Query(string name)
    {
        _query ??= new UrlSearchParams(_rawQuery);
        var values = _query.GetAll(name);
        return values.Count == 0 ? null : values[^1];
    }
}
