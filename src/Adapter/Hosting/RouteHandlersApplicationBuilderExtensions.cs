using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace NextRouteHandlers.Hosting;

/// <summary>Adds the route-handler pipeline to an ASP.NET Core app.</summary>
public static class RouteHandlersApplicationBuilderExtensions
{
    /// <summary>
    /// Serves every request that reaches this point from the app's routes: it ends the pipeline, so add other
    /// middleware (authentication, response compression, ...) before it. Call <c>AddRouteHandlers</c> first.
    /// </summary>
    /// <param name="app">The app.</param>
    public static IApplicationBuilder MapRouteHandlers(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var pipeline = app.ApplicationServices.GetService<RouteHandlerPipeline>()
            ?? throw new InvalidOperationException("Call services.AddRouteHandlers(AppRoutes.Manifest) before app.MapRouteHandlers().");
        app.Run(pipeline.HandleAsync);
        return app;
    }
}
