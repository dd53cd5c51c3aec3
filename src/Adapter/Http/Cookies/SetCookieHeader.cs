using System.Globalization;
using System.Text;
using NextRouteHandlers.Urls;

namespace NextRouteHandlers.Http;

/// <summary>
/// Writes and reads <c>Set-Cookie</c> values exactly as Next.js's cookie library does: <c>name=value</c> with the
/// value URI-component encoded, then <c>Path</c> (default <c>/</c>), <c>Expires</c>, <c>Max-Age</c>, <c>Domain</c>,
/// <c>Secure</c>, <c>HttpOnly</c>, <c>SameSite</c> (lower case), <c>Partitioned</c>, <c>Priority</c>, in that order.
/// </summary>
internal static class SetCookieHeader
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.FromUnixTimeMilliseconds(0);

    /// <summary>The value of a <c>Set-Cookie</c> header for <paramref name="cookie"/>.</summary>
    /// <param name="cookie">The cookie, with <see cref="CookieOptions.Expires"/> already filled from a non-zero max-age.</param>
    public static string Serialize(ResponseCookie cookie)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        var builder = new StringBuilder(cookie.Name.Length + cookie.Value.Length + 32);
        builder.Append(cookie.Name).Append('=').Append(UriComponent.Encode(cookie.Value));
        builder.Append("; Path=").Append(cookie.Path ?? "/");
        if (cookie.Expires is { } expires) builder.Append("; Expires=").Append(expires.UtcDateTime.ToString("r", CultureInfo.InvariantCulture));
        if (cookie.MaxAge is { } maxAge) builder.Append("; Max-Age=").Append(maxAge.ToString(CultureInfo.InvariantCulture));
        if (cookie.Domain is not null) builder.Append("; Domain=").Append(cookie.Domain);
        if (cookie.Secure) builder.Append("; Secure");
        if (cookie.HttpOnly) builder.Append("; HttpOnly");
        if (cookie.SameSite is not null) builder.Append("; SameSite=").Append(cookie.SameSite.ToLowerInvariant());
        if (cookie.Partitioned) builder.Append("; Partitioned");
        if (cookie.Priority is not null) builder.Append("; Priority=").Append(cookie.Priority.ToLowerInvariant());
        return builder.ToString();
    }

    /// <summary>The cookie that deletes <paramref name="name"/>: an empty value expiring at the epoch.</summary>
    /// <param name="name">The cookie name.</param>
    /// <param name="path">The path it was set with, or null for <c>/</c>.</param>
    /// <param name="domain">The domain it was set with, or null.</param>
    public static ResponseCookie Deletion(string name, string? path = null, string? domain = null) =>
        new(name, string.Empty) { Path = path, Domain = domain, Expires = Epoch };

    /// <summary>Parses one <c>Set-Cookie</c> value; attribute names are case-insensitive, unknown ones are ignored.</summary>
    /// <param name="header">The header value.</param>
    /// <returns>The cookie, or null when the value has no <c>name=</c> part.</returns>
    public static ResponseCookie? Parse(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var parts = header.Split(';');
        var pair = parts[0];
        var eq = pair.IndexOf('=');
        if (eq <= 0) return null;
        var name = pair[..eq].Trim();
        var raw = pair[(eq + 1)..].Trim();
        var cookie = new ResponseCookie(name, UriComponent.TryDecode(raw, out var decoded) ? decoded : raw);
        foreach (var part in parts.Skip(1))
        {
            var attributeEq = part.IndexOf('=');
            var key = (attributeEq < 0 ? part : part[..attributeEq]).Trim().ToLowerInvariant();
            var value = attributeEq < 0 ? string.Empty : part[(attributeEq + 1)..].Trim();
            cookie = key switch
            {
                "path" => cookie with { Path = value },
                "domain" => cookie with { Domain = value },
                "expires" when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires) => cookie with { Expires = expires },
                "max-age" when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var maxAge) => cookie with { MaxAge = maxAge },
                "secure" => cookie with { Secure = true },
                "httponly" => cookie with { HttpOnly = true },
                "samesite" when value.ToLowerInvariant() is "lax" or "strict" or "none" => cookie with { SameSite = value.ToLowerInvariant() },
                "partitioned" => cookie with { Partitioned = true },
                "priority" when value.ToLowerInvariant() is "low" or "medium" or "high" => cookie with { Priority = value.ToLowerInvariant() },
                _ => cookie,
            };
        }

        return cookie;
    }
}
