using System.Collections.Concurrent;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Caching;

/// <summary>
/// What the prerender learnt about the routes: which paths <c>GenerateStaticParams</c> lists (a route with
/// <c>DynamicParams = false</c> answers 404 for the others), and which cacheable routes turned out to read request
/// data and are served dynamically instead. Routes are the manifest's instances, looked up on every request to a
/// cached route: they are keyed by reference (a record's own hash would hash every field, every time).
/// </summary>
internal sealed class RouteCacheState
{
    private readonly ConcurrentDictionary<RouteDefinition, HashSet<string>> _staticPaths = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<RouteDefinition, string> _dynamic = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<RouteDefinition, bool> _cacheable = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Whether the cache serves the route's GET: <see cref="CachePolicy.IsCacheable"/>, decided once per route, and
    /// the prerender has not found it dynamic.
    /// </summary>
    /// <param name="route">The route.</param>
    public bool Serves(RouteDefinition route) => _cacheable.GetOrAdd(route, static r => CachePolicy.IsCacheable(r)) && !_dynamic.ContainsKey(route);

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

    /// <summary>Why the route is served dynamically, or null when it is not.</summary>
    /// <param name="route">The route.</param>
    public string? DynamicReason(RouteDefinition route) => _dynamic.TryGetValue(route, out var reason) ? reason : null;

    /// <summary>The paths the route's <c>GenerateStaticParams</c> listed, or null when none were recorded.</summary>
    /// <param name="route">The route.</param>
    public IReadOnlyCollection<string>? StaticPaths(RouteDefinition route) => _staticPaths.TryGetValue(route, out var paths) ? paths : null;

    /// <summary>True when the route is served dynamically although its config asks for caching.</summary>
    /// <param name="route">The route.</param>
    public bool IsDynamic(RouteDefinition route) => _dynamic.ContainsKey(route);
}
