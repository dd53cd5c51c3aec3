using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NextRouteHandlers.Caching;

/// <summary>
/// The incremental cache engine (Next.js's response cache): answers a cached route with a fresh entry (HIT), a stale
/// one while exactly one background render replaces it (STALE), or a render made during the request (MISS).
/// Concurrent misses of a key share one render; across instances a lock makes one instance render while the others
/// wait for its entry. An entry is kept in this instance's memory (L1) in front of the shared store. A store that
/// fails or is slow never fails a request: the engine serves from L1, serves stale, or renders.
/// </summary>
public sealed partial class ResponseCache
{
    private readonly IIncrementalCache _store;
    private readonly IIncrementalCache? _l1;
    private readonly IRegenerationLock _locks;
    private readonly TagSnapshot _tags;
    private readonly CacheOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ResponseCache> _logger;
    private readonly CacheMetrics _metrics;
    private readonly ConcurrentDictionary<string, Task<CacheEntry>> _renders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _failedAt = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<Task<IReadOnlyDictionary<string, TagState>?>> _readTags;

    // The in-process entries a hit can be answered from without awaiting: the L1, or the store when it is memory.
    private readonly IIncrementalCache? _memoryOnly;

    /// <summary>Creates the engine.</summary>
    /// <param name="store">Where entries live.</param>
    /// <param name="tags">Where tag state lives.</param>
    /// <param name="locks">The cross-instance regeneration lock.</param>
    /// <param name="options">Cache options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where failures are logged.</param>
    /// <param name="metrics">Where results are counted.</param>
    /// <param name="l1">The per-instance memory cache in front of <paramref name="store"/>, or null when the store is memory itself.</param>
    public ResponseCache(IIncrementalCache store, ITagStore tags, IRegenerationLock locks, IOptions<CacheOptions> options, TimeProvider time, ILogger<ResponseCache> logger, CacheMetrics metrics, IIncrementalCache? l1 = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _locks = locks ?? throw new ArgumentNullException(nameof(locks));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _tags = new TagSnapshot(tags ?? throw new ArgumentNullException(nameof(tags)), time, _options.TagRefreshInterval);
        _l1 = l1;
        _readTags = ReadTagStoreAsync;
        _memoryOnly = l1 ?? (store as Memory.MemoryIncrementalCache);
    }

    /// <summary>Answers a request of a cached route.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="render">Renders the route into an entry; its token is cancelled only when the app stops.</param>
    /// <param name="onDemand">True for an authorised <c>x-prerender-revalidate</c>: render now, whatever is stored.</param>
    /// <param name="onlyIfGenerated">With <paramref name="onDemand"/>: do nothing when no entry exists yet.</param>
    public ValueTask<CachedResponse> GetOrRenderAsync(string key, Func<CancellationToken, Task<CacheEntry>> render, bool onDemand = false, bool onlyIfGenerated = false)
    {
        ArgumentNullException.ThrowIfNull(render);

        // The common case, a fresh entry in this instance's memory under current tag state, completes without awaiting
        // or allocating; everything else takes the full path below.
        if (!onDemand && _memoryOnly is not null && _tags.TryGetCurrent(out var current))
        {
            var local = _memoryOnly.GetAsync(key, CancellationToken.None);
            if (local.IsCompletedSuccessfully && local.Result is { } entry && Evaluate(entry, current) == Freshness.Fresh)
            {
                return ValueTask.FromResult(Answer(entry, CacheStatus.Hit));
            }
        }

        return GetOrRenderSlowAsync(key, render, onDemand, onlyIfGenerated);
    }

