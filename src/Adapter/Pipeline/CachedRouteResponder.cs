using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Cdn;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Rendering;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Caching.Engine;

namespace NextRouteHandlers.Pipeline;

/// <summary>
/// Answers a <c>GET</c> or <c>HEAD</c> of a cached route from the response cache: a path <c>DynamicParams = false</c> does
/// not list is a 404; an authorised <c>x-prerender-revalidate</c> renders now (Next.js's on-demand revalidation, with
/// <c>x-prerender-revalidate-if-generated</c> doing nothing for a path never rendered); a render that reads request
/// data makes the route dynamic from then on, and the request runs live instead.
/// </summary>
internal sealed partial class CachedRouteResponder(
    ResponseCache cache,
    CacheRenderer renderer,
    RouteCacheState state,
    CacheBuild build,
    RevalidationSecret secret,
    DraftModeId draftMode,
    ResponseSender sender,
    CdnEdge cdn,
    ILogger logger)
{
    /// <summary>Whether the route's GET is answered from the cache (cacheable, and not found dynamic since).</summary>
    /// <param name="route">The matched route.</param>
    public bool Serves(RouteDefinition route) => state.Serves(route);

    /// <summary>
    /// True for a draft request: it carries the draft-mode cookie and is not an on-demand revalidation (which Next.js
    /// never treats as a draft). A draft request to a cached route skips the cache and runs the handler.
    /// </summary>
    /// <param name="request">The request.</param>
    public bool IsDraftRequest(HttpRequest request) => draftMode.Matches(request) && !secret.Authorises(request);

    /// <summary>Answers from the cache; false when the route turned out to be dynamic and must run live.</summary>
    /// <param name="context">The request.</param>
    /// <param name="route">The route.</param>
    /// <param name="parameters">Its parameters.</param>
    /// <param name="routePath">The path it was matched with: the cache key.</param>
    /// <param name="omitBody">True for HEAD.</param>
    public async Task<bool> TryServeAsync(HttpContext context, RouteDefinition route, RouteParams parameters, string routePath, bool omitBody)
    {
        var pathname = CacheKeys.Pathname(routePath);
        if (pathname is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return true;
        }

        if (!route.Config.DynamicParams && !state.IsListed(route, pathname))
        {
            await RouterResponses.WriteNotFoundAsync(context).ConfigureAwait(false);
            return true;
        }

        var onDemand = secret.Authorises(context.Request);
        CachedResponse cached;
        try
        {
            cached = await cache.GetOrRenderAsync(
                CacheKeys.For(build.Id, pathname),
                static (request, token) => request.Renderer.RenderAsync(request.Route, request.Parameters, request.RoutePath, request.Pathname, token),
                (Renderer: renderer, Route: route, Parameters: parameters, RoutePath: routePath, Pathname: pathname),
                onDemand,
                onlyIfGenerated: onDemand && context.Request.Headers.ContainsKey("x-prerender-revalidate-if-generated"),
                route: route.Pattern).ConfigureAwait(false);
        }
        catch (DynamicUsageException usage) when (route.Config.Dynamic != DynamicMode.Error)
        {
            state.MarkDynamic(route, usage.Message);
            PipelineLog.CachedRouteBecameDynamic(logger, route.SourceFile, usage.Usage);
            return false;
        }
        catch (DynamicUsageException usage)
        {
            // Dynamic = "error": what fails next build in Next.js fails this request, and the log says why.
            PipelineLog.HandlerFailed(logger, usage, $"'{route.SourceFile}' has Dynamic = \"error\" but used `{usage.Usage}` while rendering.");
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return true;
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away while the render it waited for failed: there is no one to answer.
            return true;
        }
        catch (Exception)
        {
            // The engine logged the failed render.
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return true;
        }

        if (cached.Entry is not { } entry)
        {
            context.Response.Headers["x-nextjs-cache"] = "REVALIDATED";
            await RouterResponses.WriteNotFoundAsync(context).ConfigureAwait(false);
            return true;
        }

        if (onDemand) cdn.Revalidated(context);
        else cdn.Served(context, entry.Tags);
        await sender.SendCachedAsync(context, entry, cached.Status, omitBody, route.SourceFile).ConfigureAwait(false);
        return true;
    }

}
