namespace NextRouteHandlers.Caching;

/// <summary>
/// This instance's copy of the shared tag state, re-read at most once per <see cref="CacheOptions.TagRefreshInterval"/>
/// (one read at a time). Invalidations made here are merged in at once, so this instance honours them immediately and
/// every other instance within one interval. When the store cannot be read, the last copy keeps being used.
/// </summary>
internal sealed class TagSnapshot
{
    private readonly ITagStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Dictionary<string, TagState> _states = new(StringComparer.Ordinal);
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public TagSnapshot(ITagStore store, TimeProvider time, TimeSpan interval)
    {
        _store = store;
        _time = time;
        _interval = interval;
    }

    public async ValueTask<IReadOnlyDictionary<string, TagState>> GetAsync(Func<Task<IReadOnlyDictionary<string, TagState>?>> read)
    {
        if (_time.GetUtcNow() - _readAt < _interval) return Volatile.Read(ref _states);
        if (!await _refresh.WaitAsync(0).ConfigureAwait(false)) return Volatile.Read(ref _states);
        try
        {
            var fresh = await read().ConfigureAwait(false);
            if (fresh is not null)
            {
                var merged = new Dictionary<string, TagState>(fresh, StringComparer.Ordinal);
                foreach (var (tag, local) in Volatile.Read(ref _states))
                {
                    merged[tag] = merged.TryGetValue(tag, out var shared) ? TagStates.Merge(shared, local) : local;
                }

                Volatile.Write(ref _states, merged);
            }

            _readAt = _time.GetUtcNow();
        }
        finally
        {
            _refresh.Release();
        }

        return Volatile.Read(ref _states);
    }

    public void MergeLocal(IEnumerable<TagState> states)
    {
        lock (_refresh)
        {
            var copy = new Dictionary<string, TagState>(Volatile.Read(ref _states), StringComparer.Ordinal);
            foreach (var state in states) copy[state.Tag] = copy.TryGetValue(state.Tag, out var existing) ? TagStates.Merge(existing, state) : state;
            Volatile.Write(ref _states, copy);
        }
    }

    public ITagStore Store => _store;
}
