using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.FileSystem;
using NextRouteHandlers.Caching.Memory;
using NextRouteHandlers.Rendering;
using NextRouteHandlers.Caching.Engine;
using NextRouteHandlers.Invocation;

namespace NextRouteHandlers.Hosting;

/// <summary>Registers the response cache configured by the <c>Cache</c> section.</summary>
internal static class CacheServiceCollectionExtensions
{
    public static IServiceCollection AddRouteCache(this IServiceCollection services)
    {
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CacheOptions>, CacheOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CacheMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(sp => new CacheBuild(sp.GetRequiredService<IOptions<CacheOptions>>().Value.BuildId));
        services.TryAddSingleton<RouteCacheState>();
        services.TryAddSingleton(sp => new DraftModeId(
            sp.GetRequiredService<IOptions<CacheOptions>>().Value, sp.GetRequiredService<CacheBuild>(), sp.GetService<IHostEnvironment>()?.IsDevelopment() == true));
        services.TryAddSingleton(CreateStores);
        services.TryAddSingleton(sp => new RecentCacheActivity(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp =>
        {
            var stores = sp.GetRequiredService<CacheStores>();
            return new ResponseCache(
                stores.Entries, stores.Tags, stores.Locks, sp.GetRequiredService<IOptions<CacheOptions>>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<ResponseCache>>(), sp.GetRequiredService<CacheMetrics>(), stores.L1,
                DevelopmentTools.AreOn(sp) ? sp.GetRequiredService<RecentCacheActivity>() : null);
        });
        services.TryAddSingleton<AfterWork>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AfterWorkShutdown>());
        services.TryAddSingleton<CacheRenderer>();
        services.TryAddSingleton<Prerenderer>();
        // Hosted services start one after another in registration order. The prerender goes before every one
        // registered so far, the web server among them (the isolated worker registers its server before the app's
        // services), so that the first request an app answers finds the static paths already rendered.
        if (services.Any(d => d.ServiceType == typeof(StartupPrerender))) return services;
        services.AddSingleton<StartupPrerender>();
        var firstHostedService = services.TakeWhile(d => d.ServiceType != typeof(IHostedService)).Count();
        services.Insert(firstHostedService, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<Prerenderer>()));
        return services;
    }

    private static CacheStores CreateStores(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<CacheOptions>>().Value;
        var l1 = new MemoryIncrementalCache(options.Memory.SizeLimitBytes);
        switch (options.Store)
        {
            case CacheStoreKind.Memory:
                return new CacheStores(l1, new MemoryTagStore(), new LocalRegenerationLock(), null);
            case CacheStoreKind.AzureBlob:
                // The options validator has already refused this when the switch is off; the check lets the trimmer
                // drop the Azure SDK behind it.
                if (!AzureServicesFeature.IsSupported) throw new InvalidOperationException(AzureServicesFeature.Excluded(AzureServicesFeature.BlobStoreSetting));
                return Caching.AzureBlob.AzureBlobCacheStores.Create(options.AzureBlob, l1);
            default:
                var root = options.FileSystem.Path ?? DefaultFileSystemPath(services);
                return new CacheStores(new FileSystemIncrementalCache(root), new FileSystemTagStore(root), new LocalRegenerationLock(), l1);
        }
    }

    private static string DefaultFileSystemPath(IServiceProvider services)
    {
        // The Function App's folder is read-only in Azure (it runs from the deployment package); its temp folder is not.
        if (services.GetRequiredService<FunctionsHostEnvironment>().IsBehindHost) return Path.Combine(Path.GetTempPath(), "route-cache");
        return Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, ".route-cache");
    }

    /// <summary>Marks that the startup prerender is registered, so that a second registration adds no second run.</summary>
    private sealed class StartupPrerender;
}
