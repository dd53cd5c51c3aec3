using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Http;
using NextRouteHandlers.Invocation;
using NextRouteHandlers.Proxy;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Urls;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Rendering;

namespace NextRouteHandlers.Pipeline;

/// <summary>
/// The request pipeline, in the order of Next.js's router (spec section 7.2): collapse repeated slashes (308) and
/// resolve dot segments; remove the base path (404 outside it); add next.config headers; the trailing-slash
/// redirect, then next.config redirects; <c>proxy.cs</c> when its matcher matches; <c>beforeFiles</c> rewrites;
/// static routes; <c>afterFiles</c> rewrites; dynamic routes; <c>fallback</c> rewrites; the 404 page. Then it
/// resolves the method (automatic HEAD and OPTIONS, 405 with <c>Allow</c>, 400 for unsupported methods), runs the
/// handler and writes its response. Errors never reach the client: a handler (or proxy) that throws or returns
/// nothing gives a 500 with an empty body and an error log.
/// </summary>
public sealed partial class RouteHandlerMiddleware
{
    private readonly RouteMatcher<RouteDefinition> _matcher;
    private readonly RouteHandlerOptions _options;
    private readonly RoutingRules _rules;
    private readonly ProxyRunner? _proxy;
    private readonly ProxyMatcherSet? _proxyMatchers;
    private readonly bool _stripFunctionKeys;
    private readonly bool _behindFunctionsHost;
    private readonly ILogger<RouteHandlerMiddleware> _logger;
    private readonly ResponseCache _cache;
    private readonly CacheRenderer _renderer;
    private readonly RouteCacheState _cacheState;
    private readonly CacheBuild _build;
    private readonly byte[]? _revalidateSecretHash;

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
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A next.config rule is invalid.</exception>
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
        IOptions<CacheOptions> cacheOptions)
    {
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _renderer = renderer ?? throw new ArgumentNullException(nameof(renderer));
        _cacheState = cacheState ?? throw new ArgumentNullException(nameof(cacheState));
        _build = build ?? throw new ArgumentNullException(nameof(build));
        var secret = cacheOptions?.Value.RevalidateSecret;
        _revalidateSecretHash = string.IsNullOrEmpty(secret) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(nextConfig);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _matcher = new RouteMatcher<RouteDefinition>(manifest.Routes);
        _options = options.Value;
        var errors = new List<string>();
        _rules = RoutingRules.Compile(nextConfig.Value, errors);
        if (errors.Count > 0) throw new OptionsValidationException(NextConfig.SectionName, typeof(NextConfig), errors);
        if (manifest.Proxy is { } proxy)
        {
            _proxyMatchers = new ProxyMatcherSet(proxy);
            _proxy = new ProxyRunner(proxy, logger);
        }

        _stripFunctionKeys = _options.StripFunctionKeys ?? _options.BehindFunctionsHost;
        _behindFunctionsHost = _options.BehindFunctionsHost;
    }

    /// <summary>Handles one request; a terminal <see cref="RequestDelegate"/>.</summary>
    /// <param name="context">The ASP.NET Core request.</param>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (rawPath, rawQuery) = RawTarget(context, _behindFunctionsHost);
        var normalized = PathNormalizer.Normalize(rawPath, rawQuery);
        if (normalized.RedirectTo is { } collapsed)
        {
            await WriteRedirectAsync(context, StatusCodes.Status308PermanentRedirect, collapsed).ConfigureAwait(false);
            return;
        }

        if (!_rules.TryStripBasePath(normalized.Path, out var path))
        {
            await WriteNotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        var origin = PublicOrigin.Resolve(context.Request, _options.TrustForwardedHeaders);
        if (_behindFunctionsHost && _options.TrustForwardedHeaders) PublicOrigin.RestoreForwardedHost(context.Request);
        if (_stripFunctionKeys) context.Request.Headers.Remove("x-functions-key");
        var facts = new RequestFacts(context.Request, origin.Host, rawQuery);
        _rules.ApplyHeaders(path, facts, context.Response.Headers);

        if (PathNormalizer.TrailingSlashRedirect(normalized.Path, rawQuery, _rules.TrailingSlash) is { } slashed)
        {
            await WriteRedirectAsync(context, StatusCodes.Status308PermanentRedirect, slashed).ConfigureAwait(false);
            return;
        }

        var method = context.Request.Method;
        if (!HttpMethodNames.IsSupported(method))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (_rules.FindRedirect(path, facts, rawQuery) is { } redirect)
        {
            await WriteRedirectAsync(context, redirect.Status, redirect.Location).ConfigureAwait(false);
            return;
        }

        var routePath = path;
        if (_proxy is not null && _proxyMatchers!.Matches(path, facts))
        {
            var proxyRequest = new NextRequest(context, CreateUrl(origin, path, rawQuery, stripped: false));
            var outcome = await _proxy.RunAsync(new ProxyInvocation(proxyRequest, context), _rules.BasePath).ConfigureAwait(false);
            switch (outcome.Kind)
            {
                case ProxyOutcomeKind.Respond:
                    foreach (var name in outcome.Response!.Headers.RawEntries().Select(e => e.Key).Distinct(StringComparer.Ordinal))
                    {
                        if (!HeaderRules.AddsUp(name)) context.Response.Headers.Remove(name);
                    }

                    await WriteResponseAsync(context, outcome.Response, HttpMethods.IsHead(method), _proxy.SourceFile).ConfigureAwait(false);
                    return;
                case ProxyOutcomeKind.Failed:
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    return;
                case ProxyOutcomeKind.Aborted:
                    return;
            }

            routePath = outcome.RewritePath ?? routePath;
        }

        var match = Resolve(routePath, facts);
        switch (match.Status)
        {
            case RouteMatchStatus.NotFound:
                await WriteNotFoundAsync(context).ConfigureAwait(false);
                return;
            case RouteMatchStatus.InvalidEncoding:
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
        }

        var route = match.Route!;
        var handler = route.Handlers.Find(method);
        var omitBody = method == "HEAD";
        if (handler is null)
        {
            if (omitBody && route.Handlers.Get is not null)
            {
                handler = route.Handlers.Get;
            }
            else
            {
                var status = method == "OPTIONS" ? StatusCodes.Status204NoContent : StatusCodes.Status405MethodNotAllowed;
                await ResponseWriter.WriteEmptyAsync(context, status, new KeyValuePair<string, string>("Allow", route.Allow)).ConfigureAwait(false);
                return;
            }
        }

        // The cache key is the resolved path: the base path removed, rewrites applied (as Next.js keys its pages).
        if ((method == "GET" || omitBody) && CachePolicy.IsCacheable(route) && !_cacheState.IsDynamic(route)
            && await ServeFromCacheAsync(context, route, match.Params!, routePath, omitBody).ConfigureAwait(false))
        {
            return;
        }

        using var maxDuration = route.Config.MaxDuration is { } seconds ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds)) : null;
        using var endAtMaxDuration = maxDuration?.Token.Register(context.Abort);

        // After a rewrite the handler still sees the URL the client asked for, with the destination route's params.
        var stripped = route.Config.Dynamic == DynamicMode.ForceStatic;
        var request = new NextRequest(context, CreateUrl(origin, path, rawQuery, stripped), stripped);
        var invocation = new RouteInvocation(request, new RouteContext(match.Params!, route), context);
        var response = await InvokeHandlerAsync(handler, invocation, route).ConfigureAwait(false);
        if (response is null)
        {
            if (!context.RequestAborted.IsCancellationRequested) context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        await WriteResponseAsync(context, response, omitBody, route.SourceFile).ConfigureAwait(false);
    }

    /// <summary>
    /// Steps 5 to 10 of Next.js's order: <c>beforeFiles</c> rewrites (chained), a static route, <c>afterFiles</c>
    /// rewrites (each destination tried against every route), a dynamic route, <c>fallback</c> rewrites, not found.
    /// </summary>
    private RouteMatch<RouteDefinition> Resolve(string path, RequestFacts facts)
    {
        foreach (var step in _rules.BeforeFiles) path = step.Apply(path, facts) ?? path;
        var match = _matcher.Match(path);
        if (match.Status != RouteMatchStatus.NotFound && match.Route!.IsStatic) return match;

        var rewritten = false;
        foreach (var step in _rules.AfterFiles)
        {
            if (step.Apply(path, facts) is not { } destination) continue;
            path = destination;
            rewritten = true;
            var candidate = _matcher.Match(path);
            if (candidate.Status != RouteMatchStatus.NotFound) return candidate;
        }

        if (!rewritten && match.Status != RouteMatchStatus.NotFound) return match;
        foreach (var step in _rules.Fallback)
        {
            if (step.Apply(path, facts) is not { } destination) continue;
            path = destination;
            var candidate = _matcher.Match(path);
            if (candidate.Status != RouteMatchStatus.NotFound) return candidate;
        }

        return RouteMatch<RouteDefinition>.NotFound;
    }

    /// <summary>Answers a cached route from the cache; false when the route turned out to be dynamic and must run live.</summary>
    private async Task<bool> ServeFromCacheAsync(HttpContext context, RouteDefinition route, RouteParams parameters, string rawPath, bool omitBody)
    {
        var pathname = CacheKeys.Pathname(rawPath);
        if (pathname is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return true;
        }

        if (!route.Config.DynamicParams && !_cacheState.IsListed(route, pathname))
        {
            await WriteNotFoundAsync(context).ConfigureAwait(false);
            return true;
        }

        var onDemand = IsAuthorisedRevalidation(context.Request);
        CachedResponse cached;
        try
        {
            cached = await _cache.GetOrRenderAsync(
                CacheKeys.For(_build.Id, pathname),
                token => _renderer.RenderAsync(route, parameters, rawPath, pathname, token),
                onDemand,
                onlyIfGenerated: onDemand && context.Request.Headers.ContainsKey("x-prerender-revalidate-if-generated")).ConfigureAwait(false);
        }
        catch (DynamicUsageException usage) when (route.Config.Dynamic != DynamicMode.Error)
        {
            _cacheState.MarkDynamic(route, usage.Message);
            Log.CachedRouteBecameDynamic(_logger, route.SourceFile, usage.Usage);
            return false;
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return true;
        }

        if (cached.Entry is not { } entry)
        {
            context.Response.Headers["x-nextjs-cache"] = "REVALIDATED";
            await WriteNotFoundAsync(context).ConfigureAwait(false);
            return true;
        }

        await WriteGuardedAsync(
            context,
            (Entry: entry, cached.Status, OmitBody: omitBody, _options.Compress),
            static (http, write) => ResponseWriter.WriteCachedAsync(http, write.Entry, write.Status, write.OmitBody, write.Compress),
            route.SourceFile).ConfigureAwait(false);
        return true;
    }

    /// <summary>True when the request carries <c>x-prerender-revalidate</c> equal to the configured secret (compared in constant time).</summary>
    private bool IsAuthorisedRevalidation(HttpRequest request)
    {
        if (_revalidateSecretHash is null || !request.Headers.TryGetValue("x-prerender-revalidate", out var value)) return false;
        return CryptographicOperations.FixedTimeEquals(_revalidateSecretHash, SHA256.HashData(Encoding.UTF8.GetBytes(value.ToString())));
    }

    private async Task<Response?> InvokeHandlerAsync(RouteHandler handler, RouteInvocation invocation, RouteDefinition route)
    {
        var outcome = await HandlerInvoker.InvokeAsync(handler, invocation, new RequestScope(invocation.Request), route.SourceFile).ConfigureAwait(false);
        switch (outcome.Kind)
        {
            case HandlerOutcomeKind.Responded when outcome.Refusal is { } reason:
                Log.BadRequest(_logger, route.SourceFile, reason);
                return outcome.Response;
            case HandlerOutcomeKind.Responded:
                // Next.js runs the revalidations a handler asked for before its response completes, redirects included.
                await _cache.InvalidateAsync(outcome.Scope.InvalidationsIfAny).ConfigureAwait(false);
                return outcome.Response;
            case HandlerOutcomeKind.Failed:
                Log.HandlerFailed(_logger, outcome.Exception, outcome.Problem!);
                return null;
            default:
                return null;
        }
    }

    private Task WriteResponseAsync(HttpContext context, Response response, bool omitBody, string sourceFile) =>
        WriteGuardedAsync(
            context,
            (Response: response, OmitBody: omitBody, _options.Compress),
            static (http, write) => ResponseWriter.WriteAsync(http, write.Response, write.OmitBody, write.Compress),
            sourceFile);

    /// <summary>Runs a response write so that its failure never escapes: a 500 before the headers, a cut-short response after.</summary>
    private async Task WriteGuardedAsync<TState>(HttpContext context, TState state, Func<HttpContext, TState, Task> write, string sourceFile)
    {
        try
        {
            await write(context, state).ConfigureAwait(false);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-stream; Next.js logs nothing for this either.
        }
        catch (Exception exception) when (context.Response.HasStarted)
        {
            Log.StreamFailed(_logger, exception, sourceFile);
            context.Abort();
        }
        catch (Exception exception)
        {
            Log.WriteFailed(_logger, exception, sourceFile);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    private NextUrl CreateUrl((string Protocol, string Host) origin, string path, string rawQuery, bool stripped)
    {
        // A force-static handler sees the build-time origin, as in Next.js: the Host a client sends must not reach it.
        if (stripped) origin = ("http:", CacheRenderer.RenderOrigin);
        UrlSearchParams search;
        if (stripped)
        {
            search = UrlSearchParams.EmptyReadOnly();
        }
        else
        {
            search = new UrlSearchParams(rawQuery);
            if (_stripFunctionKeys) search.Delete("code");
        }

        return new NextUrl(origin.Protocol, origin.Host, path, search, _rules.BasePath);
    }

    private static (string Path, string Query) RawTarget(HttpContext context, bool behindFunctionsHost)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            return ((context.Request.PathBase + context.Request.Path).ToUriComponent(), context.Request.QueryString.Value ?? string.Empty);
        }

        var question = target.IndexOf('?');
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? string.Empty : target[question..];

        // The Functions host's Kestrel keeps an encoded slash as the text "%2F" in Request.Path and its YARP
        // forwarder then escapes the '%', so a client's "%2F" arrives here as "%252F" (and a client's "%252F",
        // decoded by the host to the same text, does too). Restore the common meaning: an encoded slash.
        if (behindFunctionsHost && path.Contains("%252F", StringComparison.OrdinalIgnoreCase))
        {
            path = path.Replace("%252F", "%2F", StringComparison.OrdinalIgnoreCase);
        }

        return (path, query);
    }

    /// <summary>A redirect as Next.js's router sends it: <c>Location</c>, the location as a text body, and for 308 a <c>Refresh</c> header.</summary>
    private static async Task WriteRedirectAsync(HttpContext context, int status, string location)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.Location = location;
        if (status == StatusCodes.Status308PermanentRedirect) response.Headers["Refresh"] = "0;url=" + location;
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(location, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteNotFoundAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status404NotFound;
        response.ContentType = NotFoundPage.ContentType;
        response.Headers.CacheControl = "private, no-cache, no-store, max-age=0, must-revalidate";
        if (HttpMethods.IsHead(context.Request.Method)) return;
        response.ContentLength = NotFoundPage.Html.Length;
        await response.Body.WriteAsync(NotFoundPage.Html, context.RequestAborted).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{Problem} The client gets a 500 with an empty body.")]
        public static partial void HandlerFailed(ILogger logger, Exception? exception, string problem);

        [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Writing the response of '{RouteFile}' failed before its headers were sent; the client gets a 500 with an empty body.")]
        public static partial void WriteFailed(ILogger logger, Exception exception, string routeFile);

        [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "'{RouteFile}' asks to be cached but reads `{Usage}` while rendering; it is served dynamically from now on.")]
        public static partial void CachedRouteBecameDynamic(ILogger logger, string routeFile, string usage);

        [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "A request to '{RouteFile}' was refused: {Reason}")]
        public static partial void BadRequest(ILogger logger, string routeFile, string reason);

        [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "The response body of '{RouteFile}' failed after its headers were sent; the response was cut short.")]
        public static partial void StreamFailed(ILogger logger, Exception exception, string routeFile);
    }
}
