using System.Text;

namespace NextRouteHandlers.Urls;

/// <summary>
/// The URL corrections Next.js makes before routing: runs of <c>/</c> and any <c>\</c> are a 308 to the collapsed
/// path, and dot segments (<c>.</c>, <c>..</c>, also percent-encoded) are resolved so no path climbs above the root
/// (<see cref="Normalize"/>); a trailing slash is a 308 to the path without it, or with <c>trailingSlash: true</c> a
/// missing one is a 308 to the path with it (<see cref="TrailingSlashRedirect"/>, which runs later, after the
/// next.config headers). The query is kept on every redirect.
/// </summary>
internal static class PathNormalizer
{
    /// <summary>Collapses slashes (as a redirect) or resolves dot segments.</summary>
    /// <param name="rawPath">The path as the client sent it, percent-encoded, starting with <c>/</c>.</param>
    /// <param name="rawQuery">The query as sent, with its <c>?</c>, or empty.</param>
    public static PathNormalization Normalize(string rawPath, string rawQuery)
    {
        ArgumentNullException.ThrowIfNull(rawPath);
        ArgumentNullException.ThrowIfNull(rawQuery);
        if (rawPath.Length == 0) rawPath = "/";

        if (rawPath.Contains('\\') || rawPath.Contains("//", StringComparison.Ordinal))
        {
            return new PathNormalization(rawPath, CollapseSlashes(rawPath) + rawQuery);
        }

        return new PathNormalization(RemoveDotSegments(rawPath), null);
    }

    /// <summary>The 308 target (path and query) that Next.js's <c>trailingSlash</c> option calls for, or null.</summary>
    /// <param name="path">A normalised path (see <see cref="Normalize"/>), with the base path.</param>
    /// <param name="rawQuery">The query as sent, with its <c>?</c>, or empty.</param>
    /// <param name="trailingSlash">The <c>trailingSlash</c> option: false (default) removes trailing slashes, true adds them.</param>
    public static string? TrailingSlashRedirect(string path, string rawQuery, bool trailingSlash)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(rawQuery);
        if (path == "/") return null;

        var endsWithSlash = path[^1] == '/';
        if (!trailingSlash) return endsWithSlash ? path[..^1] + rawQuery : null;

        if (path.StartsWith("/.well-known/", StringComparison.Ordinal)) return null;
        var trimmed = endsWithSlash ? path[..^1] : path;
        var lastSegment = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        var looksLikeFile = LooksLikeFile(lastSegment);
        if (looksLikeFile && endsWithSlash) return trimmed + rawQuery;
        if (!looksLikeFile && !endsWithSlash) return path + "/" + rawQuery;
        return null;
    }

    /// <summary>Replaces every run of <c>/</c> and <c>\</c> with one <c>/</c>.</summary>
    /// <param name="path">A path.</param>
    public static string CollapseSlashes(string path)
    {
        var builder = new StringBuilder(path.Length);
        var previousSlash = false;
        foreach (var c in path)
        {
            var slash = c is '/' or '\\';
            if (slash && previousSlash) continue;
            builder.Append(slash ? '/' : c);
            previousSlash = slash;
        }

        return builder.ToString();
    }

    /// <summary>Resolves <c>.</c> and <c>..</c> segments (also <c>%2e</c> forms) as a WHATWG URL parser does; never above the root.</summary>
    /// <param name="path">A path starting with <c>/</c>.</param>
    public static string RemoveDotSegments(string path)
    {
        if (!path.Contains('.', StringComparison.Ordinal) && !path.Contains("%2", StringComparison.Ordinal)) return path;
        var parts = path.Split('/');
        var output = new List<string>(parts.Length);
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            var last = i == parts.Length - 1;
            if (IsSingleDot(part))
            {
                if (last) output.Add(string.Empty);
                continue;
            }

            if (IsDoubleDot(part))
            {
                if (output.Count > 0) output.RemoveAt(output.Count - 1);
                if (last) output.Add(string.Empty);
                continue;
            }

            output.Add(part);
        }

        return "/" + string.Join('/', output);
    }

    private static bool IsSingleDot(string part) => part == "." || part.Equals("%2e", StringComparison.OrdinalIgnoreCase);

    private static bool IsDoubleDot(string part) =>
        part == ".." || part.Equals(".%2e", StringComparison.OrdinalIgnoreCase) || part.Equals("%2e.", StringComparison.OrdinalIgnoreCase) || part.Equals("%2e%2e", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeFile(string segment)
    {
        var dot = segment.LastIndexOf('.');
        if (dot < 0 || dot == segment.Length - 1) return false;
        for (var i = dot + 1; i < segment.Length; i++)
        {
            var c = segment[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        }

        return true;
    }
}
