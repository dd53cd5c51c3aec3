namespace NextRouteHandlers.Caching;

/// <summary>
/// The tags every cached response carries (Next.js's implicit tags, prefix <c>_N_T_</c>), and the tags
/// <c>RevalidatePath</c> invalidates. For <c>/api/items/[id]/route</c> at <c>/api/items/5</c>:
/// <c>_N_T_/layout</c>, <c>_N_T_/api/layout</c>, <c>_N_T_/api/items/layout</c>, <c>_N_T_/api/items/[id]/layout</c>,
/// <c>_N_T_/api/items/[id]/route</c>, <c>_N_T_/api/items/5</c>.
/// </summary>
internal static class ImplicitTags
{
    /// <summary>The prefix of implicit tags.</summary>
    public const string Prefix = "_N_T_";

    /// <summary>The implicit tags of a response.</summary>
    /// <param name="appPath">The route's app path, with groups and leaf (<c>/(shop)/items/[id]/route</c>).</param>
    /// <param name="pathname">The decoded request path (<c>/items/5</c>).</param>
    public static IReadOnlyList<string> For(string appPath, string pathname)
    {
        ArgumentNullException.ThrowIfNull(appPath);
        ArgumentNullException.ThrowIfNull(pathname);
        var tags = new List<string> { Prefix + "/layout" };
        var parts = appPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var prefix = string.Empty;
        for (var i = 0; i < parts.Length; i++)
        {
            prefix += "/" + parts[i];
            var last = i == parts.Length - 1;
            tags.Add(Prefix + (last && parts[i] is "route" or "page" ? prefix : prefix + "/layout"));
        }

        tags.Add(Prefix + pathname);
        return tags.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The tags <c>RevalidatePath(path, type)</c> invalidates: the path's own tag, with <c>/layout</c> or <c>/page</c> when a type is given.</summary>
    /// <param name="path">The path or route pattern.</param>
    /// <param name="type"><c>layout</c>, <c>page</c>, or null.</param>
    public static IReadOnlyList<string> ForRevalidatePath(string path, string? type)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = path.Length > 1 ? path.TrimEnd('/') : path;
        if (normalized.Length == 0) normalized = "/";
        if (type is not null)
        {
            return [Prefix + (normalized == "/" ? string.Empty : normalized) + "/" + type];
        }

        return normalized switch
        {
            "/" => [Prefix + "/", Prefix + "/index"],
            "/index" => [Prefix + "/index", Prefix + "/"],
            _ => [Prefix + normalized],
        };
    }
}
