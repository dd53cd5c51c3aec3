using System.Diagnostics;
using Microsoft.Extensions.Logging;

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

    /// <summary>Creates the tag state over a store.</summary>
    public CacheTags(ITagStore store, CacheOptions options, TimeProvider time, CacheMetrics metrics, ILogger logger)
    {
        _store = store;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _snapshot = new TagSnapshot(time, options.TagRefreshInterval);
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
        try
        {
            using var timeout = new CancellationTokenSource(_options.StoreTimeout);
            await _store.SetAsync(states, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _metrics.Failed("tag-write");
            CacheLog.TagWriteFailed(_logger, exception, states.Count);
        }
        finally
        {
            _metrics.StoreOperation("tags-write", clock.Elapsed);
        }
    }

    private async Task<IReadOnlyDictionary<string, TagState>?> ReadStoreAsync()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var timeout = new CancellationTokenSource(_options.StoreTimeout);
            return await _store.GetAllAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _metrics.Failed("tag-read");
            CacheLog.TagReadFailed(_logger, exception);
            return null;
        }
        finally
        {
            _metrics.StoreOperation("tags-read", clock.Elapsed);
        }
    }

}
