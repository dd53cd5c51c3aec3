namespace NextRouteHandlers.Cdn;

/// <summary>
/// Which public paths the edge may hold a response for, by the tags of that response: written when a cached route is
/// served, read when a tag is invalidated. Shared by every instance that shares the cache store. Entries are never
/// removed: a path whose tags changed may be purged once more than needed, never less.
/// </summary>
internal interface ICdnPathIndex
{
    /// <summary>Records that <paramref name="path"/> was served with a response carrying <paramref name="tags"/>.</summary>
    Task RecordAsync(string path, IReadOnlyCollection<string> tags, CancellationToken cancellationToken);

    /// <summary>The paths recorded with <paramref name="tag"/>.</summary>
    Task<IReadOnlyCollection<string>> PathsAsync(string tag, CancellationToken cancellationToken);
}
