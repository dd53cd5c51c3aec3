using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Development;
using NextRouteHandlers.Pipeline;

namespace NextRouteHandlers.Hosting;

/// <summary>
/// An app's route handlers as one ASP.NET Core request handler: what <c>app.MapRouteHandlers()</c> runs, and what the
/// isolated worker's catch-all function calls. <c>AddRouteHandlers</c> registers it.
/// </summary>
public sealed class RouteHandlerPipeline
{
    private readonly RouteHandlerMiddleware _middleware;
    private readonly DevelopmentPage? _developmentPage;

    internal RouteHandlerPipeline(RouteHandlerMiddleware middleware, DevelopmentPage? developmentPage)
    {
        _middleware = middleware;
        _developmentPage = developmentPage;
    }

    /// <summary>
    /// Answers one request: routing, the proxy, the cache, the handler and its response. In the Development
    /// environment, <c>/_next-route-handlers</c> is the development page (routes, cache state, revalidation).
    /// </summary>
    /// <param name="context">The request.</param>
    public Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _developmentPage is not null && DevelopmentPage.Handles(context.Request.Path)
            ? _developmentPage.HandleAsync(context)
            : _middleware.InvokeAsync(context);
    }
}
