namespace NextRouteHandlers.Caching.Engine;

/// <summary>
/// Remembers when a key's render last failed, so that stale hits do not start a background regeneration on every
/// request while the handler keeps failing: the next try waits <see cref="CacheOptions.RetryAfterFailure"/>.
/// </summary>
internal sealed class RenderFailureBackoff(TimeSpan retryAfter, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _failedAt = new(StringComparer.Ordinal);

    /// <summary>Whether a background regeneration of <paramref name="key"/> may start now.</summary>
    public bool MayRetry(string key)
    {
        lock (_failedAt) return !_failedAt.TryGetValue(key, out var failedAt) || time.GetUtcNow() - failedAt >= retryAfter;
    }

    /// <summary>Records that a render of <paramref name="key"/> failed now.</summary>
    public void Failed(string key)
    {
        lock (_failedAt) _failedAt[key] = time.GetUtcNow();
    }

    /// <summary>Records that a render of <paramref name="key"/> succeeded, so the next regeneration needs no wait.</summary>
    public void Succeeded(string key)
    {
        lock (_failedAt) _failedAt.Remove(key);
    }
}
