using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Caching.Engine;

/// <summary>
/// The incremental cache engine (Next.js's response cache): answers a cached route with a fresh entry (HIT), a stale
/// one while exactly one background render replaces it (STALE), or a render made during the request (MISS). It is a
/// composition: <see cref="CacheFreshness"/> judges entries, <see cref="RenderCoalescer"/> shares one render per key in
/// this instance, <see cref="RegenerationCoordinator"/> keeps it to one across instances, the
/// <see cref="CacheRegeneration"/> renders and stores an entry, the
/// <see cref="TieredIncrementalCache"/> keeps entries in this instance's memory in front of the shared store, and
/// <see cref="CacheTags"/> holds the tag state. A store that fails or is slow never fails a request.
/// </summary>
internal sealed partial class ResponseCache
{
    private readonly TieredIncrementalCache _entries;
    private readonly CacheTags _tags;
    private readonly RenderCoalescer _renders = new();
    private readonly CacheRegeneration _regeneration;
    private readonly CacheOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ResponseCache> _logger;
    private readonly CacheMetrics _metrics;
    private readonly RenderFailureBackoff _backoff;
    private readonly CancellationTokenSource _stopping = new();
    private readonly RecentCacheActivity? _activity;

    /// <summary>Creates the engine.</summary>
    /// <param name="store">Where entries live.</param>
    /// <param name="tags">Where tag state lives.</param>
    /// <param name="locks">The cross-instance regeneration lock.</param>
    /// <param name="options">Cache options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where failures are logged.</param>
    /// <param name="metrics">Where results are counted.</param>
    /// <param name="l1">The per-instance memory cache in front of <paramref name="store"/>, or null when the store is memory itself.</param>
    /// <param name="activity">Where answers and renders are recorded for the development page; null outside Development.</param>
    public ResponseCache(IIncrementalCache store, ITagStore tags, IRegenerationLock locks, IOptions<CacheOptions> options, TimeProvider time, ILogger<ResponseCache> logger, CacheMetrics metrics, IIncrementalCache? l1 = null, RecentCacheActivity? activity = null)
    {
        _activity = activity;
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(locks);
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _entries = l1 is null ? new TieredIncrementalCache(store, null, _options, metrics, logger) : new TieredIncrementalCache(l1, store, _options, metrics, logger);
        _tags = new CacheTags(tags, _options, time, metrics, logger);
        _backoff = new RenderFailureBackoff(_options.RetryAfterFailure, time);
        _regeneration = new CacheRegeneration(_entries, _tags, new RegenerationCoordinator(locks, _options, time, metrics, logger), _backoff, time, metrics, activity, logger, _stopping.Token);
    }

    /// <summary>Answers a request of a cached route.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="render">Renders the route into an entry; its token is cancelled when the app stops.</param>
    /// <param name="onDemand">True for an authorised <c>x-prerender-revalidate</c>: render now, whatever is stored.</param>
    /// <param name="onlyIfGenerated">With <paramref name="onDemand"/>: do nothing when no entry exists yet.</param>
    /// <param name="route">The route pattern, by which lookups are counted.</param>
    public ValueTask<CachedResponse> GetOrRenderAsync(string key, Func<CancellationToken, Task<CacheEntry>> render, bool onDemand = false, bool onlyIfGenerated = false, string? route = null)
    {
        ArgumentNullException.ThrowIfNull(render);
        return GetOrRenderAsync(key, static (render, token) => render(token), render, onDemand, onlyIfGenerated, route);
    }

