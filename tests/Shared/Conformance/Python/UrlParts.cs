namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Splits a URL or request target the way Python's <c>urllib.parse.urlsplit</c> does, for the parts replay.py uses:
/// an optional <c>scheme:</c>, an authority after <c>//</c>, the path, and the query and fragment, which are dropped.
/// (<c>//x/y</c> is authority <c>x</c> and path <c>/y</c>, as in Python.)
/// </summary>
public static class UrlParts
{
    /// <summary>The authority and path of <paramref name="url"/>.</summary>
    /// <param name="url">A URL or a request target.</param>
    public static (string Authority, string Path) Split(string url)
    {
        var rest = url;
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && char.IsAsciiLetter(rest[0]) && rest[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) rest = rest[(colon + 1)..];

        var authority = string.Empty;
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var end = rest.IndexOfAny(['/', '?', '#'], 2);
            authority = end < 0 ? rest[2..] : rest[2..end];
            rest = end < 0 ? string.Empty : rest[end..];
        }

        var cut = rest.IndexOfAny(['?', '#']);
        return (authority, cut < 0 ? rest : rest[..cut]);
    }
}
