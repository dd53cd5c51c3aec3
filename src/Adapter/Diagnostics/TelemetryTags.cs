namespace NextRouteHandlers.Diagnostics;

/// <summary>
/// The attribute names of the library's spans and metrics: OpenTelemetry's HTTP semantic conventions where they
/// apply, Next.js's own (<c>next.route</c>, <c>next.span_type</c>) so that its dashboards translate, and
/// <c>nextroutehandlers.*</c> for the rest. No value ever carries request data: routes are patterns, keys are hashed.
/// </summary>
internal static class TelemetryTags
{
    public const string HttpRoute = "http.route";
    public const string HttpMethod = "http.request.method";
    public const string HttpStatus = "http.response.status_code";
    public const string ErrorType = "error.type";
    public const string NextRoute = "next.route";
    public const string NextSpanType = "next.span_type";
    public const string CacheStatus = "nextroutehandlers.cache.status";
    public const string CacheResult = "nextroutehandlers.cache.result";
    public const string CacheKeyHash = "nextroutehandlers.cache.key_hash";
    public const string RouterDecision = "nextroutehandlers.router.decision";
    public const string ProxyRan = "nextroutehandlers.proxy.ran";
    public const string ProxyOutcome = "nextroutehandlers.proxy.outcome";
    public const string Rewrite = "nextroutehandlers.rewrite";
    public const string StoreKind = "nextroutehandlers.store.kind";
    public const string StoreOperation = "nextroutehandlers.store.operation";
    public const string RegenerationTrigger = "nextroutehandlers.regeneration.trigger";
    public const string FailureKind = "nextroutehandlers.failure.kind";
    public const string TagCount = "nextroutehandlers.tags.count";
    public const string RouteCount = "nextroutehandlers.prerender.routes";
}
