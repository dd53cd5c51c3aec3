namespace NextRouteHandlers.Http;

/// <summary>The options of <c>cookies.set(name, value, options)</c>.</summary>
public sealed record CookieOptions
{
    /// <summary>The path; <c>/</c> when null.</summary>
    public string? Path { get; init; }

    /// <summary>The domain, or null.</summary>
    public string? Domain { get; init; }

    /// <summary>When the cookie expires, or null.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>The lifetime in seconds, or null; a non-zero value also sets <c>Expires</c>.</summary>
    public long? MaxAge { get; init; }

    /// <summary>Send only over HTTPS.</summary>
    public bool Secure { get; init; }

    /// <summary>Hide from client scripts.</summary>
    public bool HttpOnly { get; init; }

    /// <summary><c>lax</c>, <c>strict</c> or <c>none</c>, or null.</summary>
    public string? SameSite { get; init; }

    /// <summary>Partitioned (CHIPS).</summary>
    public bool Partitioned { get; init; }

    /// <summary><c>low</c>, <c>medium</c> or <c>high</c>, or null.</summary>
    public string? Priority { get; init; }

    internal ResponseCookie Apply(string name, string value) => new(name, value)
    {
        Path = Path, Domain = Domain, Expires = Expires, MaxAge = MaxAge, Secure = Secure, HttpOnly = HttpOnly,
        SameSite = SameSite, Partitioned = Partitioned, Priority = Priority,
    };
}
