namespace NextRouteHandlers.Caching;

/// <summary>How a cached route was answered, sent as <c>x-nextjs-cache</c>.</summary>
internal enum CacheStatus
{
    /// <summary>A fresh entry.</summary>
    Hit,

    /// <summary>A stale entry, served while one background regeneration runs.</summary>
    Stale,

    /// <summary>No usable entry: rendered during the request, then stored.</summary>
    Miss,

    /// <summary>Rendered on demand (<c>x-prerender-revalidate</c>) and stored.</summary>
    Revalidated,
}

/// <summary>The <c>x-nextjs-cache</c> header values.</summary>
internal static class CacheStatusHeader
{
    private static readonly string[] Values = Enum.GetValues<CacheStatus>().Select(s => s.ToString().ToUpperInvariant()).ToArray();

    /// <summary>The header value of a status (<c>HIT</c>, <c>STALE</c>, ...), without allocating.</summary>
    public static string Value(CacheStatus status) => Values[(int)status];
}