    private async ValueTask<CachedResponse> GetOrRenderSlowAsync(string key, Func<CancellationToken, Task<CacheEntry>> render, bool onDemand, bool onlyIfGenerated)
    {
        if (onDemand)
        {
            if (onlyIfGenerated && await ReadAsync(key, preferShared: true).ConfigureAwait(false) is null) return Answer(null, CacheStatus.Revalidated);
            return Answer(await RenderOnceAsync(key, render, waitForOtherInstance: false, force: true).ConfigureAwait(false), CacheStatus.Revalidated);
        }

        var tags = await ReadTagsAsync().ConfigureAwait(false);
        var entry = await ReadAsync(key, preferShared: false).ConfigureAwait(false);
        var freshness = entry is null ? Freshness.Expired : Evaluate(entry, tags);
        if (entry is not null && freshness != Freshness.Fresh && _l1 is not null)
        {
            // Another instance may have regenerated it already: look at the shared store before rendering here.
            var shared = await ReadAsync(key, preferShared: true).ConfigureAwait(false);
            if (shared is not null && shared.LastModified > entry.LastModified)
            {
                entry = shared;
                freshness = Evaluate(entry, tags);
            }
        }

        switch (freshness)
        {
            case Freshness.Fresh:
                return Answer(entry, CacheStatus.Hit);
            case Freshness.Stale:
                RegenerateInBackground(key, render);
                return Answer(entry, CacheStatus.Stale);
            default:
                return Answer(await RenderOnceAsync(key, render, waitForOtherInstance: true).ConfigureAwait(false), CacheStatus.Miss);
        }
    }

    /// <summary>Stores a prerendered entry (the startup prerender), unless a usable entry for the key exists.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="render">Renders the route.</param>
    /// <returns>True when the entry was rendered now, false when a stored one was kept.</returns>
    public async Task<bool> PrerenderAsync(string key, Func<CancellationToken, Task<CacheEntry>> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var existing = await ReadAsync(key, preferShared: true).ConfigureAwait(false);
        if (existing is not null && Evaluate(existing, await ReadTagsAsync().ConfigureAwait(false)) != Freshness.Expired) return false;
        await RenderOnceAsync(key, render, waitForOtherInstance: true).ConfigureAwait(false);
        return true;
    }

    /// <summary>Records invalidations (<c>RevalidateTag</c>, <c>RevalidatePath</c>): honoured here at once, by other instances within the tag refresh interval.</summary>
    /// <param name="states">The invalidations.</param>
    public async Task InvalidateAsync(IReadOnlyList<TagState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0) return;
        _tags.MergeLocal(states);
        var clock = Stopwatch.StartNew();
        try
        {
            using var timeout = new CancellationTokenSource(_options.StoreTimeout);
            await _tags.Store.SetAsync(states, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _metrics.Failed("tag-write");
            Log.TagWriteFailed(_logger, exception, states.Count);
        }
        finally
        {
            _metrics.StoreOperation("tags-write", clock.Elapsed);
        }
    }

    /// <summary>Stops background regenerations (the app is stopping).</summary>
    public void Stop() => _stopping.Cancel();

