namespace NextRouteHandlers.Cdn;

/// <summary>The path index of one instance (the <c>Memory</c> and <c>FileSystem</c> stores).</summary>
/// <param name="time">The clock records are stamped with.</param>
internal sealed class MemoryCdnPathIndex(TimeProvider time) : ICdnPathIndex
{
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _paths = new(StringComparer.Ordinal);

    /// <summary>An index on the system clock.</summary>
    public MemoryCdnPathIndex()
        : this(TimeProvider.System)
    {
    }

    /// <inheritdoc />
    public Task RecordAsync(string path, IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_paths)
        {
            foreach (var tag in tags)
            {
                if (!_paths.TryGetValue(tag, out var paths)) _paths[tag] = paths = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
                paths[path] = now;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyCollection<string>> PathsAsync(string tag, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        lock (_paths)
        {
            if (!_paths.TryGetValue(tag, out var paths)) return Task.FromResult<IReadOnlyCollection<string>>([]);
            RemoveOlder(tag, paths, notBefore);
            return Task.FromResult<IReadOnlyCollection<string>>(paths.Keys.ToArray());
        }
    }

    /// <inheritdoc />
    public Task PruneAsync(DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        lock (_paths)
        {
            foreach (var (tag, paths) in _paths.ToArray()) RemoveOlder(tag, paths, notBefore);
        }

        return Task.CompletedTask;
    }

    /// <summary>When <paramref name="path"/> was last recorded with <paramref name="tag"/>, or null; reads without removing anything.</summary>
    internal DateTimeOffset? RecordedAt(string tag, string path)
    {
        lock (_paths) return _paths.TryGetValue(tag, out var paths) && paths.TryGetValue(path, out var recorded) ? recorded : null;
    }

    private void RemoveOlder(string tag, Dictionary<string, DateTimeOffset> paths, DateTimeOffset notBefore)
    {
        foreach (var (path, recorded) in paths.ToArray())
        {
            if (recorded < notBefore) paths.Remove(path);
        }

        if (paths.Count == 0) _paths.Remove(tag);
    }
}
