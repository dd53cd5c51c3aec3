namespace NextRouteHandlers.Caching;

/// <summary>
/// Makes sure at most one instance regenerates a key at a time. Within one instance the engine already coalesces
/// renders of a key; this contract covers the instances of a scaled-out app (a blob lease for Azure).
/// </summary>
public interface IRegenerationLock
{
    /// <summary>Tries to take the lock of <paramref name="key"/>; null when another instance holds it.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>A handle that releases the lock when disposed, or null.</returns>
    ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, CancellationToken cancellationToken);
}
