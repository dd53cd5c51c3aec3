using NextRouteHandlers.Caching;
using NextRouteHandlers.Urls;

namespace NextRouteHandlers.Cdn;

/// <summary>
/// The public paths an invalidated tag stands for without looking anything up, from Next.js's implicit tags: a
/// path's own tag (<c>_N_T_/blog/a</c>) is that path; a layout tag of a folder without dynamic segments
/// (<c>_N_T_/(site)/blog/layout</c>) is the folder and everything below it (<c>/blog</c>, <c>/blog/*</c>);
/// <c>_N_T_/layout</c> is the whole app. Other tags (a handler's own, or layouts below a dynamic segment) stand for
/// the paths the index recorded with them.
/// </summary>
internal static class PurgeTargets
{
    private const string Layout = "/layout";

    /// <summary>The paths <paramref name="tag"/> stands for by itself (with the base path in front), or none.</summary>
    /// <param name="tag">An invalidated tag.</param>
    /// <param name="basePath">next.config's base path, or empty.</param>
    public static IReadOnlyList<string> Of(string tag, string basePath)
    {
        ArgumentNullException.ThrowIfNull(tag);
        basePath ??= string.Empty;
        if (!tag.StartsWith(ImplicitTags.Prefix + "/", StringComparison.Ordinal)) return [];
        var path = tag[ImplicitTags.Prefix.Length..];
        if (path == Layout) return basePath.Length == 0 ? ["/*"] : [basePath, basePath + "/*"];
        if (path.EndsWith(Layout, StringComparison.Ordinal))
        {
            if (PublicFolder(path[..^Layout.Length]) is not { } folder) return [];
            var prefix = basePath + folder;
            return prefix.Length == 0 ? ["/*"] : [prefix, prefix + "/*"];
        }

        // A route's own tag (_N_T_/items/[id]/route) names a pattern, not a path; the index knows its paths.
        if (path.EndsWith("/route", StringComparison.Ordinal) || path.EndsWith("/page", StringComparison.Ordinal) || path.Contains('[', StringComparison.Ordinal)) return [];
        if (path is "/" or "/index") return [basePath.Length == 0 ? "/" : basePath];
        return [basePath + Encoded(path)];
    }

    /// <summary>The URL folder of an app folder (route groups dropped), or null when a segment is dynamic.</summary>
    private static string? PublicFolder(string appFolder)
    {
        var segments = new List<string>();
        foreach (var segment in appFolder.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith('[')) return null;
            if (segment.StartsWith('(') && segment.EndsWith(')')) continue;
            segments.Add(UriComponent.Encode(segment));
        }

        return segments.Count == 0 ? string.Empty : "/" + string.Join('/', segments);
    }

    private static string Encoded(string decodedPath) =>
        string.Join('/', decodedPath.Split('/').Select(UriComponent.Encode));
}
