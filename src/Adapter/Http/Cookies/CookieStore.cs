namespace NextRouteHandlers.Http;

/// <summary>
/// What <see cref="Next.Cookies"/> returns in a route handler: the request's cookies, which the handler may change.
/// Reads see earlier changes of the same request; the changed cookies are written to whatever response the handler
/// returns (or redirects with), and a cookie of the same name set on that response wins.
/// </summary>
public sealed class CookieStore
{
    private readonly Dictionary<string, ResponseCookie> _cookies = new(StringComparer.Ordinal);
    private readonly HashSet<string> _modified = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly bool _readOnly;
    private volatile string? _refusal;

    /// <summary>Seeds the store from the request's cookies.</summary>
    /// <param name="requestCookies">The cookies the client sent.</param>
    /// <param name="readOnly">True for a <c>force-static</c> route, whose store is empty and refuses changes.</param>
    /// <param name="time">The clock for <c>Expires</c> from <c>MaxAge</c>.</param>
    public CookieStore(RequestCookies requestCookies, bool readOnly, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(requestCookies);
        _time = time ?? TimeProvider.System;
        _readOnly = readOnly;
        foreach (var cookie in requestCookies) _cookies[cookie.Name] = new ResponseCookie(cookie.Name, cookie.Value) { Path = "/" };
    }

    /// <summary>True when changes throw: a <c>force-static</c> route, or work scheduled with <c>Next.After</c>, which runs after the response was sent.</summary>
    public bool IsReadOnly => _readOnly || _refusal is not null;

    /// <summary>True once a cookie was set or deleted.</summary>
    public bool IsModified => _modified.Count > 0;

    /// <summary>The cookie named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The cookie name.</param>
    public ResponseCookie? Get(string name) => _cookies.GetValueOrDefault(name);

    /// <summary>Every cookie: the request's, with this request's changes.</summary>
    public IReadOnlyList<ResponseCookie> GetAll() => _cookies.Values.ToArray();

    /// <summary>True when a cookie named <paramref name="name"/> exists.</summary>
    /// <param name="name">The cookie name.</param>
    public bool Has(string name) => _cookies.ContainsKey(name);

    /// <summary>Sets a cookie on the response.</summary>
    /// <param name="name">The cookie name.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">Path, expiry and flags.</param>
    public CookieStore Set(string name, string value, CookieOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return Set(new ResponseCookie(name, value, options ?? new CookieOptions()));
    }

    /// <summary>Sets a cookie on the response.</summary>
    /// <param name="cookie">The cookie.</param>
    public CookieStore Set(ResponseCookie cookie)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        if (_refusal is { } refusal) throw new InvalidOperationException(refusal);
        if (_readOnly) throw new InvalidOperationException("Cookies can only be modified in a dynamic route handler; this route is force-static.");
        return SetUnchecked(cookie);
    }

    /// <summary>Makes every later change throw with <paramref name="refusal"/>: the response these cookies were for has been sent.</summary>
    /// <param name="refusal">Why changes are refused.</param>
    internal void Freeze(string refusal) => _refusal = refusal;

    /// <summary>
    /// Sets a cookie even when the store is read-only: for draft mode, which Next.js lets a <c>force-static</c> route
    /// enable and disable (its provider writes to the response cookies directly, not through <c>cookies()</c>).
    /// </summary>
    /// <param name="cookie">The cookie.</param>
    internal CookieStore SetUnchecked(ResponseCookie cookie)
    {
        if (cookie.MaxAge is { } maxAge and not 0 && cookie.Expires is null) cookie = cookie with { Expires = _time.GetUtcNow().AddSeconds(maxAge) };
        _cookies[cookie.Name] = cookie;
        _modified.Add(cookie.Name);
        return this;
    }

    /// <summary>Deletes a cookie on the client: an empty value expiring at the epoch.</summary>
    /// <param name="name">The cookie name.</param>
    /// <param name="path">The path it was set with, or null.</param>
    /// <param name="domain">The domain it was set with, or null.</param>
    public CookieStore Delete(string name, string? path = null, string? domain = null) => Set(SetCookieHeader.Deletion(name, path, domain));

    /// <summary>
    /// Writes the changed cookies onto <paramref name="headers"/> as Next.js does: the response's own cookies keep
    /// their place and win by name; changed cookies the response does not set follow them.
    /// </summary>
    /// <param name="headers">The headers of the response the handler returned.</param>
    public void ApplyTo(Headers headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!IsModified) return;
        var responseCookies = new ResponseCookies(headers, _time);
        var returned = responseCookies.GetAll();
        foreach (var cookie in _cookies.Values.Where(c => _modified.Contains(c.Name))) responseCookies.Set(cookie);
        foreach (var cookie in returned) responseCookies.Set(cookie);
    }
}
