namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// A header value read as a set of comma-separated tokens (<c>Vary</c>, <c>Allow</c>): tokens are trimmed, empty ones
/// and ignored ones dropped, and with <c>caseInsensitive</c> every token is lower-cased. An absent header is the empty set.
/// </summary>
public static class TokenSet
{
    /// <summary>The tokens of <paramref name="value"/>.</summary>
    /// <param name="value">The header value, or <see langword="null"/> when absent.</param>
    /// <param name="ignore">Tokens to drop (already lower-cased when <paramref name="caseInsensitive"/>).</param>
    /// <param name="caseInsensitive">Whether to lower-case the tokens.</param>
    public static SortedSet<string> Of(string? value, IReadOnlySet<string> ignore, bool caseInsensitive)
    {
        var tokens = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in (value ?? string.Empty).Split(','))
        {
            var token = raw.Trim();
            var key = caseInsensitive ? token.ToLowerInvariant() : token;
            if (token.Length > 0 && !ignore.Contains(key)) tokens.Add(key);
        }

        return tokens;
    }
}
