using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Caching.Engine;

/// <summary>
/// This instance's memory in front of the shared store (Next.js's in-memory LRU in front of its cache handler): reads
/// look in memory first, writes go to both. A shared store that fails or does not answer within
/// <see cref="CacheOptions.StoreTimeout"/> costs a request nothing but the wait: reads fall back to memory and writes
/// keep the entry in memory only. With the memory store alone there is no shared tier. The store timeout runs on the
/// wall clock: it bounds waiting for I/O, whatever clock decides freshness.
/// </summary>
internal sealed partial class TieredIncrementalCache(IIncrementalCache local, IIncrementalCache? shared, CacheOptions options, CacheMetrics metrics, ILogger logger) : IIncrementalCache
{
    /// <summary>Whether entries may be changed by another instance (there is a shared tier).</summary>
    public bool IsShared => shared is not null;

    /// <summary>The entry from memory without awaiting, when it is there: the path of a cache hit.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="entry">The entry.</param>
    public bool TryGetLocal(string key, out CacheEntry? entry)
    {
        var read = local.GetAsync(key, CancellationToken.None);
        entry = read.IsCompletedSuccessfully ? read.Result : null;
        return entry is not null;
    }

    /// <inheritdoc />
    public async ValueTask<CacheEntry?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (await local.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } entry) return entry;
        return await GetSharedAsync(key).ConfigureAwait(false);
    }

    /// <summary>The entry as the shared store has it (another instance may have written a newer one), kept in memory too.</summary>
    /// <param name="key">The cache key.</param>
    public async ValueTask<CacheEntry?> GetSharedAsync(string key)
    {
        if (shared is null) return await local.GetAsync(key, CancellationToken.None).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        using var activity = StartStoreSpan("cache store read", "read", key);
        string? failure = null;
        try
        {
            using var timeout = new CancellationTokenSource(options.StoreTimeout);
            var entry = await shared.GetAsync(key, timeout.Token).ConfigureAwait(false);
            if (entry is not null) await local.SetAsync(key, entry, CancellationToken.None).ConfigureAwait(false);
            return entry ?? await local.GetAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            failure = exception.GetType().FullName;
            RouteHandlerActivities.Fail(activity, exception);
            metrics.Failed("store-read");
            CacheLog.StoreReadFailed(logger, exception, key);
            return await local.GetAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            metrics.StoreOperation("read", StoreKind, clock.Elapsed, failure);
        }
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(string key, CacheEntry entry, CancellationToken cancellationToken)
    {
        await local.SetAsync(key, entry, CancellationToken.None).ConfigureAwait(false);
        if (shared is null) return;
        var clock = Stopwatch.StartNew();
        using var activity = StartStoreSpan("cache store write", "write", key);
        string? failure = null;
        try
        {
            using var timeout = new CancellationTokenSource(options.StoreTimeout);
            await shared.SetAsync(key, entry, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            failure = exception.GetType().FullName;
            RouteHandlerActivities.Fail(activity, exception);
            metrics.Failed("store-write");
            CacheLog.StoreWriteFailed(logger, exception, key);
        }
        finally
        {
            metrics.StoreOperation("write", StoreKind, clock.Elapsed, failure);
        }
    }

    /// <summary>The shared store's kind, as spans and metrics name it.</summary>
    public string StoreKind { get; } = StoreKindName(options.Store);

    /// <summary>The name of a store kind in telemetry: <c>memory</c>, <c>filesystem</c>, <c>azureblob</c>.</summary>
    /// <param name="kind">The kind.</param>
    public static string StoreKindName(CacheStoreKind kind) => kind switch
    {
        CacheStoreKind.Memory => "memory",
        CacheStoreKind.AzureBlob => "azureblob",
        _ => "filesystem",
    };

    private Activity? StartStoreSpan(string name, string operation, string key)
    {
        var activity = RouteHandlerActivities.Start(name, ActivityKind.Client);
        if (activity is null) return null;
        activity.SetTag(TelemetryTags.StoreKind, StoreKind);
        activity.SetTag(TelemetryTags.StoreOperation, operation);
        activity.SetTag(TelemetryTags.CacheKeyHash, CacheKeyHash.Of(key));
        return activity;
    }

}
