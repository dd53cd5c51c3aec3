namespace NextRouteHandlers.Caching;

/// <summary>
/// A cached route read request data (headers, cookies, the query, the body) while it was being rendered for the
/// cache, where there is no request to read: Next.js's "couldn't be rendered statically". With <c>Dynamic = "error"</c>
/// this fails the render; otherwise the route is served dynamically from then on.
/// </summary>
public sealed class DynamicUsageException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="route">The route's pattern.</param>
    /// <param name="usage">What was read, e.g. <c>request.headers</c> or <c>headers()</c>.</param>
    public DynamicUsageException(string route, string usage)
        : base($"Route {route} couldn't be rendered statically because it used `{usage}`. Read request data only in dynamic routes, or use Dynamic = \"force-static\" to render with an empty request.")
    {
        Route = route;
        Usage = usage;
    }

    /// <summary>The route's pattern.</summary>
    public string Route { get; }

    /// <summary>What was read.</summary>
    public string Usage { get; }
}
