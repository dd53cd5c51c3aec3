namespace NextRouteHandlers.Manifest;

/// <summary>The <c>Dynamic</c> segment config of a route (<c>export const dynamic</c> in Next.js).</summary>
public enum DynamicMode
{
    /// <summary><c>"auto"</c> (the default): dynamic unless the route opts into caching with <c>Revalidate</c> or <c>GenerateStaticParams</c>.</summary>
    Auto,

    /// <summary><c>"force-dynamic"</c>: runs on every request, never cached.</summary>
    ForceDynamic,

    /// <summary><c>"error"</c>: cached; reading request data while rendering it fails.</summary>
    Error,

    /// <summary><c>"force-static"</c>: cached; the handler sees an emptied request (no headers, cookies or query).</summary>
    ForceStatic,
}
