namespace NextRouteHandlers.Http;

/// <summary>The options of <c>cookies.set(name, value, options)</c>; a <see cref="ResponseCookie"/> is these plus a name and value.</summary>
public record CookieOptions
{
    /// <summary>The path; <c>/</c> when null.</summary>
    public string? Path { get; init; }

    /// <summary>The domain, or null.</summary>
    public string? Domain { get; init; }

    /// <summary>When the cookie expires, or null. Set automatically from a non-zero <see cref="MaxAge"/>.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>The lifetime in seconds, or null; a non-zero value also sets <c>Expires</c>, and zero deletes the cookie at once.</summary>
    public long? MaxAge { get; init; }

    /// <summary>Send only over HTTPS.</summary>
    public bool Secure { get; init; }

    /// <summary>Hide from client scripts.</summary>
    public bool HttpOnly { get; init; }

    /// <summary><c>lax</c>, <c>strict</c> or <c>none</c> (written in lower case, as Next.js does), or null.</summary>
    public string? SameSite { get; init; }

    /// <summary>Partitioned (CHIPS).</summary>
    public bool Partitioned { get; init; }

    /// <summary><c>low</c>, <c>medium</c> or <c>high</c>, or null.</summary>
    public string? Priority { get; init; }
}
