namespace NextRouteHandlers.Proxy;

/// <summary>
/// One entry of a proxy's <c>Matcher</c> (Next.js's <c>config.matcher</c>): a path pattern the request path must
/// match, case-sensitively, plus optional <see cref="Has"/> and <see cref="Missing"/> conditions. A string converts
/// to a matcher without conditions, so <c>Matcher = ["/api/:path*", new("/admin/:path*") { Has = [...] }]</c> works.
/// </summary>
public sealed class ProxyMatcher
{
    /// <summary>Creates a matcher.</summary>
    /// <param name="source">A path-to-regexp pattern starting with <c>/</c> (<c>/api/:path*</c>); checked when the app is built.</param>
    public ProxyMatcher(string source)
    {
        Source = source ?? throw new ArgumentNullException(nameof(source));
    }

    /// <summary>The path pattern.</summary>
    public string Source { get; }

    /// <summary>Conditions the request must meet as well.</summary>
    public IReadOnlyList<RouteHas> Has { get; init; } = [];

    /// <summary>Conditions the request must not meet.</summary>
    public IReadOnlyList<RouteHas> Missing { get; init; } = [];

    /// <summary>A matcher without conditions.</summary>
    /// <param name="source">The path pattern.</param>
    public static implicit operator ProxyMatcher(string source) => FromSource(source);

    /// <summary>A matcher without conditions (the named form of the conversion from <see cref="string"/>).</summary>
    /// <param name="source">The path pattern.</param>
    public static ProxyMatcher FromSource(string source) => new(source);

    /// <inheritdoc />
    public override string ToString() => Source;
}
