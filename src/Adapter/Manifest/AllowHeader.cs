using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Manifest;

/// <summary>Computes the <c>Allow</c> list Next.js's automatic OPTIONS sends, which our 405 sends too.</summary>
internal static class AllowHeader
{
    /// <summary>The exported methods, plus HEAD when GET is exported, plus OPTIONS, sorted ordinally and joined by <c>", "</c>.</summary>
    /// <param name="handlers">What the route file exports.</param>
    public static string For(RouteHandlerTable handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        var methods = new SortedSet<string>(StringComparer.Ordinal) { "OPTIONS" };
        foreach (var method in HttpMethodNames.Supported)
        {
            if (handlers.Find(method) is not null) methods.Add(method);
        }

        if (handlers.Get is not null) methods.Add("HEAD");
        return string.Join(", ", methods);
    }
}
