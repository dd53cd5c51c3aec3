using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Cdn;
using NextRouteHandlers.Http;
using NextRouteHandlers.Invocation;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Proxy;
using NextRouteHandlers.Rendering;
using NextRouteHandlers.Caching.Engine;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Pipeline;

/// <summary>
/// The request pipeline: <see cref="NextRouter"/> decides what the request is (a redirect, the 404 page, the proxy's
/// answer, or a route), <see cref="MethodResolution"/> picks the route's handler, <see cref="CachedRouteResponder"/>
/// answers a cached route from the cache, <see cref="HandlerInvoker"/> runs the handler, and
/// <see cref="ResponseSender"/> writes what it returned. Errors never reach the client: a handler (or proxy) that
/// throws or returns nothing gives a 500 with an empty body and an error log.
/// </summary>
internal sealed partial class RouteHandlerMiddleware
{
    private readonly NextRouter _router;
    private readonly CachedRouteResponder _cached;
    private readonly ResponseSender _sender;
    private readonly ResponseCache _cache;
    private readonly TimeProvider _time;
    private readonly DraftModeId _draftMode;
    private readonly AfterWork _after;
    private readonly CdnEdge _cdn;
    private readonly ILogger<RouteHandlerMiddleware> _logger;
    private readonly RouteHandlerMetrics? _metrics;
    private readonly bool _handlerSpans;

    /// <summary>Creates the pipeline for a manifest.</summary>
    /// <param name="manifest">The app's routes and proxy.</param>
    /// <param name="options">Pipeline options.</param>
    /// <param name="nextConfig">The next.config routing options (base path, trailing slash, headers, redirects, rewrites).</param>
    /// <param name="logger">Where handler failures are logged.</param>
    /// <param name="cache">The response cache of cached routes.</param>
    /// <param name="renderer">Renders cached routes.</param>
    /// <param name="cacheState">What the prerender learnt about the routes.</param>
    /// <param name="build">The build id of cache keys.</param>
    /// <param name="cacheOptions">The cache options (the on-demand revalidation secret).</param>
    /// <param name="time">The app's clock.</param>
    /// <param name="draftMode">Draft mode's id.</param>
    /// <param name="after">Runs what handlers schedule with <c>Next.After</c>.</param>
    /// <param name="cdn">What the CDN is told: its header profile, purges, served entries.</param>
    /// <param name="metrics">Where request and handler durations are recorded.</param>
    /// <exception cref="OptionsValidationException">A next.config rule is invalid.</exception>
    /// <exception cref="InvalidOperationException">A proxy matcher is invalid.</exception>
    public RouteHandlerMiddleware(
        RouteManifest manifest,
        IOptions<RouteHandlerOptions> options,
        IOptions<NextConfig> nextConfig,
        ILogger<RouteHandlerMiddleware> logger,
        ResponseCache cache,
        CacheRenderer renderer,
        RouteCacheState cacheState,
        CacheBuild build,
        IOptions<CacheOptions> cacheOptions,
        TimeProvider time,
        DraftModeId draftMode,
        AfterWork after,
        CdnEdge cdn,
        RouteHandlerMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(nextConfig);
        ArgumentNullException.ThrowIfNull(cacheOptions);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _draftMode = draftMode ?? throw new ArgumentNullException(nameof(draftMode));
        _after = after ?? throw new ArgumentNullException(nameof(after));
        _cdn = cdn ?? throw new ArgumentNullException(nameof(cdn));
        _metrics = metrics;
        _handlerSpans = options.Value.HandlerSpans;
        var errors = new List<string>();
        var rules = RoutingRules.Compile(nextConfig.Value, errors);
        if (errors.Count > 0) throw new OptionsValidationException(NextConfig.SectionName, typeof(NextConfig), errors);
        _router = new NextRouter(manifest, rules, options.Value, logger, _after);
        _sender = new ResponseSender(logger, options.Value.Compress);
        _cached = new CachedRouteResponder(
            cache,
            renderer ?? throw new ArgumentNullException(nameof(renderer)),
            cacheState ?? throw new ArgumentNullException(nameof(cacheState)),
            build ?? throw new ArgumentNullException(nameof(build)),
            new RevalidationSecret(cacheOptions.Value.RevalidateSecret),
            _draftMode,
            _sender,
            _cdn,
            logger);
    }

    /// <summary>
    /// Handles one request; a terminal <see cref="RequestDelegate"/>. When the proxy or the handler scheduled work with
    /// <c>Next.After</c>, the response is completed (the client has all of it) and the task completes once that work
    /// is done: the request, and under the Functions host the invocation, lasts until then.
    /// </summary>
    /// <param name="context">The ASP.NET Core request.</param>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _cdn.Prepare(context);
        try
        {
            await RespondAsync(context).ConfigureAwait(false);
        }
        catch when (AfterQueue.Of(context) is { } pending)
        {
            // The exception is the server's to answer (a 500, or a cut connection), so the work is not awaited here:
            // it runs all the same, and the app still waits for it when it stops.
            _ = _after.RunAsync(pending);
            throw;
        }

