namespace NextRouteHandlers.Http;

/// <summary>A cookie to set on a response: a name, a value, and the <see cref="CookieOptions"/> (Next.js's <c>ResponseCookie</c>).</summary>
public sealed record ResponseCookie : CookieOptions
{
    /// <summary>Creates a cookie with default options (<c>Path=/</c>, a session cookie).</summary>
    /// <param name="name">The cookie name; sent as is.</param>
    /// <param name="value">The value; sent with <c>encodeURIComponent</c>.</param>
    public ResponseCookie(string name, string value)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Creates a cookie with the given options.</summary>
    /// <param name="name">The cookie name; sent as is.</param>
    /// <param name="value">The value; sent with <c>encodeURIComponent</c>.</param>
    /// <param name="options">Path, expiry and flags.</param>
    public ResponseCookie(string name, string value, CookieOptions options)
        : base(options ?? throw new ArgumentNullException(nameof(options)))
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The cookie name; sent as is.</summary>
    public string Name { get; init; }

    /// <summary>The value; sent with <c>encodeURIComponent</c>.</summary>
    public string Value { get; init; }
}
