namespace NextRouteHandlers.Caching.Memory;

/// <summary>
/// The regeneration lock of a store that only one instance uses (memory, file system): the engine's per-key
/// coalescing already makes one render per key, so every attempt succeeds.
/// </summary>
internal sealed class LocalRegenerationLock : IRegenerationLock
{
    private static readonly IAsyncDisposable Released = new Handle();

    /// <inheritdoc />
    public ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<IAsyncDisposable?>(Released);

    private sealed class Handle : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
