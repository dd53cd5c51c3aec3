using System.Collections.Concurrent;

namespace NextRouteHandlers.Caching.Engine;

/// <summary>
/// One render per key at a time in this instance: the first caller's work runs, and every caller that asks while it
/// runs shares its result (or its failure). The key is free again once the work ends.
/// </summary>
internal sealed class RenderCoalescer
{
    private readonly ConcurrentDictionary<string, Task<CacheEntry>> _running = new(StringComparer.Ordinal);

    /// <summary>Whether a render of <paramref name="key"/> is running.</summary>
    /// <param name="key">The cache key.</param>
    public bool IsRunning(string key) => _running.ContainsKey(key);

    /// <summary>Runs <paramref name="work"/> unless a render of <paramref name="key"/> runs already, and returns the running one.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="work">The render, started only by the first caller.</param>
    public Task<CacheEntry> RunOnceAsync(string key, Func<Task<CacheEntry>> work)
    {
        var created = new TaskCompletionSource<CacheEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = _running.GetOrAdd(key, created.Task);
        if (task == created.Task) _ = RunAsync(key, work, created);
        return task;
    }

    /// <summary>Waits for the renders running now, up to <paramref name="timeout"/>; failures and latecomers are not waited for.</summary>
    /// <param name="timeout">How long to wait.</param>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var pending = _running.Values.ToArray();
        if (pending.Length == 0) return;
        try
        {
            await Task.WhenAll(pending).WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException || pending.Any(p => p.IsFaulted || p.IsCanceled))
        {
            // Renders that fail or outlive the grace period are abandoned; nothing half-written is ever visible.
        }
    }

    private async Task RunAsync(string key, Func<Task<CacheEntry>> work, TaskCompletionSource<CacheEntry> result)
    {
        CacheEntry entry;
        try
        {
            entry = await work().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Free(key, result);
            result.SetException(exception);
            return;
        }

        Free(key, result);
        result.SetResult(entry);
    }

    // Freed before the result is published: whoever sees the render end and asks again starts a new one.
    private void Free(string key, TaskCompletionSource<CacheEntry> result) =>
        _running.TryRemove(new KeyValuePair<string, Task<CacheEntry>>(key, result.Task));
}
