namespace NextRouteHandlers.Proxy;

/// <summary>
/// A <c>has</c> or <c>missing</c> condition of a proxy matcher or a next.config rule: the request must (or must not)
/// carry the header, cookie, query parameter or host, and when <see cref="Value"/> is set its value must match that
/// regular expression as a whole. Named groups of the expression (<c>(?&lt;id&gt;\d+)</c>), and the key of a condition
/// without a value, become parameters a destination or header value can use (<c>:id</c>).
/// </summary>
/// <example>
/// <code>
/// new RouteHas(RouteHasType.Header, "x-version", "2");
/// new RouteHas(RouteHasType.Cookie, "session");
/// new RouteHas(RouteHasType.Host, value: "(?&lt;tenant&gt;[a-z]+)\\.example\\.com");
/// </code>
/// </example>
public sealed class RouteHas
{
    /// <summary>Creates an empty condition, for configuration binding.</summary>
    public RouteHas()
    {
    }

    /// <summary>Creates a condition.</summary>
    /// <param name="type">What the condition looks at.</param>
    /// <param name="key">The header, cookie or query name; null for <see cref="RouteHasType.Host"/>.</param>
    /// <param name="value">A regular expression the whole value must match, or null for "present with a non-empty value".</param>
    public RouteHas(RouteHasType type, string? key = null, string? value = null)
    {
        Type = type;
        Key = key;
        Value = value;
    }

    /// <summary>What the condition looks at.</summary>
    public RouteHasType Type { get; set; }

    /// <summary>The header, cookie or query parameter name; unused for <see cref="RouteHasType.Host"/>.</summary>
    public string? Key { get; set; }

    /// <summary>A regular expression (case-sensitive) the whole value must match; null accepts any non-empty value.</summary>
    public string? Value { get; set; }
}
