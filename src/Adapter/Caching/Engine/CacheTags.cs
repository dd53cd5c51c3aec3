using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Caching.Engine;

/// <summary>
/// The tag state the engine judges entries by: this instance's copy of the shared state (<see cref="TagSnapshot"/>),
/// and the invalidations made here, honoured here at once and written to the shared store for the other instances.
/// A store that fails costs nothing but staleness: reads keep the last copy, a failed write is honoured here only.
/// </summary>
internal sealed partial class CacheTags
{
    private readonly ITagStore _store;
    private readonly TagSnapshot _snapshot;
    private readonly CacheOptions _options;
    private readonly CacheMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Func<Task<IReadOnlyDictionary<string, TagState>?>> _read;
    private readonly TimeProvider _time;
    private readonly string _storeKind;
    private DateTimeOffset _newestSeen = DateTimeOffset.MinValue;
    private bool _seenBefore;

    /// <summary>Creates the tag state over a store.</summary>
    public CacheTags(ITagStore store, CacheOptions options, TimeProvider time, CacheMetrics metrics, ILogger logger)
    {
        _store = store;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _snapshot = new TagSnapshot(time, options.TagRefreshInterval);
        _time = time;
        _storeKind = TieredIncrementalCache.StoreKindName(options.Store);
        _read = ReadStoreAsync;
    }

    /// <summary>The state, when this instance's copy is young enough to be used without reading the store.</summary>
    /// <param name="states">The state.</param>
    public bool TryGetCurrent(out IReadOnlyDictionary<string, TagState> states) => _snapshot.TryGetCurrent(out states);

    /// <summary>The current state: the copy, re-read from the store when it is older than the refresh interval.</summary>
    public Task<IReadOnlyDictionary<string, TagState>> ReadAsync() => _snapshot.GetAsync(_read);

    /// <summary>Records invalidations: honoured here at once, by other instances within the tag refresh interval.</summary>
    /// <param name="states">The invalidations.</param>
    public async Task InvalidateAsync(IReadOnlyList<TagState> states)
    {
        if (states.Count == 0) return;
        _snapshot.MergeLocal(states);
        var clock = Stopwatch.StartNew();
        using var activity = StartTagSpan("cache tags write");
        activity?.SetTag(TelemetryTags.TagCount, states.Count);
        string? failure = null;
        try
        {
            using var timeout = new CancellationTokenSource(_options.StoreTimeout);
            await _store.SetAsync(states, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            failure = exception.GetType().FullName;
            RouteHandlerActivities.Fail(activity, exception);
            _metrics.Failed("tag-write");
            CacheLog.TagWriteFailed(_logger, exception, states.Count);
        }
        finally
        {
            _metrics.StoreOperation("tags-write", _storeKind, clock.Elapsed, failure);
        }
    }

    private async Task<IReadOnlyDictionary<string, TagState>?> ReadStoreAsync()
    {
        var clock = Stopwatch.StartNew();
        using var activity = StartTagSpan("cache tags refresh");
        string? failure = null;
        try
        {
            using var timeout = new CancellationTokenSource(_options.StoreTimeout);
            var states = await _store.GetAllAsync(timeout.Token).ConfigureAwait(false);
            RecordLag(states);
            activity?.SetTag(TelemetryTags.TagCount, states.Count);
            return states;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            failure = exception.GetType().FullName;
            RouteHandlerActivities.Fail(activity, exception);
            _metrics.Failed("tag-read");
            CacheLog.TagReadFailed(_logger, exception);
            return null;
        }
        finally
        {
            _metrics.StoreOperation("tags-read", _storeKind, clock.Elapsed, failure);
        }
    }

    // The lag of an invalidation made elsewhere: from its time to this read. Only invalidations newer than the newest
    // this instance has seen count (the first read sets the mark), and those made here are in the copy already.
    private void RecordLag(IReadOnlyDictionary<string, TagState> states)
    {
        var newest = _newestSeen;
        var now = _time.GetUtcNow();
        foreach (var state in states.Values)
        {
            if (state.Stale is not { } stale || stale <= newest) continue;
            if (_seenBefore && !_snapshot.HasLocal(state)) _metrics.TagRefreshLag(now - stale);
            if (stale > _newestSeen) _newestSeen = stale;
        }

        _seenBefore = true;
    }

    private Activity? StartTagSpan(string name)
    {
        var activity = RouteHandlerActivities.Start(name, ActivityKind.Client);
        activity?.SetTag(TelemetryTags.StoreKind, _storeKind);
        return activity;
    }

}
