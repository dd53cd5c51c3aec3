using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace NextRouteHandlers.Cdn;

/// <summary>
/// The CDN header profile (<c>Cache:Cdn:Enabled</c>): the <c>Cache-Control</c> a response leaves with so that a shared
/// cache which, like Azure Front Door, honours <c>s-maxage</c> and <c>max-age</c> but ignores <c>Vary</c> and
/// <c>stale-while-revalidate</c>, and caches a response without <c>Cache-Control</c> for days, gets every response
/// right:
/// <list type="bullet">
/// <item>no <c>Cache-Control</c> (a dynamic response, an error, the router's 404): <c>private, no-store</c>;</item>
/// <item>already private or <c>no-store</c>: unchanged; <c>no-cache</c> alone gains <c>private</c> (Front Door has
/// cached such responses);</item>
/// <item>shared-cacheable but setting a cookie (which the edge would strip) or varying by a request header other than
/// <c>Accept-Encoding</c> (which the edge would ignore): <c>private</c>, keeping the browser's <c>max-age</c>;</item>
/// <item>otherwise: <c>s-maxage</c> at most <see cref="Caching.CdnOptions.MaxSharedAge"/>, added when the shared
/// lifetime would have come from elsewhere (<c>max-age</c> above the cap, <c>Expires</c>, or the edge's default).</item>
/// </list>
/// </summary>
internal static class CdnCacheControl
{
    /// <summary>The value for a response the edge must not keep.</summary>
    public const string NotShared = "private, no-store";

    /// <summary>The <c>Cache-Control</c> a response is sent with behind the CDN.</summary>
    /// <param name="cacheControl">The response's <c>Cache-Control</c>, or empty.</param>
    /// <param name="vary">The response's <c>Vary</c> values, or empty.</param>
    /// <param name="setsCookie">True when the response has <c>Set-Cookie</c>.</param>
    /// <param name="maxSharedAge">The cap, in seconds.</param>
    public static string For(StringValues cacheControl, StringValues vary, bool setsCookie, int maxSharedAge)
    {
        if (StringValues.IsNullOrEmpty(cacheControl)) return NotShared;
        var sent = string.Join(", ", cacheControl.ToArray());
        if (!CacheControlHeaderValue.TryParse(sent, out var directives) || directives is null)
        {
            // A value we cannot read may be one the edge cannot read either: do not let it decide.
            return NotShared;
        }

        if (directives.Private || directives.NoStore) return sent;
        if (directives.NoCache || setsCookie || VariesByRequest(vary)) return MadePrivate(directives);
        var cap = TimeSpan.FromSeconds(maxSharedAge);
        var shared = directives.SharedMaxAge ?? directives.MaxAge;
        if (shared is null || shared > cap) directives.SharedMaxAge = cap;
        return directives.ToString();
    }

    private static string MadePrivate(CacheControlHeaderValue directives)
    {
        directives.Public = false;
        directives.SharedMaxAge = null;
        directives.Private = true;
        return directives.ToString();
    }

    private static bool VariesByRequest(StringValues vary)
    {
        foreach (var value in vary)
        {
            foreach (var field in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // Front Door serves encodings apart itself; any other field (and *) it would ignore.
                if (!field.Equals("Accept-Encoding", StringComparison.OrdinalIgnoreCase)) return true;
            }
        }

        return false;
    }
}
