
namespace NextRouteHandlers.Routing;

/// <summary>The outcome of matching a path against the route table.</summary>
internal enum RouteMatchStatus
{
    /// <summary>A route matched and its parameters decoded.</summary>
    Matched,

    /// <summary>No route matches the path (404).</summary>
    NotFound,

    /// <summary>A route matched but a parameter is not valid percent-encoded UTF-8 (400, as Next.js answers a <c>DecodeError</c>).</summary>
    InvalidEncoding,
}

/// <summary>A matched route and its decoded parameters, or why there is none.</summary>
/// <param name="Status">Whether a route matched.</param>
/// <param name="Route">The matched route, when <paramref name="Status"/> is not <see cref="RouteMatchStatus.NotFound"/>.</param>
/// <param name="Params">The decoded parameters, when <paramref name="Status"/> is <see cref="RouteMatchStatus.Matched"/>.</param>
/// <typeparam name="TRoute">The type of the routes matched.</typeparam>
internal readonly record struct RouteMatch<TRoute>(RouteMatchStatus Status, TRoute? Route, RouteParams? Params)
    where TRoute : class
{
    /// <summary>No route matches.</summary>
    public static RouteMatch<TRoute> NotFound => new(RouteMatchStatus.NotFound, null, null);
}
