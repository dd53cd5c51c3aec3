namespace NextRouteHandlers.Cdn;

/// <summary>
/// Which public paths the edge may hold a response for, by the tags of that response: written when a cached route is
/// served, read when a tag is invalidated. Shared by every instance that shares the cache store. A record says when
/// it was last written; one older than the edge can keep a response (<see cref="CdnPathRecords.Retention"/>) stands
/// for nothing the edge still holds, and is dropped when read past and by <see cref="PruneAsync"/>. A path whose tags
/// changed may be purged once more than needed, never less.
/// </summary>
internal interface ICdnPathIndex
{
    /// <summary>Records, now, that <paramref name="path"/> was served with a response carrying <paramref name="tags"/>.</summary>
    Task RecordAsync(string path, IReadOnlyCollection<string> tags, CancellationToken cancellationToken);

    /// <summary>The paths recorded with <paramref name="tag"/> at <paramref name="notBefore"/> or later; older records of it are removed.</summary>
    Task<IReadOnlyCollection<string>> PathsAsync(string tag, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>Removes the records of every tag written before <paramref name="notBefore"/>: those of tags never invalidated too.</summary>
    Task PruneAsync(DateTimeOffset notBefore, CancellationToken cancellationToken);
}
