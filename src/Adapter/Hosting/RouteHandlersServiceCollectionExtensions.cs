using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NextRouteHandlers.Pipeline;
using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Hosting;

/// <summary>Registers the route-handler pipeline with ASP.NET Core's services.</summary>
public static class RouteHandlersServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pipeline for an app's routes. Pass the manifest the source generator emits for the project
    /// (<c>AppRoutes.Manifest</c>). Options bind from the <c>RouteHandlers</c> configuration section, then
    /// <paramref name="configure"/> runs. The response cache binds from the <c>Cache</c> section (file system by
    /// default) and prerenders the static paths when the app starts.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="manifest">The app's routes.</param>
    /// <param name="configure">Sets options in code, after configuration.</param>
    public static IServiceCollection AddRouteHandlers(this IServiceCollection services, RouteManifest manifest, Action<RouteHandlerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(manifest);
        var options = services.AddOptions<RouteHandlerOptions>().BindConfiguration(RouteHandlerOptions.SectionName);
        if (configure is not null) options.Configure(configure);
        services.TryAddSingleton(manifest);
        services.TryAddSingleton(_ => FunctionsHostEnvironment.FromProcess());
        services.TryAddSingleton<RouteHandlerMiddleware>();
        services.AddRouteCache();
        return services;
    }
}
