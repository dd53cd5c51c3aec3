namespace NextRouteHandlers.Caching.Engine;

/// <summary>
/// This instance's copy of the shared tag state, re-read at most once per <see cref="CacheOptions.TagRefreshInterval"/>.
/// When the copy is older than that, every caller waits for the same single re-read, so no request is answered with
/// state older than the interval. Invalidations made here are merged in at once, so this instance honours them
/// immediately and every other instance within one interval. When the store cannot be read, the last copy is used.
/// </summary>
internal sealed class TagSnapshot
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();
    private volatile Dictionary<string, TagState> _states = new(StringComparer.Ordinal);
    private long _readAtTicks = DateTimeOffset.MinValue.UtcTicks;
    private Task<IReadOnlyDictionary<string, TagState>>? _refreshing;

    public TagSnapshot(TimeProvider time, TimeSpan interval)
    {
        _time = time;
        _interval = interval;
    }

    public Task<IReadOnlyDictionary<string, TagState>> GetAsync(Func<Task<IReadOnlyDictionary<string, TagState>?>> read)
    {
        if (TryGetCurrent(out var current)) return Task.FromResult(current);
        lock (_gate)
        {
            if (IsCurrent()) return Task.FromResult<IReadOnlyDictionary<string, TagState>>(_states);
            return _refreshing ??= RefreshAsync(read);
        }
    }

    /// <summary>The state, when the copy is younger than the interval; the cache-hit path asks this without locking.</summary>
    public bool TryGetCurrent(out IReadOnlyDictionary<string, TagState> states)
    {
        // A request racing a refresh may get the state from just before it, as if it had arrived a moment earlier.
        states = _states;
        return IsCurrent();
    }

    private bool IsCurrent() => _time.GetUtcNow().UtcTicks - Volatile.Read(ref _readAtTicks) < _interval.Ticks;

    /// <summary>Whether the copy holds <paramref name="state"/> already (an invalidation made, or seen, here).</summary>
    public bool HasLocal(TagState state) => _states.TryGetValue(state.Tag, out var known) && known.Stale >= state.Stale;

    public void MergeLocal(IEnumerable<TagState> states)
    {
        lock (_gate)
        {
            var copy = new Dictionary<string, TagState>(_states, StringComparer.Ordinal);
            foreach (var state in states) copy[state.Tag] = copy.TryGetValue(state.Tag, out var existing) ? TagStates.Merge(existing, state) : state;
            _states = copy;
        }
    }

    private async Task<IReadOnlyDictionary<string, TagState>> RefreshAsync(Func<Task<IReadOnlyDictionary<string, TagState>?>> read)
    {
        await Task.Yield();
        var startedAt = _time.GetUtcNow();
        try
        {
            var fresh = await read().ConfigureAwait(false);
            lock (_gate)
            {
                if (fresh is not null)
                {
                    var merged = new Dictionary<string, TagState>(fresh, StringComparer.Ordinal);
                    foreach (var (tag, local) in _states) merged[tag] = merged.TryGetValue(tag, out var shared) ? TagStates.Merge(shared, local) : local;
                    _states = merged;
                }

                // A failed read is retried after one interval too, not on every request.
                Volatile.Write(ref _readAtTicks, startedAt.UtcTicks);
                return _states;
            }
        }
        finally
        {
            lock (_gate) _refreshing = null;
        }
    }
}
