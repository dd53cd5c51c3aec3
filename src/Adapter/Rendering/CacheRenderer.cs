using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NextRouteHandlers.Http;
using NextRouteHandlers.Invocation;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Rendering;

/// <summary>
/// Renders a cached route into a <see cref="CacheEntry"/>. The handler never sees a client's request: it runs on a
/// request of its own (GET, <c>http://localhost:3000</c>, no headers, cookies or query) with services from a new
/// scope, as Next.js renders at build time. A <c>force-static</c> handler gets that empty request; any other cached
/// handler that reads request data fails the render with <see cref="DynamicUsageException"/>, so no client's data
/// can end up in a response served to others. What a render schedules with <c>Next.After</c> runs once it is done, in
/// the background (once per render, never per cache hit), and the render's services live until that work is done.
/// </summary>
internal sealed partial class CacheRenderer
{
    /// <summary>The origin cached renders see in <c>request.Url</c>, Next.js's build-time origin.</summary>
    public const string RenderOrigin = "localhost:3000";

    private readonly IServiceScopeFactory _scopes;
    private readonly CacheOptions _options;
    private readonly TimeProvider _time;
    private readonly AfterWork _after;
    private readonly ILogger<CacheRenderer> _logger;
    private readonly RouteHandlerMetrics? _metrics;
    private readonly bool _handlerSpans;

    /// <summary>Creates the renderer.</summary>
    /// <param name="scopes">Creates the services scope of each render.</param>
    /// <param name="options">Cache options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="after">Runs what renders schedule with <c>Next.After</c>.</param>
    /// <param name="logger">Where a cached <c>Set-Cookie</c> is warned about.</param>
    /// <param name="metrics">Where handler durations are recorded.</param>
    /// <param name="handlerSpans">Whether a render's handler run is a span of its own (by default it is not).</param>
    public CacheRenderer(IServiceScopeFactory scopes, IOptions<CacheOptions> options, TimeProvider time, AfterWork after, ILogger<CacheRenderer> logger, RouteHandlerMetrics? metrics = null, HandlerSpanSetting? handlerSpans = null)
    {
        _metrics = metrics;
        _handlerSpans = (handlerSpans ?? HandlerSpanSetting.Default).Enabled;
        _after = after ?? throw new ArgumentNullException(nameof(after));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _scopes = scopes ?? throw new ArgumentNullException(nameof(scopes));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Runs the route's GET handler and buffers what it returns.</summary>
    /// <param name="route">A cacheable route.</param>
    /// <param name="params">The route parameters of the path.</param>
    /// <param name="rawPath">The path as it appears in URLs (percent-encoded).</param>
    /// <param name="pathname">The decoded path, for the path's implicit tag.</param>
    /// <param name="cancellationToken">Cancelled when the app stops.</param>
    /// <exception cref="DynamicUsageException">The handler read request data.</exception>
    /// <exception cref="RouteRenderException">The handler threw or answered nothing a response can be made of.</exception>
    public async Task<CacheEntry> RenderAsync(RouteDefinition route, RouteParams @params, string rawPath, string pathname, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        var handler = route.Handlers.Get ?? throw new InvalidOperationException($"'{route.SourceFile}' exports no GET handler to cache.");
        var services = _scopes.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = services.ServiceProvider, RequestAborted = cancellationToken };
        try
        {
            return await RenderAsync(route, handler, http, @params, rawPath, pathname, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Work the render scheduled runs now that it is done, whatever its outcome, with its services alive.
            if (AfterQueue.Of(http) is { } after) _after.Start(after, services.DisposeAsync);
            else await services.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<CacheEntry> RenderAsync(RouteDefinition route, RouteHandler handler, DefaultHttpContext http, RouteParams @params, string rawPath, string pathname, CancellationToken cancellationToken)
    {
        http.Request.Method = HttpMethods.Get;
        http.Request.Scheme = "http";
        http.Request.Host = new HostString(RenderOrigin);
        http.Request.Path = PathString.FromUriComponent(rawPath);

        var stripped = route.Config.Dynamic == DynamicMode.ForceStatic;
        Action<string>? track = stripped ? null : usage => throw new DynamicUsageException(route.Pattern, usage);
        var url = new NextUrl("http:", RenderOrigin, rawPath, stripped ? UrlSearchParams.EmptyReadOnly() : new UrlSearchParams(), onDynamicAccess: track);
        var request = new NextRequest(http, url, stripped, track);
        var scope = new RequestScope(request) { IsCacheRender = true, Time = _time, Logger = _logger, AfterWork = _after, SourceFile = route.SourceFile, Metrics = _metrics, HandlerSpan = _handlerSpans };
        var renderedAt = _time.GetUtcNow();

        var outcome = await HandlerInvoker.InvokeAsync(handler, new RouteInvocation(request, new RouteContext(@params, route), http), scope, route.SourceFile).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (outcome.Kind != HandlerOutcomeKind.Responded) throw new RouteRenderException(outcome.Problem ?? $"Rendering '{route.SourceFile}' stopped.", outcome.Exception);
        var response = outcome.Response!;

        if (response.Headers.Has("set-cookie")) RenderingLog.CachedSetCookie(_logger, route.SourceFile);
        using var body = new MemoryStream();
        if (response.Body is { } content) await content.WriteToAsync(body, cancellationToken).ConfigureAwait(false);
        var revalidate = CachePolicy.RevalidateSeconds(route);
        return new CacheEntry
        {
            Status = response.Status,
            Headers = response.Headers.RawEntries().Where(h => HeaderRules.IsKeptInCache(h.Key)).ToArray(),
            Body = body.ToArray(),
            LastModified = renderedAt,
            Revalidate = revalidate,
            Expire = revalidate is null ? null : _options.ExpireTime,
            Tags = ImplicitTags.For(route.AppPath, pathname).Concat(scope.CacheTagsIfAny).Distinct(StringComparer.Ordinal).Take(128).ToArray(),
        };
    }

}