    /// <summary>
    /// Answers a request of a cached route, rendering with <paramref name="render"/> of <paramref name="state"/>: the
    /// delegate over the request is made only when a render is needed, not on every hit.
    /// </summary>
    /// <typeparam name="TState">What the render needs.</typeparam>
    /// <param name="key">The cache key.</param>
    /// <param name="render">Renders the route into an entry; its token is cancelled when the app stops.</param>
    /// <param name="state">The render's state.</param>
    /// <param name="onDemand">True for an authorised <c>x-prerender-revalidate</c>: render now, whatever is stored.</param>
    /// <param name="onlyIfGenerated">With <paramref name="onDemand"/>: do nothing when no entry exists yet.</param>
    /// <param name="route">The route pattern, by which lookups are counted.</param>
    public ValueTask<CachedResponse> GetOrRenderAsync<TState>(string key, Func<TState, CancellationToken, Task<CacheEntry>> render, TState state, bool onDemand = false, bool onlyIfGenerated = false, string? route = null)
    {
        ArgumentNullException.ThrowIfNull(render);

        // The common case, a fresh entry in this instance's memory under current tag state, completes without awaiting
        // or allocating; everything else takes the full path below.
        if (!onDemand && _tags.TryGetCurrent(out var current) && _entries.TryGetLocal(key, out var entry)
            && CacheFreshness.Of(entry!, current, _time.GetUtcNow()) == Freshness.Fresh)
        {
            return ValueTask.FromResult(Answer(key, entry, CacheStatus.Hit, route));
        }

        return GetOrRenderSlowAsync(key, token => render(state, token), onDemand, onlyIfGenerated, route);
    }

    /// <summary>Stores a prerendered entry (the startup prerender), unless a usable entry for the key exists.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="render">Renders the route.</param>
    /// <param name="route">The route pattern, for the development page.</param>
    /// <returns>True when the entry was rendered now, false when a stored one was kept.</returns>
    public async Task<bool> PrerenderAsync(string key, Func<CancellationToken, Task<CacheEntry>> render, string? route = null)
    {
        ArgumentNullException.ThrowIfNull(render);
        _activity?.Seen(key, route, null);
        var existing = await _entries.GetSharedAsync(key).ConfigureAwait(false);
        if (existing is not null && CacheFreshness.Of(existing, await _tags.ReadAsync().ConfigureAwait(false), _time.GetUtcNow()) != Freshness.Expired) return false;
        await RenderOnceAsync(key, render, RegenerationTrigger.Prerender, waitForOtherInstance: true).ConfigureAwait(false);
        return true;
    }

    /// <summary>Reads a record kept beside the entries under a key no path has (never served), from the shared store.</summary>
    /// <param name="key">The record's key.</param>
    public ValueTask<CacheEntry?> ReadRecordAsync(string key) => _entries.GetSharedAsync(key);

    /// <summary>Stores such a record, in every tier.</summary>
    /// <param name="key">The record's key.</param>
    /// <param name="record">The record.</param>
    public ValueTask WriteRecordAsync(string key, CacheEntry record) => _entries.SetAsync(key, record, CancellationToken.None);

    /// <summary>
    /// Raised once invalidations are recorded (a handler's, <c>Next.After</c> work's, the development page's), so that
    /// what caches copies elsewhere (the CDN) hears of every one. Handlers must return at once.
    /// </summary>
    public event Action<IReadOnlyList<TagState>>? Invalidated;

    /// <summary>Records invalidations (<c>RevalidateTag</c>, <c>RevalidatePath</c>): honoured here at once, by other instances within the tag refresh interval.</summary>
    /// <param name="states">The invalidations.</param>
    public Task InvalidateAsync(IReadOnlyList<TagState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        return states.Count == 0 || Invalidated is null ? _tags.InvalidateAsync(states) : InvalidateAndTellAsync(states);
    }

    private async Task InvalidateAndTellAsync(IReadOnlyList<TagState> states)
    {
        await _tags.InvalidateAsync(states).ConfigureAwait(false);
        Invalidated?.Invoke(states);
    }