    /// <summary>Waits for the renders in flight, up to <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long to wait.</param>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var pending = _renders.Values.ToArray();
        if (pending.Length == 0) return;
        try
        {
            await Task.WhenAll(pending).WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException || pending.Any(p => p.IsFaulted))
        {
            // Renders that fail or outlive the grace period are abandoned; nothing half-written is ever visible.
        }
    }

    private CachedResponse Answer(CacheEntry? entry, CacheStatus status)
    {
        _metrics.Lookup(status);
        return new CachedResponse(entry, status);
    }

    private Freshness Evaluate(CacheEntry entry, IReadOnlyDictionary<string, TagState> tags)
    {
        var now = _time.GetUtcNow();
        if (entry.Expire is { } expire && now > entry.LastModified.AddSeconds(expire)) return Freshness.Expired;
        var stale = entry.Revalidate is { } revalidate && now > entry.LastModified.AddSeconds(revalidate);
        foreach (var tag in entry.Tags)
        {
            if (!tags.TryGetValue(tag, out var state)) continue;
            if (state.Expired is { } expired && expired <= now && expired > entry.LastModified) return Freshness.Expired;
            if (state.Stale is { } staleAt && staleAt > entry.LastModified) stale = true;
        }

        return stale ? Freshness.Stale : Freshness.Fresh;
    }

    private void RegenerateInBackground(string key, Func<CancellationToken, Task<CacheEntry>> render)
    {
        if (_renders.ContainsKey(key)) return;
        if (_failedAt.TryGetValue(key, out var failedAt) && _time.GetUtcNow() - failedAt < _options.RetryAfterFailure) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await RenderOnceAsync(key, render, waitForOtherInstance: false).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Logged in RenderOnceAsync; the stale entry stays.
            }
        });
    }

    private Task<CacheEntry> RenderOnceAsync(string key, Func<CancellationToken, Task<CacheEntry>> render, bool waitForOtherInstance, bool force = false)
    {
        var created = new TaskCompletionSource<CacheEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = _renders.GetOrAdd(key, created.Task);
        if (task != created.Task) return task;
        _ = RunRenderAsync(key, render, waitForOtherInstance, force, created);
        return task;
    }

    private async Task RunRenderAsync(string key, Func<CancellationToken, Task<CacheEntry>> render, bool waitForOtherInstance, bool force, TaskCompletionSource<CacheEntry> result)
    {
        try
        {
            var handle = await TryLockAsync(key).ConfigureAwait(false);
            if (handle is null && !waitForOtherInstance)
            {
                // Another instance is regenerating this key; its entry will be picked up from the shared store.
                if (await ReadAsync(key, preferShared: true).ConfigureAwait(false) is { } current)
                {
                    result.SetResult(current);
                    return;
                }
            }
            else if (handle is null)
            {
                var (rendered, acquired) = await WaitForOtherInstanceAsync(key).ConfigureAwait(false);
                if (rendered is not null)
                {
                    result.SetResult(rendered);
                    return;
                }

                handle = acquired;
            }

            await using (handle)
            {
                // Holding the lock: another instance may have stored a fresh entry just before it let go.
                if (!force && handle is not null && await FreshSharedEntryAsync(key).ConfigureAwait(false) is { } fresh)
                {
                    result.SetResult(fresh);
                    return;
                }

                var entry = await render(_stopping.Token).ConfigureAwait(false);
                _metrics.Regenerated();
                _failedAt.TryRemove(key, out _);
                if (CachePolicy.MayStore(entry)) await WriteAsync(key, entry).ConfigureAwait(false);
                else Log.NotStored(_logger, key);
                result.SetResult(entry);
            }
        }
        catch (Exception exception) when (exception is DynamicUsageException or RenderDeclinedException)
        {
            // The route turned out not to be cacheable: a decision the caller acts on, not a failure.
            Log.RenderDeclined(_logger, key, exception.Message);
            result.SetException(exception);
        }
        catch (Exception exception)
        {
            _failedAt[key] = _time.GetUtcNow();
            _metrics.Failed("render");
            Log.RenderFailed(_logger, exception, key);
            result.SetException(exception);
        }
        finally
        {
            _renders.TryRemove(new KeyValuePair<string, Task<CacheEntry>>(key, result.Task));
        }
    }

    /// <summary>Waits while another instance renders the key: its fresh entry, or the lock once it lets go (null on time-out).</summary>
    private async Task<(CacheEntry? Entry, IAsyncDisposable? Lock)> WaitForOtherInstanceAsync(string key)
    {
        var deadline = _time.GetUtcNow() + TimeSpan.FromSeconds(30);
        while (_time.GetUtcNow() < deadline && !_stopping.IsCancellationRequested)
        {
            await Task.Delay(100, _stopping.Token).ConfigureAwait(false);
            if (await FreshSharedEntryAsync(key).ConfigureAwait(false) is { } entry) return (entry, null);
            if (await TryLockAsync(key).ConfigureAwait(false) is { } handle) return (null, handle);
        }

        return (null, null);
    }

    private async Task<CacheEntry?> FreshSharedEntryAsync(string key)
    {
        var entry = await ReadAsync(key, preferShared: true).ConfigureAwait(false);
        return entry is not null && Evaluate(entry, await ReadTagsAsync().ConfigureAwait(false)) == Freshness.Fresh ? entry : null;
    }

    private async Task<IAsyncDisposable?> TryLockAsync(string key)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_options.StoreTimeout);
            return await _locks.TryAcquireAsync(key, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Without the lock service, render here: a second render is better than no response.
            _metrics.Failed("lock");
            Log.LockFailed(_logger, exception, key);
            return NoLock.Instance;
        }
    }

    private async Task<CacheEntry?> ReadAsync(string key, bool preferShared)
    {
        if (!preferShared && _l1 is not null && await _l1.GetAsync(key, CancellationToken.None).ConfigureAwait(false) is { } local) return local;
        var clock = Stopwatch.StartNew();
        try
        {
            using var timeout = new CancellationTokenSource(_options.StoreTimeout);
            var entry = await _store.GetAsync(key, timeout.Token).ConfigureAwait(false);
            if (entry is not null && _l1 is not null) await _l1.SetAsync(key, entry, CancellationToken.None).ConfigureAwait(false);
            return entry ?? (_l1 is null ? null : await _l1.GetAsync(key, CancellationToken.None).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _metrics.Failed("store-read");
            Log.StoreReadFailed(_logger, exception, key);
            return _l1 is null ? null : await _l1.GetAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _metrics.StoreOperation("read", clock.Elapsed);
        }
    }

    private async Task WriteAsync(string key, CacheEntry entry)
    {
        if (_l1 is not null) await _l1.SetAsync(key, entry, CancellationToken.None).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        try
        {
            using var timeout = new CancellationTokenSource(_options.StoreTimeout);
            await _store.SetAsync(key, entry, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _metrics.Failed("store-write");
            Log.StoreWriteFailed(_logger, exception, key);
        }
        finally
        {
            _metrics.StoreOperation("write", clock.Elapsed);
        }
    }

    private Task<IReadOnlyDictionary<string, TagState>> ReadTagsAsync() => _tags.GetAsync(_readTags);

    private async Task<IReadOnlyDictionary<string, TagState>?> ReadTagStoreAsync()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var timeout = new CancellationTokenSource(_options.StoreTimeout);
            return await _tags.Store.GetAllAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _metrics.Failed("tag-read");
            Log.TagReadFailed(_logger, exception);
            return null;
        }
        finally
        {
            _metrics.StoreOperation("tags-read", clock.Elapsed);
        }
    }

    private enum Freshness
    {
        Fresh,
        Stale,
        Expired,
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "Rendering the cached route '{Key}' failed; a stale entry, if any, keeps being served.")]
        public static partial void RenderFailed(ILogger logger, Exception exception, string key);

        [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Reading '{Key}' from the cache store failed; serving without it.")]
        public static partial void StoreReadFailed(ILogger logger, Exception exception, string key);

        [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Writing '{Key}' to the cache store failed; the entry is kept in memory only.")]
        public static partial void StoreWriteFailed(ILogger logger, Exception exception, string key);

        [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Reading tag state failed; the last state read is used.")]
        public static partial void TagReadFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Writing {Count} tag invalidation(s) to the shared store failed; only this instance honours them.")]
        public static partial void TagWriteFailed(ILogger logger, Exception exception, int count);

        [LoggerMessage(EventId = 106, Level = LogLevel.Debug, Message = "The response of '{Key}' is marked private or no-store and was not stored.")]
        public static partial void NotStored(ILogger logger, string key);

        [LoggerMessage(EventId = 107, Level = LogLevel.Debug, Message = "The render of '{Key}' stored nothing: {Reason}")]
        public static partial void RenderDeclined(ILogger logger, string key, string reason);

        [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Taking the regeneration lock of '{Key}' failed; rendering without it.")]
        public static partial void LockFailed(ILogger logger, Exception exception, string key);
    }
}
