namespace NextRouteHandlers.Caching.Memory;

/// <summary>
/// Entries in this process's memory, bounded by a byte budget with least-recently-used eviction. Used on its own
/// (<c>Cache:Store = Memory</c>: fastest, lost on restart, not shared) and as the per-instance L1 in front of the
/// file and blob stores.
/// </summary>
internal sealed class MemoryIncrementalCache : IIncrementalCache
{
    private readonly long _budget;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, CacheEntry Entry)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, CacheEntry Entry)> _recency = new();
    private long _size;

    /// <summary>Creates the store.</summary>
    /// <param name="budgetBytes">How many bytes of entries to keep, roughly; the least recently used go first.</param>
    public MemoryIncrementalCache(long budgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budgetBytes);
        _budget = budgetBytes;
    }

    /// <summary>How many entries are held.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _entries.Count;
        }
    }

    /// <inheritdoc />
    public ValueTask<CacheEntry?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node)) return ValueTask.FromResult<CacheEntry?>(null);
            _recency.Remove(node);
            _recency.AddFirst(node);
            return ValueTask.FromResult<CacheEntry?>(node.Value.Entry);
        }
    }

    /// <inheritdoc />
    public ValueTask SetAsync(string key, CacheEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            if (_entries.Remove(key, out var existing))
            {
                _recency.Remove(existing);
                _size -= existing.Value.Entry.ApproximateSize;
            }

            if (entry.ApproximateSize > _budget) return ValueTask.CompletedTask;
            _entries[key] = _recency.AddFirst((key, entry));
            _size += entry.ApproximateSize;
            while (_size > _budget && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
                _size -= last.Value.Entry.ApproximateSize;
            }
        }

        return ValueTask.CompletedTask;
    }
}
