using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Manifest;

/// <summary>Converts what a route's <c>GenerateStaticParams()</c> returns into the manifest's form; called by generated code.</summary>
public static class StaticParams
{
    /// <summary>Params whose values are all strings (<c>[id]</c> segments).</summary>
    /// <param name="items">One dictionary per path to prerender.</param>
    public static IReadOnlyList<IReadOnlyDictionary<string, object>> From(IEnumerable<IEnumerable<KeyValuePair<string, string>>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Select(item => (IReadOnlyDictionary<string, object>)item.ToDictionary(p => p.Key, p => (object)p.Value, StringComparer.Ordinal)).ToArray();
    }

    /// <summary>Params whose values are strings or, for catch-all segments, string arrays.</summary>
    /// <param name="items">One dictionary per path to prerender.</param>
    public static IReadOnlyList<IReadOnlyDictionary<string, object>> From(IEnumerable<IEnumerable<KeyValuePair<string, object>>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Select(item => (IReadOnlyDictionary<string, object>)item.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)).ToArray();
    }
}
