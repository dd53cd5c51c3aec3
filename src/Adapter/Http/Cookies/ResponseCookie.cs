namespace NextRouteHandlers.Http;

/// <summary>A cookie to set on a response, with Next.js's option names.</summary>
/// <param name="Name">The cookie name; sent as is.</param>
/// <param name="Value">The value; sent with <c>encodeURIComponent</c>.</param>
public sealed record ResponseCookie(string Name, string Value)
{
    /// <summary>The path; <c>/</c> when null, as in Next.js.</summary>
    public string? Path { get; init; }

    /// <summary>The domain, or null.</summary>
    public string? Domain { get; init; }

    /// <summary>When the cookie expires, or null. Set automatically from a non-zero <see cref="MaxAge"/>.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>The lifetime in seconds, or null. Zero deletes the cookie at once.</summary>
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
