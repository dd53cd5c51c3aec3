using NextRouteHandlers.Routing;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Caching;

/// <summary>
/// The caching rules of Next.js route handlers, in one place: which GET routes are cached (spec 6.1-6.3), their
/// lifetime, and the <c>Cache-Control</c> a cached response gets (6.5).
/// </summary>
internal static class CachePolicy
{
    /// <summary>One year in seconds: Next.js's default <c>expireTime</c> and the <c>s-maxage</c> of entries that never go stale.</summary>
    public const int OneYear = 31_536_000;

    /// <summary>
    /// True when the route's GET is cached: it exports GET, is not <c>force-dynamic</c> or <c>Revalidate = 0</c>, and
    /// opts in (<c>force-static</c>, <c>error</c>, <c>Revalidate</c> false or positive, <c>GenerateStaticParams</c>) or
    /// is a metadata file, or a route handler at a metadata file's URL (<see cref="MetadataUrl"/>). The other methods the
    /// file exports do not matter: they always run, beside the cached GET, as the route-handlers docs describe (Next.js 16
    /// makes such a route dynamic, which its issue 77185 reports as a bug; docs/deviations.md).
    /// </summary>
    /// <param name="route">The route.</param>
    public static bool IsCacheable(RouteDefinition route) => Explain(route).Cacheable;

    /// <summary>Whether the route's GET is cached (<see cref="IsCacheable"/>), and the rule that decided it.</summary>
    /// <param name="route">The route.</param>
    public static (bool Cacheable, string Reason) Explain(RouteDefinition route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var config = route.Config;
        if (route.Handlers.Get is null) return (false, "no GET handler");
        if (config.Dynamic == DynamicMode.ForceDynamic) return (false, "Dynamic = \"force-dynamic\"");
        if (config.Revalidate.Seconds == 0) return (false, "Revalidate = 0");
        if (config.Dynamic == DynamicMode.ForceStatic) return (true, "Dynamic = \"force-static\"");
        if (config.Dynamic == DynamicMode.Error) return (true, "Dynamic = \"error\"");
        if (config.Revalidate.IsSet) return (true, config.Revalidate.IsNever ? "Revalidate = false" : "Revalidate set");
        if (config.GenerateStaticParams is not null) return (true, "GenerateStaticParams");
        if (route.Kind == RouteKind.Metadata) return (true, "metadata file");
        if (MetadataUrl.Matches(route.Pattern)) return (true, "at a metadata file's URL");
        return (false, "no caching opt-in (force-static, Revalidate, GenerateStaticParams)");
    }

    /// <summary>Seconds an entry of the route stays fresh, or null when it never goes stale by time.</summary>
    /// <param name="route">A cacheable route.</param>
    public static int? RevalidateSeconds(RouteDefinition route) => route?.Config.Revalidate.Seconds;

    /// <summary>
    /// The <c>Cache-Control</c> of a cached response whose handler set none: <c>s-maxage=N, stale-while-revalidate=E-N</c>
    /// for a lifetime of N seconds and an expiry of E; <c>s-maxage=31536000</c> for an entry that never goes stale.
    /// </summary>
    /// <param name="entry">The entry.</param>
    public static string CacheControl(CacheEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Revalidate is not { } revalidate) return $"s-maxage={OneYear}";
        if (entry.Expire is { } expire && expire > revalidate) return $"s-maxage={revalidate}, stale-while-revalidate={expire - revalidate}";
        return entry.Expire is null ? $"s-maxage={revalidate}, stale-while-revalidate" : $"s-maxage={revalidate}";
    }

    /// <summary>
    /// True when a rendered response may be stored: not when its handler marked it <c>Cache-Control: private</c> or
    /// <c>no-store</c> (per-user or sensitive content), whatever the route's config says. Such a response is sent to the
    /// client that caused the render and rendered again for the next one.
    /// </summary>
    /// <param name="entry">The rendered response.</param>
    public static bool MayStore(CacheEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var header in entry.Headers)
        {
            if (!header.Key.Equals("cache-control", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var directive in header.Value.Split(','))
            {
                var name = directive.Split('=')[0].Trim();
                if (name.Equals("private", StringComparison.OrdinalIgnoreCase) || name.Equals("no-store", StringComparison.OrdinalIgnoreCase)) return false;
            }
        }

        return true;
    }

    /// <summary>The path a set of params gives for a pattern (<c>/items/[id]</c> with <c>id = 1</c> → <c>/items/1</c>); catch-all values join with <c>/</c>.</summary>
    /// <param name="route">The route.</param>
    /// <param name="values">One value (a string, or a string array for catch-alls) per parameter.</param>
    /// <exception cref="InvalidOperationException">A required parameter has no value.</exception>
    public static string PathFor(RouteDefinition route, IReadOnlyDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(values);
        var parts = new List<string>();
        foreach (var segment in route.Segments)
        {
            if (segment.Kind == SegmentKind.Static)
            {
                parts.Add(segment.Value);
                continue;
            }

            values.TryGetValue(segment.Value, out var value);
            switch (value)
            {
                case string text when text.Length > 0:
                    parts.Add(Urls.UriComponent.Encode(text));
                    break;
                case IEnumerable<string> items when segment.Kind != SegmentKind.Dynamic:
                    parts.AddRange(items.Select(Urls.UriComponent.Encode));
                    break;
                case null when segment.Kind == SegmentKind.OptionalCatchAll:
                    break;
                default:
                    throw new InvalidOperationException($"GenerateStaticParams of '{route.SourceFile}' returned no usable value for '{segment.Value}'.");
            }
        }

        return "/" + string.Join('/', parts);
    }
}
