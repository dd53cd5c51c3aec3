namespace NextRouteHandlers.Proxy;

/// <summary>What a <see cref="RouteHas"/> condition looks at (Next.js's <c>type</c>).</summary>
public enum RouteHasType
{
    /// <summary>A request header, by name (case-insensitive).</summary>
    Header,

    /// <summary>A cookie of the <c>Cookie</c> header, by name.</summary>
    Cookie,

    /// <summary>A query parameter, by name (the last value when it repeats).</summary>
    Query,

    /// <summary>The public host name, without the port, in lower case; the condition has no key.</summary>
    Host,
}
