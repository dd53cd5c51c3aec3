namespace NextRouteHandlers.Http;

/// <summary>
/// The cookies of a response (<c>response.cookies</c> in Next.js), kept in the response's <c>Set-Cookie</c>
/// headers: one header per cookie, keyed by name only (setting a name again replaces it, even with another
/// path), and every change rewrites all <c>Set-Cookie</c> headers, as Next.js's <c>ResponseCookies</c> does.
/// </summary>
public sealed class ResponseCookies
{
    private readonly Headers _headers;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, ResponseCookie> _cookies = new(StringComparer.Ordinal);

    /// <summary>Wraps the headers of a response, reading the cookies it already sets.</summary>
    /// <param name="headers">The response headers.</param>
    /// <param name="time">The clock for <c>Expires</c> from <c>MaxAge</c>; the system clock when null.</param>
    public ResponseCookies(Headers headers, TimeProvider? time = null)
    {
        _headers = headers ?? throw new ArgumentNullException(nameof(headers));
        _time = time ?? TimeProvider.System;
        foreach (var value in headers.GetSetCookie())
        {
            if (SetCookieHeader.Parse(value) is { } cookie) _cookies[cookie.Name] = cookie;
        }
    }

    /// <summary>The cookie named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The cookie name.</param>
    public ResponseCookie? Get(string name) => _cookies.GetValueOrDefault(name);

    /// <summary>Every cookie, in the order first set.</summary>
    public IReadOnlyList<ResponseCookie> GetAll() => _cookies.Values.ToArray();

    /// <summary>True when the response sets <paramref name="name"/>.</summary>
    /// <param name="name">The cookie name.</param>
    public bool Has(string name) => _cookies.ContainsKey(name);

    /// <summary>Sets a cookie (<c>cookies.set(name, value, options)</c>).</summary>
    /// <param name="name">The cookie name.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">Path, expiry and flags.</param>
    public ResponseCookies Set(string name, string value, CookieOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return Set(new ResponseCookie(name, value, options ?? new CookieOptions()));
    }

    /// <summary>Sets a cookie (<c>cookies.set({ name, value, ... })</c>).</summary>
    /// <param name="cookie">The cookie.</param>
    public ResponseCookies Set(ResponseCookie cookie)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        if (cookie.MaxAge is { } maxAge and not 0 && cookie.Expires is null)
        {
            cookie = cookie with { Expires = _time.GetUtcNow().AddSeconds(maxAge) };
        }

        _cookies[cookie.Name] = cookie;
        Rewrite();
        return this;
    }

    /// <summary>Deletes a cookie: sets it empty, expiring at the epoch.</summary>
    /// <param name="name">The cookie name.</param>
    /// <param name="path">The path it was set with, or null.</param>
    /// <param name="domain">The domain it was set with, or null.</param>
    public ResponseCookies Delete(string name, string? path = null, string? domain = null) => Set(SetCookieHeader.Deletion(name, path, domain));

    private void Rewrite()
    {
        _headers.Delete("set-cookie");
        foreach (var cookie in _cookies.Values) _headers.Append("set-cookie", SetCookieHeader.Serialize(cookie));
    }
}
