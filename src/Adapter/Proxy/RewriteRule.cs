namespace NextRouteHandlers.Proxy;

/// <summary>
/// A next.config <c>rewrites()</c> rule: a request whose path matches <see cref="Source"/> (and the conditions) is
/// served by the route of <see cref="Destination"/>. The client's URL does not change, and the handler sees the
/// original URL in <c>request.Url</c> and <c>NextUrl</c>, with the destination route's parameters.
/// </summary>
public sealed class RewriteRule
{
    /// <summary>The path pattern (path-to-regexp, case-insensitive), without the base path: <c>/blog/:slug</c>.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>A path of this app, without the base path and without a query: <c>/api/posts/:slug</c>.</summary>
    public string Destination { get; set; } = string.Empty;

    /// <summary>Conditions the request must meet as well.</summary>
    public List<RouteHas> Has { get; set; } = [];

    /// <summary>Conditions the request must not meet.</summary>
    public List<RouteHas> Missing { get; set; } = [];
}
