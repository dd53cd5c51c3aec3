using System.Text.RegularExpressions;

namespace NextRouteHandlers.Caching;

/// <summary>
/// Which URL patterns are those of Next.js's metadata files (<c>/robots.txt</c>, <c>/manifest.webmanifest</c>,
/// <c>/favicon.ico</c>, <c>sitemap.xml</c>, <c>icon</c>, <c>apple-icon</c>, <c>opengraph-image</c>,
/// <c>twitter-image</c>). Next.js prerenders a route handler at such a URL (<c>app/robots.txt/route.ts</c>) without
/// any segment config, as it does the metadata file itself. The last segment must be the name (with an optional digit
/// for the images), alone or with one of its extensions; Next.js's own check matches the name as a prefix (see
/// docs/deviations.md).
/// </summary>
internal static partial class MetadataUrl
{
    /// <summary>True when <paramref name="pattern"/> (a route's URL pattern, groups left out) is a metadata file's URL.</summary>
    /// <param name="pattern">The pattern: <c>/robots.txt</c>, <c>/blog/sitemap.xml</c>, <c>/items/[id]/opengraph-image</c>.</param>
    public static bool Matches(string pattern) => pattern is not null && LastSegmentMayMatch(pattern) && Convention().IsMatch(pattern);

    // Every metadata URL's last segment starts with one of these names: a pattern whose last segment starts with none
    // of them (most routes: the check runs for every route at start) cannot match, and skips the expression.
    private static bool LastSegmentMayMatch(string pattern)
    {
        var last = pattern.AsSpan(pattern.LastIndexOf('/') + 1);
        return last.StartsWith("robots", StringComparison.Ordinal)
            || last.StartsWith("manifest", StringComparison.Ordinal)
            || last.StartsWith("favicon", StringComparison.Ordinal)
            || last.StartsWith("sitemap", StringComparison.Ordinal)
            || last.StartsWith("icon", StringComparison.Ordinal)
            || last.StartsWith("apple-icon", StringComparison.Ordinal)
            || last.StartsWith("opengraph-image", StringComparison.Ordinal)
            || last.StartsWith("twitter-image", StringComparison.Ordinal);
    }

    [GeneratedRegex(
        @"^(?:/robots(?:\.txt)?|/manifest(?:\.webmanifest|\.json)?|/favicon\.ico|(?:/[^/]+)*/(?:sitemap(?:\.xml)?|icon\d?(?:\.(?:ico|jpg|jpeg|png|svg))?|apple-icon\d?(?:\.(?:jpg|jpeg|png))?|(?:opengraph|twitter)-image\d?(?:\.(?:jpg|jpeg|png|gif))?))$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Convention();
}