        if (AfterQueue.Of(context) is { } after) await AfterResponse.RunAsync(context, after, _after).ConfigureAwait(false);
    }

    private async Task RespondAsync(HttpContext context)
    {
        using var telemetry = RequestTelemetry.Start(context, _metrics);
        var decision = await _router.RouteAsync(context).ConfigureAwait(false);
        telemetry?.Routed(decision);
        switch (decision.Kind)
        {
            case RouteDecisionKind.Redirect:
                await RouterResponses.WriteRedirectAsync(context, decision.Status, decision.Location!).ConfigureAwait(false);
                return;
            case RouteDecisionKind.NotFound:
                await RouterResponses.WriteNotFoundAsync(context).ConfigureAwait(false);
                return;
            case RouteDecisionKind.BadRequest:
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            case RouteDecisionKind.ProxyFailed:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            case RouteDecisionKind.Aborted:
                return;
            case RouteDecisionKind.ProxyResponse:
                await SendProxyResponseAsync(context, decision.Response!).ConfigureAwait(false);
                return;
            default:
                await RunRouteAsync(context, decision).ConfigureAwait(false);
                return;
        }
    }

    private Task SendProxyResponseAsync(HttpContext context, Response response)
    {
        // The proxy's own values win over next.config's headers of the same name, except those that add up.
        foreach (var name in response.Headers.RawEntries().Select(e => e.Key).Distinct(StringComparer.Ordinal))
        {
            if (!HeaderRules.AddsUp(name)) context.Response.Headers.Remove(name);
        }

        return _sender.SendAsync(context, response, HttpMethods.IsHead(context.Request.Method), _router.ProxyFile!);
    }

    private async Task RunRouteAsync(HttpContext context, RouteDecision decision)
    {
        var route = decision.Route!;
        var resolution = MethodResolution.For(route, context.Request.Method);
        if (resolution.Handler is not { } handler)
        {
            await (resolution.Prerendered
                ? RouterResponses.WritePrerenderedMethodNotAllowedAsync(context)
                : ResponseWriter.WriteEmptyAsync(context, resolution.EmptyStatus, new KeyValuePair<string, string>("Allow", route.Allow))).ConfigureAwait(false);
            return;
        }

        var draft = _cached.IsDraftRequest(context.Request);
        if ((HttpMethods.IsGet(context.Request.Method) || resolution.OmitBody) && _cached.Serves(route))
        {
            // A draft request neither reads nor writes the cache, and nothing may store what it gets (Next.js's value
            // wins over the handler's, as next.config's headers do).
            if (draft)
            {
                context.Response.Headers.CacheControl = DraftModeId.CacheControl;
            }
            // The cache key is the resolved path: the base path removed, the proxy's rewrite applied (as Next.js keys its pages).
            else if (await _cached.TryServeAsync(context, route, decision.Params!, decision.RoutePath!, resolution.OmitBody).ConfigureAwait(false))
            {
                return;
            }
        }

        using var maxDuration = route.Config.MaxDuration is { } seconds ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds)) : null;
        using var endAtMaxDuration = maxDuration?.Token.Register(context.Abort);

        // After a rewrite the handler still sees the URL the client asked for, with the destination route's params.
        var stripped = route.Config.Dynamic == DynamicMode.ForceStatic;
        var request = new NextRequest(context, _router.UrlOf(decision.Url, stripped), stripped);
        var invocation = new RouteInvocation(request, new RouteContext(decision.Params!, route), context);
        var response = await InvokeHandlerAsync(handler, invocation, route, draft).ConfigureAwait(false);
        if (response is null)
        {
            if (!context.RequestAborted.IsCancellationRequested) context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        await _sender.SendAsync(context, response, resolution.OmitBody, route.SourceFile).ConfigureAwait(false);
    }

    private async Task<Response?> InvokeHandlerAsync(RouteHandler handler, RouteInvocation invocation, RouteDefinition route, bool draft)
    {
        var scope = new RequestScope(invocation.Request) { Time = _time, Logger = _logger, DraftModeId = _draftMode, IsDraftRequest = draft, AfterWork = _after, SourceFile = route.SourceFile, Metrics = _metrics, HandlerSpan = _handlerSpans };
        var outcome = await HandlerInvoker.InvokeAsync(handler, invocation, scope, route.SourceFile).ConfigureAwait(false);
        switch (outcome.Kind)
        {
            case HandlerOutcomeKind.Responded when outcome.Refusal is { } reason:
                PipelineLog.RequestRefused(_logger, route.SourceFile, reason);
                return outcome.Response;
            case HandlerOutcomeKind.Responded:
                // Next.js runs the revalidations a handler asked for before its response completes, redirects included.
                await _cache.InvalidateAsync(outcome.Scope.InvalidationsIfAny).ConfigureAwait(false);
                return outcome.Response;
            case HandlerOutcomeKind.Failed:
                PipelineLog.HandlerFailed(_logger, outcome.Exception, outcome.Problem!);
                return null;
            default:
                return null;
        }
    }

}
