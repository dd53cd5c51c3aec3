using NextRouteHandlers.Http;
using NextRouteHandlers.Urls;

namespace NextRouteHandlers.Caching;

/// <summary>Cache keys: the build id and the decoded pathname (never the query); <c>/index</c> is <c>/</c>, as in Next.js.</summary>
internal static class CacheKeys
{
    /// <summary>The decoded pathname of a raw path, or null when it is not valid percent-encoding.</summary>
    /// <param name="rawPath">A normalised raw path.</param>
    public static string? Pathname(string rawPath)
    {
        ArgumentNullException.ThrowIfNull(rawPath);
        if (!UriComponent.TryDecode(rawPath, out var decoded)) return null;
        if (decoded.Length > 1 && decoded.EndsWith('/')) decoded = decoded.TrimEnd('/');
        return decoded == "/index" ? "/" : decoded;
    }

    /// <summary>The key of a path in a build.</summary>
    /// <param name="buildId">The build id.</param>
    /// <param name="pathname">The decoded pathname.</param>
    public static string For(string buildId, string pathname) => buildId + ":" + pathname;
}
