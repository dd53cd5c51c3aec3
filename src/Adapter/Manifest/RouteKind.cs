namespace NextRouteHandlers.Manifest;

/// <summary>Where a route comes from.</summary>
public enum RouteKind
{
    /// <summary>A <c>route.cs</c> file: dynamic unless its segment config opts into caching.</summary>
    Handler,

    /// <summary>A metadata file (<c>robots.cs</c>, <c>sitemap.cs</c>, ...): GET only, and static by default in Next.js.</summary>
    Metadata,
}
