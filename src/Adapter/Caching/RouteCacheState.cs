using System.Collections.Concurrent;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Caching;

/// <summary>
/// What the prerender learnt about the routes: which paths <c>GenerateStaticParams</c> lists (a route with
/// <c>DynamicParams = false</c> answers 404 for the others), and which cacheable routes turned out to read request
/// data and are served dynamically instead.
/// </summary>
internal sealed class RouteCacheState
{
    private readonly ConcurrentDictionary<RouteDefinition, HashSet<string>> _staticPaths = new();
    private readonly ConcurrentDictionary<RouteDefinition, string> _dynamic = new();

    /// <summary>Records the paths listed by a route's <c>GenerateStaticParams</c>.</summary>
    /// <param name="route">The route.</param>
    /// <param name="paths">Its decoded paths.</param>
    public void SetStaticPaths(RouteDefinition route, IEnumerable<string> paths) => _staticPaths[route] = new HashSet<string>(paths, StringComparer.Ordinal);

    /// <summary>True when <paramref name="pathname"/> is one of the route's listed paths, or the route lists none.</summary>
    /// <param name="route">The route.</param>
    /// <param name="pathname">The decoded path.</param>
    public bool IsListed(RouteDefinition route, string pathname) => !_staticPaths.TryGetValue(route, out var paths) || paths.Contains(pathname);

    /// <summary>Serves a cacheable route dynamically from now on.</summary>
    /// <param name="route">The route.</param>
    /// <param name="reason">Why, for logs.</param>
    public void MarkDynamic(RouteDefinition route, string reason) => _dynamic[route] = reason;

    /// <summary>True when the route is served dynamically although its config asks for caching.</summary>
    /// <param name="route">The route.</param>
    public bool IsDynamic(RouteDefinition route) => _dynamic.ContainsKey(route);

    /// <summary>Why a cacheable route is served dynamically, or null when it is not.</summary>
    /// <param name="route">The route.</param>
    public string? DynamicReason(RouteDefinition route) => _dynamic.TryGetValue(route, out var reason) ? reason : null;
}
