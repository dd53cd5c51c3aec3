using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Diagnostics;
using NextRouteHandlers.Http;
using NextRouteHandlers.Invocation;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Proxy;
using NextRouteHandlers.Rendering;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Urls;

namespace NextRouteHandlers.Pipeline;

/// <summary>
/// Next.js's router (spec section 7.2), up to the route: collapse repeated slashes (308) and resolve dot segments;
/// remove the base path (404 outside it); take the public origin from the forwarded headers; add next.config headers;
/// the trailing-slash redirect; refuse methods no handler can have (400); next.config redirects; <c>proxy.cs</c> when its
/// matcher matches; <c>beforeFiles</c> rewrites; static routes; <c>afterFiles</c> rewrites; dynamic routes;
/// <c>fallback</c> rewrites; not found. It writes nothing but next.config's headers: what it decided comes back as a
/// <see cref="RouteDecision"/>.
/// </summary>
internal sealed class NextRouter
{
    private readonly RouteMatcher<RouteDefinition> _matcher;
    private readonly RoutingRules _rules;
    private readonly ProxyRunner? _proxy;
    private readonly ProxyMatcherSet? _proxyMatchers;
    private readonly bool _trustForwardedHeaders;
    private readonly bool _behindFunctionsHost;
    private readonly bool _stripFunctionKeys;
    private readonly AfterWork? _after;
    private readonly ILogger _logger;

    /// <summary>Creates the router of an app.</summary>
    /// <param name="manifest">The app's routes and proxy.</param>
    /// <param name="rules">The compiled next.config rules.</param>
    /// <param name="options">The pipeline options.</param>
    /// <param name="logger">Where the proxy's failures are logged.</param>
    /// <param name="after">Runs what the proxy schedules with <c>Next.After</c>; null where it may schedule nothing.</param>
    /// <exception cref="RouteConflictException">Two routes share a URL.</exception>
    /// <exception cref="InvalidOperationException">A proxy matcher is invalid.</exception>
    public NextRouter(RouteManifest manifest, RoutingRules rules, RouteHandlerOptions options, ILogger logger, AfterWork? after = null)
    {
        _after = after;
        _logger = logger;
        _matcher = new RouteMatcher<RouteDefinition>(manifest.Routes);
        _rules = rules;
        if (manifest.Proxy is { } proxy)
        {
            _proxyMatchers = new ProxyMatcherSet(proxy);
            _proxy = new ProxyRunner(proxy, logger);
        }

        _trustForwardedHeaders = options.TrustForwardedHeaders;
        _behindFunctionsHost = options.BehindFunctionsHost;
        _stripFunctionKeys = options.StripFunctionKeys ?? options.BehindFunctionsHost;
    }

    /// <summary>Whether requests come through the Functions host's forwarder.</summary>
    public bool BehindFunctionsHost => _behindFunctionsHost;

    /// <summary>The proxy's file, for the log of a response it answered with.</summary>
    public string? ProxyFile => _proxy?.SourceFile;

    /// <summary>Routes one request.</summary>
    /// <param name="context">The request; next.config headers are added to its response.</param>
    public async ValueTask<RouteDecision> RouteAsync(HttpContext context)
    {
        var target = RequestTarget.Of(context, _behindFunctionsHost);
        var normalized = PathNormalizer.Normalize(target.Path, target.Query);
        if (normalized.RedirectTo is { } collapsed) return RouteDecision.RedirectTo(StatusCodes.Status308PermanentRedirect, collapsed);
        if (!_rules.TryStripBasePath(normalized.Path, out var path)) return RouteDecision.NotFound;

        var origin = PublicOrigin.Resolve(context.Request, _trustForwardedHeaders);
        if (_behindFunctionsHost && _trustForwardedHeaders) PublicOrigin.RestoreForwardedHost(context.Request);
        if (_stripFunctionKeys) context.Request.Headers.Remove("x-functions-key");
        var url = new RequestUrl(origin.Protocol, origin.Host, path, target.Query);
        var facts = new RequestFacts(context.Request, origin.Host, target.Query);
        _rules.ApplyHeaders(path, facts, context.Response.Headers);

        if (PathNormalizer.TrailingSlashRedirect(normalized.Path, target.Query, _rules.TrailingSlash) is { } slashed)
        {
            return RouteDecision.RedirectTo(StatusCodes.Status308PermanentRedirect, slashed);
        }

        if (!HttpMethodNames.IsSupported(context.Request.Method)) return RouteDecision.BadRequest;
        if (_rules.FindRedirect(path, facts, target.Query) is { } redirect) return RouteDecision.RedirectTo(redirect.Status, redirect.Location);

        var routePath = path;
        if (_proxy is not null && _proxyMatchers!.Matches(path, facts))
        {
            var outcome = await RunProxyAsync(_proxy, new ProxyInvocation(new NextRequest(context, UrlOf(url, stripped: false)), context)).ConfigureAwait(false);
            switch (outcome.Kind)
            {
                case ProxyOutcomeKind.Respond:
                    return new RouteDecision(RouteDecisionKind.ProxyResponse, Response: outcome.Response);
                case ProxyOutcomeKind.Failed:
                    return new RouteDecision(RouteDecisionKind.ProxyFailed);
                case ProxyOutcomeKind.Aborted:
                    return new RouteDecision(RouteDecisionKind.Aborted);
            }

            routePath = outcome.RewritePath ?? routePath;
        }

        var match = Resolve(routePath, facts);
        return match.Status switch
        {
            RouteMatchStatus.NotFound => RouteDecision.NotFound,
            RouteMatchStatus.InvalidEncoding => RouteDecision.BadRequest,
            _ => new RouteDecision(RouteDecisionKind.Route, Route: match.Route, Params: match.Params, Url: url, RoutePath: routePath),
        };
    }

