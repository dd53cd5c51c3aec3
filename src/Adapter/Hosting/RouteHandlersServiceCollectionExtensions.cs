using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NextRouteHandlers.Development;
using NextRouteHandlers.Diagnostics;
using NextRouteHandlers.Pipeline;
using NextRouteHandlers.Proxy;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Hosting;

/// <summary>Registers the route-handler pipeline with ASP.NET Core's services.</summary>
public static class RouteHandlersServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pipeline for an app's routes and proxy. Pass the manifest the source generator emits for the
    /// project (<c>AppRoutes.Manifest</c>). <see cref="RouteHandlerOptions"/> bind from the <c>RouteHandlers</c>
    /// configuration section, then <paramref name="configure"/> runs; <see cref="NextConfig"/> (base path, trailing
    /// slash, headers, redirects, rewrites) binds from the <c>Next</c> section, then <paramref name="configureNext"/>
    /// runs (or call <c>services.Configure&lt;NextConfig&gt;(...)</c>). Invalid next.config rules stop startup. The
    /// response cache binds from the <c>Cache</c> section (file system by default) and prerenders the static paths
    /// when the app starts.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="manifest">The app's routes.</param>
    /// <param name="configure">Sets pipeline options in code, after configuration.</param>
    /// <param name="configureNext">Sets next.config options in code, after configuration.</param>
    public static IServiceCollection AddRouteHandlers(this IServiceCollection services, RouteManifest manifest, Action<RouteHandlerOptions>? configure = null, Action<NextConfig>? configureNext = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(manifest);
        AddClosedGenericServices(services);
        var options = services.AddOptions<RouteHandlerOptions>().BindConfiguration(RouteHandlerOptions.SectionName);
        if (configure is not null) options.Configure(configure);
        options.PostConfigure<FunctionsHostEnvironment>((pipeline, host) => pipeline.BehindFunctionsHost = host.IsBehindHost);
        var next = services.AddOptions<NextConfig>()
            .BindConfiguration(NextConfig.SectionName)
            .Configure<IConfiguration>(RewriteListBinding.Bind)
            .ValidateOnStart();
        if (configureNext is not null) next.Configure(configureNext);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NextConfig>, NextConfigValidator>());
        services.TryAddSingleton(manifest);
        // Registered already when the hosting read it (UseAzureFunctionsCustomHandler, UseRouteHandlers): read once.
        services.TryAddSingleton(_ => FunctionsHostEnvironment.FromProcess());
        services.TryAddSingleton(sp => new RouteHandlerMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(sp => new HandlerSpanSetting(sp.GetRequiredService<IOptions<RouteHandlerOptions>>().Value.HandlerSpans));
        services.TryAddSingleton<RouteHandlerMiddleware>();
        services.TryAddSingleton(sp => new RouteHandlerPipeline(
            sp.GetRequiredService<RouteHandlerMiddleware>(),
            DevelopmentTools.AreOn(sp) ? ActivatorUtilities.CreateInstance<DevelopmentPage>(sp) : null));
        services.AddRouteCache();
        services.AddCdnPurging();
        return services;
    }

    // What the library resolves at start, registered closed (see ClosedGenericServices): not made at run time.
    private static void AddClosedGenericServices(IServiceCollection services)
    {
        ClosedGenericServices.AddOptionsOf<RouteHandlerOptions>(services);
        ClosedGenericServices.AddOptionsOf<NextConfig>(services);
        ClosedGenericServices.AddOptionsOf<Caching.CacheOptions>(services);
        ClosedGenericServices.AddLoggerOf<RouteHandlerMiddleware>(services);
        ClosedGenericServices.AddLoggerOf<Caching.Engine.ResponseCache>(services);
        ClosedGenericServices.AddLoggerOf<Rendering.Prerenderer>(services);
        ClosedGenericServices.AddLoggerOf<Rendering.CacheRenderer>(services);
        ClosedGenericServices.AddLoggerOf<Invocation.AfterWork>(services);
        ClosedGenericServices.AddLoggerOf<Cdn.CdnPurger>(services);
    }
}
