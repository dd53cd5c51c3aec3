using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.Engine;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Rendering;

namespace NextRouteHandlers.Development;

/// <summary>
/// The development page at <c>/_next-route-handlers</c>: the route table, the cache's entries, tags and recent renders
/// in this instance, and a form that revalidates a path or a tag. It exists only in the Development environment (the
/// hosting creates it there and nowhere else). No app route can take its path: folders starting with <c>_</c> are
/// private in the app tree, so no route pattern starts with <c>/_</c>.
/// </summary>
internal sealed class DevelopmentPage(RouteManifest manifest, RouteCacheState state, ResponseCache cache, RecentCacheActivity activity, CacheBuild build, TimeProvider time)
{
    /// <summary>The page's path.</summary>
    public const string PagePath = "/_next-route-handlers";

    /// <summary>The path its form posts to.</summary>
    public const string RevalidatePath = PagePath + "/revalidate";

    /// <summary>
    /// The header a revalidation must carry. A cross-site form cannot set it, and a cross-site script cannot send it
    /// without a CORS preflight that nothing here answers: the page's own script is the one sender.
    /// </summary>
    public const string CsrfHeader = "x-next-route-handlers";

    /// <summary>True when the request is for the page or its form.</summary>
    /// <param name="path">The request path.</param>
    public static bool Handles(PathString path) =>
        path.Equals(PagePath, StringComparison.OrdinalIgnoreCase) || path.Equals(RevalidatePath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Answers a request for the page or its form.</summary>
    /// <param name="context">The request.</param>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        if (context.Request.Path.Equals(RevalidatePath, StringComparison.OrdinalIgnoreCase))
        {
            await DevelopmentRevalidation.HandleAsync(context, cache, time).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        var prefix = build.Id + ":";
        var keys = activity.Keys().Where(k => k.Key.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        var inspection = await cache.InspectAsync(keys.Select(k => k.Key).ToArray()).ConfigureAwait(false);
        var routes = manifest.Routes.Select(r => new DevelopmentRoute(r, Prerenderer.SymbolOf(r, state), state.DynamicReason(r) ?? CachePolicy.Explain(r).Reason)).ToArray();
        var html = DevelopmentPageHtml.Render(new DevelopmentPageModel(build.Id, routes, keys, inspection, activity.Regenerations(), prefix.Length));
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'";
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await response.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>A row of the page's route table.</summary>
/// <param name="Route">The route.</param>
/// <param name="Symbol">Its symbol in the <c>prerender</c> command's table.</param>
/// <param name="Reason">Why it is cached or not.</param>
internal sealed record DevelopmentRoute(RouteDefinition Route, char Symbol, string Reason);

/// <summary>What the page shows.</summary>
/// <param name="BuildId">The build id of cache keys.</param>
/// <param name="Routes">The route table.</param>
/// <param name="Keys">The keys this instance answered, newest first.</param>
/// <param name="Cache">Their entries and the tag state.</param>
/// <param name="Regenerations">Recent renders, newest first.</param>
/// <param name="KeyPrefixLength">The length of the build id prefix of keys (the rest is the path).</param>
internal sealed record DevelopmentPageModel(string BuildId, IReadOnlyList<DevelopmentRoute> Routes, IReadOnlyList<SeenCacheKey> Keys, CacheInspection Cache, IReadOnlyList<RegenerationRecord> Regenerations, int KeyPrefixLength);
