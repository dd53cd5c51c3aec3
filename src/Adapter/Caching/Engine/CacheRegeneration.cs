using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Caching.Engine;

/// <summary>
/// One regeneration of a cache key, as every trigger runs it (a miss, a stale answer's background render, an on-demand
/// revalidation, the prerender): the cross-instance lock through the <see cref="RegenerationCoordinator"/>, the render,
/// the entry stored when it may be, and its span, metrics, back-off and logs. Coalescing within this instance is the
/// caller's (<see cref="RenderCoalescer"/>).
/// </summary>
internal sealed class CacheRegeneration(
    TieredIncrementalCache entries,
    CacheTags tags,
    RegenerationCoordinator coordinator,
    RenderFailureBackoff backoff,
    TimeProvider time,
    CacheMetrics metrics,
    RecentCacheActivity? recent,
    ILogger logger,
    CancellationToken stopping)
{
    /// <summary>
    /// Renders <paramref name="key"/> once across instances and stores the entry: with the key's lock, or, without it,
    /// the entry another instance renders (waited for when <paramref name="waitForOtherInstance"/>).
    /// </summary>
    /// <param name="key">The cache key.</param>
    /// <param name="render">Renders the entry; its token is cancelled when the app stops.</param>
    /// <param name="trigger">What made it run (a <see cref="RegenerationTrigger"/>).</param>
    /// <param name="waitForOtherInstance">Wait for the instance holding the lock instead of answering with the stored entry.</param>
    /// <param name="force">Render even when the lock holder left a fresh entry (on-demand revalidation).</param>
    /// <param name="cause">The span a background regeneration is linked to.</param>
    public async Task<CacheEntry> RenderAsync(
        string key, Func<CancellationToken, Task<CacheEntry>> render, string trigger, bool waitForOtherInstance, bool force, ActivityContext? cause = null)
    {
        using var activity = cause is { } link ? RouteHandlerActivities.StartLinked("cache regeneration", link) : RouteHandlerActivities.Start("cache regeneration");
        if (activity is not null)
        {
            activity.SetTag(TelemetryTags.RegenerationTrigger, trigger);
            activity.SetTag(TelemetryTags.CacheKeyHash, CacheKeyHash.Of(key));
        }

        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            var handle = await coordinator.TryLockAsync(key).ConfigureAwait(false);
            if (handle is null && !waitForOtherInstance)
            {
                // Another instance is regenerating this key; its entry will be picked up from the shared store.
                if (await entries.GetSharedAsync(key).ConfigureAwait(false) is { } current) return current;
            }
            else if (handle is null)
            {
                var (rendered, acquired) = await coordinator.WaitForOtherInstanceAsync(key, () => FreshSharedEntryAsync(key), stopping).ConfigureAwait(false);
                if (rendered is not null) return rendered;
                handle = acquired;
            }

            await using (handle)
            {
                // Holding the lock: another instance may have stored a fresh entry just before it let go.
                if (!force && handle is not null && await FreshSharedEntryAsync(key).ConfigureAwait(false) is { } fresh) return fresh;

                var entry = await render(stopping).ConfigureAwait(false);
                metrics.Regenerated(trigger, Stopwatch.GetElapsedTime(startedAt), null);
                recent?.Regenerated(key, trigger, Stopwatch.GetElapsedTime(startedAt), null);
                backoff.Succeeded(key);
                CacheLog.RouteRendered(logger, key);
                if (CachePolicy.MayStore(entry)) await entries.SetAsync(key, entry, CancellationToken.None).ConfigureAwait(false);
                else CacheLog.ResponseNotStored(logger, key);
                return entry;
            }
        }
        catch (Exception exception) when (exception is DynamicUsageException or RenderDeclinedException)
        {
            // The route turned out not to be cacheable: a decision the caller acts on, not a failure.
            CacheLog.RenderDeclined(logger, key, exception.Message);
            throw;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            CacheLog.RenderStopped(logger, key);
            throw;
        }
        catch (Exception exception)
        {
            backoff.Failed(key);
            metrics.Failed("render");
            metrics.Regenerated(trigger, Stopwatch.GetElapsedTime(startedAt), exception.GetType().FullName);
            recent?.Regenerated(key, trigger, Stopwatch.GetElapsedTime(startedAt), exception.GetType().FullName);
            RouteHandlerActivities.Fail(activity, exception);
            CacheLog.RenderFailed(logger, exception, key);
            throw;
        }
    }

    private async Task<CacheEntry?> FreshSharedEntryAsync(string key)
    {
        var entry = await entries.GetSharedAsync(key).ConfigureAwait(false);
        return entry is not null && CacheFreshness.Of(entry, await tags.ReadAsync().ConfigureAwait(false), time.GetUtcNow()) == Freshness.Fresh ? entry : null;
    }
}
