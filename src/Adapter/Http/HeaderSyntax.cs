namespace NextRouteHandlers.Http;

/// <summary>
/// The rules of a header name and value that <see cref="Headers"/> enforces as the Fetch standard does: a name is an
/// RFC 9110 token and is stored lower-case; a value loses its leading and trailing whitespace and may not hold CR, LF
/// or NUL, so no handler can split a response.
/// </summary>
internal static class HeaderSyntax
{
    /// <summary>Checks a name and value and returns them as stored: the name lower-case, the value trimmed.</summary>
    /// <exception cref="ArgumentException">The name is empty or not a token, or the value holds CR, LF or NUL.</exception>
    public static (string Name, string Value) Normalize(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.Length == 0) throw new ArgumentException("A header name may not be empty.", nameof(name));
        foreach (var c in name)
        {
            if (!IsTokenChar(c)) throw new ArgumentException($"'{name}' is not a valid header name.", nameof(name));
        }

        var trimmed = value.Trim(' ', '\t', '\r', '\n');
        if (trimmed.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0) throw new ArgumentException($"The value of header '{name}' contains CR, LF or NUL.", nameof(value));
        return (name.ToLowerInvariant(), trimmed);
    }

    private static bool IsTokenChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
