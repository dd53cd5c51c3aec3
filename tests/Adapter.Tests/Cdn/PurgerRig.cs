using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.Memory;
using NextRouteHandlers.Cdn;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests.Cdn;

/// <summary>
/// What the purger tests share: one instance's purger over the memory queue and path index, sending to a local
/// Front Door stand-in, started; disposing it stops the purger and the stand-in.
/// </summary>
internal sealed record PurgerRig(FrontDoorStandIn FrontDoor, MemoryPurgeQueue Queue, MemoryCdnPathIndex Index, LogSink Logs, CdnPurger Purger) : IAsyncDisposable
{
    /// <summary>The Front Door endpoint the purger is configured with.</summary>
    public const string Endpoint = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Cdn/profiles/afd/afdEndpoints/site";

    /// <summary>Starts the stand-in and the purger.</summary>
    /// <param name="time">The purger's and the index's clock (Front Door's client keeps the system clock).</param>
    /// <param name="maxSharedAge"><c>Cache:Cdn:MaxSharedAge</c>, in seconds.</param>
    /// <param name="configure">The test's purge timings.</param>
    public static async Task<PurgerRig> StartAsync(TimeProvider time, int maxSharedAge, Action<FrontDoorCdnOptions> configure)
    {
        var frontDoor = await FrontDoorStandIn.StartAsync();
        var options = new FrontDoorCdnOptions { EndpointResourceId = Endpoint, ManagementEndpoint = frontDoor.BaseAddress, RetryDelay = TimeSpan.Zero };
        configure(options);
        var queue = new MemoryPurgeQueue();
        var index = new MemoryCdnPathIndex(time);
        var logs = new LogSink();
        var client = new FrontDoorPurgeClient(new HttpClient(), new TestCredential(), options, TimeProvider.System);
        var purger = new CdnPurger(queue, index, new LocalRegenerationLock(), client, options, maxSharedAge, "", time, new CdnMetrics(), logs.CreateLogger("cdn"));
        await purger.StartAsync(CancellationToken.None);
        return new PurgerRig(frontDoor, queue, index, logs, purger);
    }

    public async ValueTask DisposeAsync()
    {
        await Purger.StopAsync(CancellationToken.None);
        Purger.Dispose();
        await FrontDoor.DisposeAsync();
    }
}