    /// <summary>Runs the proxy in a scope of its own, in which only <c>Next.After</c> may be called, as Next.js allows <c>after()</c> in proxy.ts.</summary>
    private async Task<ProxyOutcome> RunProxyAsync(ProxyRunner proxy, ProxyInvocation invocation)
    {
        if (_after is not null) RequestScope.Current = new RequestScope(invocation.Request) { IsProxy = true, AfterWork = _after, SourceFile = proxy.SourceFile, Logger = _logger };
        return await proxy.RunAsync(invocation, _rules.BasePath).ConfigureAwait(false);
    }

    /// <summary>
    /// The URL a handler sees: the one the client asked for (after a rewrite too), without the host's function key. A
    /// <c>force-static</c> handler sees the build-time origin and no query, as in Next.js: nothing of the client's
    /// request may reach a response that is served to everyone.
    /// </summary>
    /// <param name="url">The request's URL.</param>
    /// <param name="stripped">Whether the handler gets the emptied request of a <c>force-static</c> route.</param>
    public NextUrl UrlOf(in RequestUrl url, bool stripped)
    {
        if (stripped) return new NextUrl("http:", CacheRenderer.RenderOrigin, url.Path, UrlSearchParams.EmptyReadOnly(), _rules.BasePath);
        var search = new UrlSearchParams(url.Query);
        if (_stripFunctionKeys) search.Delete("code");
        return new NextUrl(url.Protocol, url.Host, url.Path, search, _rules.BasePath);
    }

    /// <summary>
    /// Steps 5 to 10 of Next.js's order: <c>beforeFiles</c> rewrites (chained), a static route, <c>afterFiles</c>
    /// rewrites (each destination tried against every route), a dynamic route, <c>fallback</c> rewrites, not found.
    /// </summary>
    private RouteMatch<RouteDefinition> Resolve(string path, RequestFacts facts)
    {
        foreach (var step in _rules.BeforeFiles)
        {
            if (step.Apply(path, facts) is not { } early) continue;
            path = early;
            RouteHandlerActivities.TagRequest(TelemetryTags.Rewrite, "beforeFiles");
        }

        var match = _matcher.Match(path);
        if (match.Status != RouteMatchStatus.NotFound && match.Route!.IsStatic) return match;

        var rewritten = false;
        foreach (var step in _rules.AfterFiles)
        {
            if (step.Apply(path, facts) is not { } destination) continue;
            path = destination;
            rewritten = true;
            RouteHandlerActivities.TagRequest(TelemetryTags.Rewrite, "afterFiles");
            var candidate = _matcher.Match(path);
            if (candidate.Status != RouteMatchStatus.NotFound) return candidate;
        }

        if (!rewritten && match.Status != RouteMatchStatus.NotFound) return match;
        foreach (var step in _rules.Fallback)
        {
            if (step.Apply(path, facts) is not { } destination) continue;
            path = destination;
            RouteHandlerActivities.TagRequest(TelemetryTags.Rewrite, "fallback");
            var candidate = _matcher.Match(path);
            if (candidate.Status != RouteMatchStatus.NotFound) return candidate;
        }

        return RouteMatch<RouteDefinition>.NotFound;
    }
}
