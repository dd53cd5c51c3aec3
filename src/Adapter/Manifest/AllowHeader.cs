using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Manifest;

/// <summary>Computes the <c>Allow</c> list Next.js's automatic OPTIONS sends, which our 405 sends too.</summary>
internal static class AllowHeader
{
    // One value per set of exported methods (7 methods: 128 sets), made the first time a route exports that set. Every
    // route's value is worked out at start, and an app of thousands of routes has a handful of distinct sets.
    private static readonly string?[] BySet = new string?[1 << 7];

    /// <summary>The exported methods, plus HEAD when GET is exported, plus OPTIONS, sorted ordinally and joined by <c>", "</c>.</summary>
    /// <param name="handlers">What the route file exports.</param>
    public static string For(RouteHandlerTable handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        var set = 0;
        for (var i = 0; i < HttpMethodNames.Supported.Count; i++)
        {
            if (handlers.Find(HttpMethodNames.Supported[i]) is not null) set |= 1 << i;
        }

        // Two threads may both make a set's value: the same string either way.
        ref var value = ref BySet[set];
        return value ??= Compose(set);
    }

    private static string Compose(int set)
    {
        var methods = new SortedSet<string>(StringComparer.Ordinal) { HttpMethodNames.Options };
        for (var i = 0; i < HttpMethodNames.Supported.Count; i++)
        {
            if ((set & (1 << i)) == 0) continue;
            methods.Add(HttpMethodNames.Supported[i]);
            if (HttpMethodNames.Supported[i] == HttpMethodNames.Get) methods.Add(HttpMethodNames.Head);
        }

        return string.Join(", ", methods);
    }
}
