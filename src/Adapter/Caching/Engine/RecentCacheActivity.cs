namespace NextRouteHandlers.Caching.Engine;

/// <summary>One render of a cached route, as the development page lists it.</summary>
/// <param name="At">When it ended.</param>
/// <param name="Key">The cache key.</param>
/// <param name="Trigger">What made it run: <c>miss</c>, <c>background</c>, <c>on-demand</c>, <c>prerender</c>.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="ErrorType">The exception's type when it failed, else null.</param>
internal sealed record RegenerationRecord(DateTimeOffset At, string Key, string Trigger, TimeSpan Duration, string? ErrorType);

/// <summary>A cache key this instance answered or rendered, with its route and its last answer.</summary>
/// <param name="Key">The cache key.</param>
/// <param name="Route">The route pattern, when known.</param>
/// <param name="LastStatus">How it was last answered (null: only prerendered).</param>
/// <param name="LastSeen">When.</param>
internal sealed record SeenCacheKey(string Key, string? Route, CacheStatus? LastStatus, DateTimeOffset LastSeen);

/// <summary>
/// What the cache engine did lately in this instance, kept for the development page: the keys it answered (at most
/// <see cref="MaxKeys"/>; later ones are not tracked, so a crawl cannot grow it) and the last
/// <see cref="MaxRegenerations"/> renders. The stores cannot list their entries (a blob container could hold millions),
/// so the page shows the entries of these keys. It exists only in the Development environment; elsewhere the engine
/// has none and pays nothing.
/// </summary>
internal sealed class RecentCacheActivity(TimeProvider time)
{
    /// <summary>How many distinct keys are tracked.</summary>
    public const int MaxKeys = 500;

    /// <summary>How many renders are kept.</summary>
    public const int MaxRegenerations = 50;

    private readonly Dictionary<string, SeenCacheKey> _keys = new(StringComparer.Ordinal);
    private readonly Queue<RegenerationRecord> _regenerations = new();
    private readonly Lock _lock = new();

    /// <summary>Records an answer (or, with a null status, a prerender) for a key.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="route">The route pattern, when the caller knows it.</param>
    /// <param name="status">How it was answered.</param>
    public void Seen(string key, string? route, CacheStatus? status)
    {
        lock (_lock)
        {
            var known = _keys.TryGetValue(key, out var previous);
            if (!known && _keys.Count >= MaxKeys) return;
            _keys[key] = new SeenCacheKey(key, route ?? previous?.Route, status ?? previous?.LastStatus, time.GetUtcNow());
        }
    }

    /// <summary>Records a render that ended, successfully or not.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="trigger">What made it run.</param>
    /// <param name="duration">How long it took.</param>
    /// <param name="errorType">The exception's type when it failed.</param>
    public void Regenerated(string key, string trigger, TimeSpan duration, string? errorType)
    {
        lock (_lock)
        {
            if (_regenerations.Count == MaxRegenerations) _regenerations.Dequeue();
            _regenerations.Enqueue(new RegenerationRecord(time.GetUtcNow(), key, trigger, duration, errorType));
        }
    }

    /// <summary>The tracked keys, most recently seen first.</summary>
    public IReadOnlyList<SeenCacheKey> Keys()
    {
        lock (_lock) return _keys.Values.OrderByDescending(k => k.LastSeen).ToArray();
    }

    /// <summary>The kept renders, newest first.</summary>
    public IReadOnlyList<RegenerationRecord> Regenerations()
    {
        lock (_lock) return _regenerations.Reverse().ToArray();
    }
}
