using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using NextRouteHandlers.Hosting;
using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Functions;

/// <summary>
/// The one function of the app: an anonymous HTTP trigger on route <c>{*path}</c> for the seven methods route
/// handlers answer, which hands the live <see cref="HttpContext"/> to the same pipeline plain Kestrel runs. The
/// worker SDK finds it in this assembly, so an app writes no function of its own.
/// </summary>
/// <param name="pipeline">The route-handler pipeline the app registered with <c>UseRouteHandlers</c>.</param>
public sealed class RouteHandlersFunction(RouteHandlerPipeline pipeline)
{
    /// <summary>The function's name, as the host, the portal and Application Insights show it.</summary>
    public const string Name = "routes";

    /// <summary>Serves one request. What the pipeline writes goes straight to the response the host relays.</summary>
    /// <param name="request">The request the host forwarded.</param>
    [Function(Name)]
    public Task RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, HttpMethodNames.Get, HttpMethodNames.Head, HttpMethodNames.Post, HttpMethodNames.Put, HttpMethodNames.Patch, HttpMethodNames.Delete, HttpMethodNames.Options, Route = "{*path}")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return pipeline.HandleAsync(request.HttpContext);
    }
}
