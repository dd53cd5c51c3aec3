namespace NextRouteHandlers.Proxy;

/// <summary>
/// The three phases of next.config <c>rewrites()</c>. Each phase tries its rules in order, and a rewrite feeds the
/// next rule: <see cref="BeforeFiles"/> run before any route is matched (so they can shadow routes),
/// <see cref="AfterFiles"/> after static routes and before dynamic ones, <see cref="Fallback"/> when no route matched.
/// </summary>
public sealed class RewriteRules
{
    /// <summary>Rules tried after the proxy, before any route.</summary>
    public List<RewriteRule> BeforeFiles { get; set; } = [];

    /// <summary>Rules tried when no static route matches, before dynamic routes; a plain list in configuration means these.</summary>
    public List<RewriteRule> AfterFiles { get; set; } = [];

    /// <summary>Rules tried when no route matches at all.</summary>
    public List<RewriteRule> Fallback { get; set; } = [];
}
