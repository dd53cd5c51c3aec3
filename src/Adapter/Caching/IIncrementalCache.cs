namespace NextRouteHandlers.Caching;

/// <summary>
/// Where cached responses live (Next.js's incremental cache handler). Keys are build id plus decoded pathname, never
/// the query string. Implementations: <c>Memory</c> (per instance, bounded), <c>FileSystem</c> (per instance,
/// survives restarts; the zero-configuration default) and <c>AzureBlob</c> (shared by every instance).
/// </summary>
/// <remarks>
/// Contract: <see cref="GetAsync"/> returns the last entry fully written for the key or null, never a partial one;
/// <see cref="SetAsync"/> replaces the entry atomically. Failures throw; the engine treats every store failure as a
/// cache miss and keeps serving.
/// </remarks>
public interface IIncrementalCache
{
    /// <summary>The entry stored for <paramref name="key"/>, or null.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<CacheEntry?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="entry"/> for <paramref name="key"/>, replacing what was there.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask SetAsync(string key, CacheEntry entry, CancellationToken cancellationToken);
}
