using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Cdn;
using NextRouteHandlers.Cdn.AzureBlob;
using NextRouteHandlers.Proxy;

namespace NextRouteHandlers.Hosting;

/// <summary>Registers the CDN purge configured by <c>Cache:Cdn</c> (docs/cdn.md).</summary>
internal static class CdnServiceCollectionExtensions
{
    public static IServiceCollection AddCdnPurging(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new CdnMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(sp => new CdnPurging(CreatePurger(sp)));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<CdnPurging>());
        services.TryAddSingleton<CdnEdge>();
        return services;
    }

    private static CdnPurger? CreatePurger(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<CacheOptions>>().Value.Cdn.FrontDoor;
        if (!options.IsConfigured) return null;
        // Refused by the options validator when the switch is off; the check lets the trimmer drop the Azure SDK behind it.
        if (!AzureServicesFeature.IsSupported) throw new InvalidOperationException(AzureServicesFeature.Excluded(AzureServicesFeature.FrontDoorSetting));
        return CreateFrontDoorPurger(services, options);
    }

    // Apart, so that an app without a Front Door endpoint never loads the Azure SDK types it names on the start path.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static CdnPurger CreateFrontDoorPurger(IServiceProvider services, FrontDoorCdnOptions options)
    {
        var stores = services.GetRequiredService<CacheStores>();
        IPurgeQueue queue = stores.BlobContainer is { } container ? new BlobPurgeQueue(container) : new MemoryPurgeQueue();
        var time = services.GetRequiredService<TimeProvider>();
        ICdnPathIndex index = stores.BlobContainer is { } shared ? new BlobCdnPathIndex(shared) : new MemoryCdnPathIndex(time);

        // The app's own TokenCredential when it registers one (a test's, or a specific identity); else the managed
        // identity that AZURE_CLIENT_ID names, as the blob store uses.
        var credential = services.GetService<TokenCredential>() ?? new DefaultAzureCredential();
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };
        var client = new FrontDoorPurgeClient(http, credential, options, time);
        var basePath = services.GetService<IOptions<NextConfig>>()?.Value.BasePath ?? string.Empty;
        var maxSharedAge = services.GetRequiredService<IOptions<CacheOptions>>().Value.Cdn.MaxSharedAge;
        return new CdnPurger(queue, index, stores.Locks, client, options, maxSharedAge, basePath, time, services.GetRequiredService<CdnMetrics>(), services.GetRequiredService<ILogger<CdnPurger>>());
    }
}
