namespace NextRouteHandlers.Proxy;

/// <summary>
/// A next.config <c>headers()</c> rule: for paths matching <see cref="Source"/> (and the conditions), the response
/// carries <see cref="Headers"/>. These win over a handler's own value of the same name (except <c>Set-Cookie</c>,
/// <c>Vary</c>, <c>WWW-Authenticate</c> and <c>Proxy-Authenticate</c>, which are added to it), and they are sent on
/// every response for the path: redirects, automatic OPTIONS, 404 and 405 too.
/// </summary>
public sealed class HeaderRule
{
    /// <summary>The path pattern (path-to-regexp, case-insensitive), without the base path: <c>/api/:path*</c>.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>The headers to send.</summary>
    public List<HeaderEntry> Headers { get; set; } = [];

    /// <summary>Conditions the request must meet as well.</summary>
    public List<RouteHas> Has { get; set; } = [];

    /// <summary>Conditions the request must not meet.</summary>
    public List<RouteHas> Missing { get; set; } = [];
}
