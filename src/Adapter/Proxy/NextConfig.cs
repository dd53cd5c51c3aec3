namespace NextRouteHandlers.Proxy;

/// <summary>
/// The routing part of Next.js's <c>next.config</c>: <c>basePath</c>, <c>trailingSlash</c>, <c>headers()</c>,
/// <c>redirects()</c> and <c>rewrites()</c>. Bound from the <c>Next</c> configuration section (appsettings.json,
/// environment variables such as <c>Next__BasePath</c>), and settable in code with
/// <c>services.Configure&lt;NextConfig&gt;(...)</c>. Every rule is checked when the app starts; an invalid one stops
/// startup with a message naming it.
/// </summary>
/// <example>
/// <code>
/// "Next": {
///   "Redirects": [ { "Source": "/old/:slug", "Destination": "/new/:slug", "Permanent": true } ],
///   "Rewrites": [ { "Source": "/blog/:slug", "Destination": "/api/posts/:slug" } ]
/// }
/// </code>
/// </example>
public sealed class NextConfig
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Next";

    /// <summary>
    /// <c>basePath</c>: the path prefix every route lives under (<c>/docs</c>), or empty. Requests outside it are 404;
    /// <c>NextUrl.Pathname</c> leaves it out, <c>NextUrl.BasePath</c> holds it, and <c>request.Url</c> keeps it.
    /// Rule sources match the path without it; relative redirect destinations get it added.
    /// </summary>
    public string BasePath { get; set; } = string.Empty;

    /// <summary>
    /// <c>trailingSlash</c>: false (default) redirects <c>/x/</c> to <c>/x</c>; true redirects <c>/x</c> to <c>/x/</c>
    /// (paths whose last segment looks like a file, and <c>/.well-known/</c>, excepted).
    /// </summary>
    public bool TrailingSlash { get; set; }

    /// <summary><c>headers()</c>: response headers for matching paths; for one name the later rule wins.</summary>
    public List<HeaderRule> Headers { get; set; } = [];

    /// <summary><c>redirects()</c>: the first matching rule answers with a redirect.</summary>
    public List<RedirectRule> Redirects { get; set; } = [];

    /// <summary>
    /// <c>rewrites()</c>: serve another path of the app without changing the URL. In configuration either a list (the
    /// <c>afterFiles</c> rewrites) or an object with <c>BeforeFiles</c>, <c>AfterFiles</c> and <c>Fallback</c> lists.
    /// </summary>
    public RewriteRules Rewrites { get; set; } = new();
}
