namespace NextRouteHandlers.Proxy;

/// <summary>
/// A next.config <c>redirects()</c> rule: a request whose path matches <see cref="Source"/> (and the conditions) is
/// answered with a redirect to <see cref="Destination"/>, with the source's parameters filled in and the request's
/// query carried over. Permanent redirects are 308 with <c>Refresh: 0;url=...</c>, temporary ones 307; the body is
/// the destination as text. Set exactly one of <see cref="Permanent"/> and <see cref="StatusCode"/>.
/// </summary>
public sealed class RedirectRule
{
    /// <summary>The path pattern (path-to-regexp, case-insensitive), without the base path: <c>/old/:slug</c>.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>A path (<c>/new/:slug</c>, the base path is added) or an absolute <c>http(s)</c> URL.</summary>
    public string Destination { get; set; } = string.Empty;

    /// <summary>True for 308, false for 307.</summary>
    public bool? Permanent { get; set; }

    /// <summary>301, 302, 303, 307 or 308, instead of <see cref="Permanent"/>.</summary>
    public int? StatusCode { get; set; }

    /// <summary>Conditions the request must meet as well.</summary>
    public List<RouteHas> Has { get; set; } = [];

    /// <summary>Conditions the request must not meet.</summary>
    public List<RouteHas> Missing { get; set; } = [];
}