    /// <summary>
    /// Stops rendering (the app is stopping): the token every render got is cancelled, and the renders in flight get
    /// up to <paramref name="grace"/> to end. Nothing half-written is ever visible.
    /// </summary>
    /// <param name="grace">How long to wait for them.</param>
    public async Task StopAsync(TimeSpan grace)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _renders.DrainAsync(grace).ConfigureAwait(false);
    }

    private async ValueTask<CachedResponse> GetOrRenderSlowAsync(string key, Func<CancellationToken, Task<CacheEntry>> render, bool onDemand, bool onlyIfGenerated, string? route)
    {
        if (onDemand)
        {
            if (onlyIfGenerated && await _entries.GetSharedAsync(key).ConfigureAwait(false) is null) return Answer(key, null, CacheStatus.Revalidated, route);
            return Answer(key, await RenderOnceAsync(key, render, RegenerationTrigger.OnDemand, waitForOtherInstance: false, force: true).ConfigureAwait(false), CacheStatus.Revalidated, route);
        }

        var tags = await _tags.ReadAsync().ConfigureAwait(false);
        var entry = await _entries.GetAsync(key, CancellationToken.None).ConfigureAwait(false);
        var freshness = entry is null ? Freshness.Expired : CacheFreshness.Of(entry, tags, _time.GetUtcNow());
        if (entry is not null && freshness != Freshness.Fresh && _entries.IsShared)
        {
            // Another instance may have regenerated it already: look at the shared store before rendering here.
            var shared = await _entries.GetSharedAsync(key).ConfigureAwait(false);
            if (shared is not null && shared.LastModified > entry.LastModified)
            {
                entry = shared;
                freshness = CacheFreshness.Of(entry, tags, _time.GetUtcNow());
            }
        }

        switch (freshness)
        {
            case Freshness.Fresh:
                return Answer(key, entry, CacheStatus.Hit, route);
            case Freshness.Stale:
                RegenerateInBackground(key, render);
                return Answer(key, entry, CacheStatus.Stale, route);
            default:
                return Answer(key, await RenderOnceAsync(key, render, RegenerationTrigger.Miss, waitForOtherInstance: true).ConfigureAwait(false), CacheStatus.Miss, route);
        }
    }

    private CachedResponse Answer(string key, CacheEntry? entry, CacheStatus status, string? route)
    {
        _metrics.Lookup(status, route);
        _activity?.Seen(key, route, status);
        CacheLog.CacheAnswered(_logger, status);
        return new CachedResponse(entry, status);
    }

    private void RegenerateInBackground(string key, Func<CancellationToken, Task<CacheEntry>> render)
    {
        if (_renders.IsRunning(key) || _stopping.IsCancellationRequested) return;
        if (!_backoff.MayRetry(key)) return;

        // Registered now, so that a render is seen to run as soon as the stale answer is given; run on the thread pool,
        // so that the handler's synchronous start does not delay that answer. Its span is a trace of its own (it
        // outlives the request), linked to the request's.
        var cause = Activity.Current?.Context ?? default;
        var regeneration = _renders.RunOnceAsync(key, () => Task.Run(() => _regeneration.RenderAsync(key, render, RegenerationTrigger.Background, waitForOtherInstance: false, force: false, cause)));
        _ = regeneration.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// The stored entries of <paramref name="keys"/> with their freshness now, and the tag state (the development
    /// page's view; it reads the store as a request would).
    /// </summary>
    /// <param name="keys">The keys to read.</param>
    public async Task<CacheInspection> InspectAsync(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var tags = await _tags.ReadAsync().ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var entries = new List<InspectedEntry>(keys.Count);
        foreach (var key in keys)
        {
            var entry = await _entries.GetAsync(key, CancellationToken.None).ConfigureAwait(false);
            entries.Add(new InspectedEntry(key, entry, entry is null ? null : CacheFreshness.Of(entry, tags, now)));
        }

        return new CacheInspection(now, _entries.StoreKind, entries, tags);
    }

    /// <summary>Waits until no render runs (a test's way to know that background work is over).</summary>
    /// <param name="timeout">How long to wait at most.</param>
    internal Task RendersIdleAsync(TimeSpan timeout) => _renders.DrainAsync(timeout);

    private Task<CacheEntry> RenderOnceAsync(string key, Func<CancellationToken, Task<CacheEntry>> render, string trigger, bool waitForOtherInstance, bool force = false) =>
        _renders.RunOnceAsync(key, () => _regeneration.RenderAsync(key, render, trigger, waitForOtherInstance, force));

}
