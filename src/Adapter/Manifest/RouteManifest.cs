using NextRouteHandlers.Proxy;

namespace NextRouteHandlers.Manifest;

/// <summary>
/// Every route of an app, and its proxy, as the source generator found them in the <c>app/</c> tree at compile time.
/// Built once, never changed; the matcher is built from it at startup.
/// </summary>
public sealed record RouteManifest
{
    /// <summary>Creates a manifest.</summary>
    /// <param name="routes">The routes, in any order.</param>
    public RouteManifest(IReadOnlyList<RouteDefinition> routes)
    {
        Routes = routes ?? throw new ArgumentNullException(nameof(routes));
    }

    /// <summary>The routes, in precedence order when the generator built the manifest.</summary>
    public IReadOnlyList<RouteDefinition> Routes { get; }

    /// <summary>The app's <c>proxy.cs</c>, or null when it has none.</summary>
    public ProxyDefinition? Proxy { get; init; }
}
