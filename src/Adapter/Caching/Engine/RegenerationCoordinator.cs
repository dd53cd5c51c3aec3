using Microsoft.Extensions.Logging;

namespace NextRouteHandlers.Caching.Engine;

/// <summary>
/// At most one render of a key across instances: the instance that takes the key's lock renders; one that finds it
/// taken either leaves the work to the holder (a background regeneration: the stale entry is served meanwhile) or waits
/// for the holder's entry (a miss), polling the shared store every <see cref="CacheOptions.RegenerationPollInterval"/> for
/// at most <see cref="CacheOptions.RegenerationWaitLimit"/>, then renders itself. Without a working lock service every
/// instance renders: a second render is better than no response.
/// </summary>
internal sealed partial class RegenerationCoordinator(IRegenerationLock locks, CacheOptions options, TimeProvider time, CacheMetrics metrics, ILogger logger)
{
    /// <summary>Takes the key's lock: the handle, <see cref="NoLock"/> when the lock service failed, or null when another instance holds it.</summary>
    /// <param name="key">The cache key.</param>
    public async Task<IAsyncDisposable?> TryLockAsync(string key)
    {
        try
        {
            using var timeout = new CancellationTokenSource(options.StoreTimeout);
            return await locks.TryAcquireAsync(key, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            metrics.Failed("lock");
            CacheLog.LockFailed(logger, exception, key);
            return NoLock.Instance;
        }
    }

    /// <summary>
    /// Waits while another instance renders the key: its fresh entry once it is stored, or the lock once the other lets
    /// go (then this instance renders), or neither when the wait limit passes or the app stops.
    /// </summary>
    /// <param name="key">The cache key.</param>
    /// <param name="freshSharedEntry">Reads the shared store for a fresh entry of the key.</param>
    /// <param name="stopping">Cancelled when the app stops.</param>
    public async Task<(CacheEntry? Entry, IAsyncDisposable? Lock)> WaitForOtherInstanceAsync(string key, Func<Task<CacheEntry?>> freshSharedEntry, CancellationToken stopping)
    {
        CacheLog.WaitingForOtherInstance(logger, key);
        var deadline = time.GetUtcNow() + options.RegenerationWaitLimit;
        while (time.GetUtcNow() < deadline && !stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.RegenerationPollInterval, time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (await freshSharedEntry().ConfigureAwait(false) is { } entry) return (entry, null);
            if (await TryLockAsync(key).ConfigureAwait(false) is { } handle) return (null, handle);
        }

        return (null, null);
    }

    /// <summary>The handle of a render made without the lock service.</summary>
    public sealed class NoLock : IAsyncDisposable
    {
        /// <summary>The one instance.</summary>
        public static readonly NoLock Instance = new();

        /// <inheritdoc />
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

}
