namespace NextRouteHandlers.Cdn;

/// <summary>The path index of one instance (the <c>Memory</c> and <c>FileSystem</c> stores).</summary>
internal sealed class MemoryCdnPathIndex : ICdnPathIndex
{
    private readonly Dictionary<string, HashSet<string>> _paths = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task RecordAsync(string path, IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        lock (_paths)
        {
            foreach (var tag in tags)
            {
                if (!_paths.TryGetValue(tag, out var paths)) _paths[tag] = paths = new HashSet<string>(StringComparer.Ordinal);
                paths.Add(path);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyCollection<string>> PathsAsync(string tag, CancellationToken cancellationToken)
    {
        lock (_paths) return Task.FromResult<IReadOnlyCollection<string>>(_paths.TryGetValue(tag, out var paths) ? paths.ToArray() : []);
    }
}
