using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Pipeline;

namespace NextRouteHandlers.Hosting;

/// <summary>
/// An app's route handlers as one ASP.NET Core request handler: what <c>app.MapRouteHandlers()</c> runs, and what the
/// isolated worker's catch-all function calls. <c>AddRouteHandlers</c> registers it.
/// </summary>
public sealed class RouteHandlerPipeline
{
    private readonly RouteHandlerMiddleware _middleware;

    internal RouteHandlerPipeline(RouteHandlerMiddleware middleware) => _middleware = middleware;

    /// <summary>Answers one request: routing, the proxy, the cache, the handler and its response.</summary>
    /// <param name="context">The request.</param>
    public Task HandleAsync(HttpContext context) => _middleware.InvokeAsync(context);
}
