namespace NextRouteHandlers.Cdn;

/// <summary>
/// Turns the paths to purge into Front Door purge requests: duplicates dropped (Front Door compares paths without
/// case), paths under a wildcard (<c>/blog/*</c>, or <c>/*</c> for everything) folded into it, query strings removed
/// (a purge covers every query of a path), and the rest cut into batches of at most <see cref="MaxPathsPerRequest"/>.
/// </summary>
internal static class PurgePlan
{
    /// <summary>The most paths one purge request may carry.</summary>
    public const int MaxPathsPerRequest = 100;

    /// <summary>The purge requests for <paramref name="paths"/>, each a sorted list of paths.</summary>
    /// <param name="paths">Paths starting with <c>/</c>, optionally ending in <c>/*</c>.</param>
    public static IReadOnlyList<IReadOnlyList<string>> Batches(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var distinct = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
        {
            if (Normalized(path) is { } normalized) distinct.Add(normalized);
        }

        var folders = distinct.Where(p => p.EndsWith("/*", StringComparison.Ordinal)).Select(p => p[..^1]).ToArray();
        var kept = distinct.Where(p => !folders.Any(folder => Covers(folder, p))).ToArray();
        return kept.Chunk(MaxPathsPerRequest).Select(batch => (IReadOnlyList<string>)batch).ToArray();
    }

    /// <summary>True when the folder wildcard (<paramref name="folder"/> ends in <c>/</c>) covers <paramref name="path"/>, itself excepted.</summary>
    private static bool Covers(string folder, string path)
    {
        var wildcard = folder + "*";
        return !string.Equals(wildcard, path, StringComparison.OrdinalIgnoreCase) && path.StartsWith(folder, StringComparison.OrdinalIgnoreCase);
    }

    private static string? Normalized(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path[0] != '/') return null;
        var query = path.IndexOfAny(['?', '#']);
        return query < 0 ? path : path[..query];
    }
}
