namespace NextRouteHandlers.Routing;

/// <summary>What <see cref="RouteMatcher{TRoute}"/> needs to know of a route: its URL pattern and where it comes from.</summary>
internal interface IRoutePattern
{
    /// <summary>The URL pattern, e.g. <c>/blog/[slug]</c>.</summary>
    string Pattern { get; }

    /// <summary>The route's path in the app tree, e.g. <c>/(marketing)/blog/[slug]/route</c>, named in conflict messages.</summary>
    string AppPath { get; }

    /// <summary>The pattern's segments.</summary>
    IReadOnlyList<RouteSegment> Segments { get; }
}
