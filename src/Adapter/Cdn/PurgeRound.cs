using Microsoft.Extensions.Logging;
using NextRouteHandlers.Caching;

namespace NextRouteHandlers.Cdn;

/// <summary>
/// One purge round, on the one instance that holds the <c>cdn-purge</c> lock: it resolves the queued jobs' tags to
/// paths through the implicit tags (<see cref="PurgeTargets"/>) and the <see cref="ICdnPathIndex"/> (its records the
/// edge may still hold a copy for), folds and batches
/// them (<see cref="PurgePlan"/>), sends them, and removes the jobs once Front Door has accepted them. A round Front
/// Door is unavailable for leaves the jobs for the next; after <see cref="MaxRounds"/> failed rounds a job is dropped
/// and logged.
/// </summary>
internal sealed class PurgeRound(
    IPurgeQueue queue,
    ICdnPathIndex index,
    CdnPathRecords records,
    IRegenerationLock locks,
    FrontDoorPurgeClient client,
    string basePath,
    TimeProvider time,
    CdnMetrics metrics,
    ILogger logger)
{
    /// <summary>Failed rounds after which a queued purge is given up.</summary>
    public const int MaxRounds = 10;

    private const string LockKey = "cdn-purge";
    private static readonly TimeSpan CompletionLimit = TimeSpan.FromMinutes(20);

    /// <summary>Runs one round, if this instance gets the lock.</summary>
    /// <param name="cancellationToken">Stops the round.</param>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var held = await locks.TryAcquireAsync(LockKey, cancellationToken).ConfigureAwait(false);
        if (held is null) return;

        // Holding the lock, send until nothing new is queued, so a job queued while a purge was being sent waits no sweep.
        var sent = new HashSet<string>(StringComparer.Ordinal);
        while (!cancellationToken.IsCancellationRequested)
        {
            var jobs = (await queue.PendingAsync(cancellationToken).ConfigureAwait(false)).Where(j => !sent.Contains(j.Id)).ToArray();
            if (jobs.Length == 0) return;
            if (!await SendAsync(jobs, cancellationToken).ConfigureAwait(false)) return;
            foreach (var job in jobs) sent.Add(job.Id);
        }
    }

    /// <summary>Sends the purges of <paramref name="jobs"/>; true when Front Door accepted them all.</summary>
    private async Task<bool> SendAsync(IReadOnlyList<PurgeJob> jobs, CancellationToken cancellationToken)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        // A path recorded longer ago than the edge keeps a response is no longer there to purge.
        var recordedSince = time.GetUtcNow() - records.Retention;
        foreach (var job in jobs)
        {
            paths.UnionWith(job.Paths);
            foreach (var tag in job.Tags.Distinct(StringComparer.Ordinal))
            {
                paths.UnionWith(PurgeTargets.Of(tag, basePath ?? string.Empty));
                paths.UnionWith(await index.PathsAsync(tag, recordedSince, cancellationToken).ConfigureAwait(false));
            }
        }

        foreach (var batch in PurgePlan.Batches(paths))
        {
            var result = await client.PurgeAsync(batch, cancellationToken).ConfigureAwait(false);
            metrics.Request(result.Outcome, batch.Count);
            switch (result.Outcome)
            {
                case PurgeOutcome.Accepted:
                    CdnLog.PurgeAccepted(logger, batch.Count, result.Status, string.Join(' ', batch));
                    if (result.Operation is { } operation) _ = FollowAsync(operation, batch.Count, cancellationToken);
                    break;
                case PurgeOutcome.Rejected:
                    // Trying again cannot help (a missing role, a wrong endpoint): the paths age out at the edge by s-maxage.
                    CdnLog.PurgeRejected(logger, batch.Count, result.Status, result.Detail);
                    break;
                default:
                    CdnLog.PurgeDeferred(logger, batch.Count, result.Status, result.Detail);
                    await FailedRoundAsync(jobs, cancellationToken).ConfigureAwait(false);
                    return false;
            }
        }

        var now = time.GetUtcNow();
        foreach (var job in jobs)
        {
            metrics.Lag(now - job.CreatedAt);
            await queue.RemoveAsync(job, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task FailedRoundAsync(IReadOnlyList<PurgeJob> jobs, CancellationToken cancellationToken)
    {
        foreach (var job in jobs)
        {
            if (job.Rounds + 1 < MaxRounds)
            {
                await queue.FailedRoundAsync(job, cancellationToken).ConfigureAwait(false);
                continue;
            }

            metrics.Dropped();
            CdnLog.PurgeDropped(logger, string.Join(", ", job.Tags), string.Join(", ", job.Paths), job.Rounds + 1);
            await queue.RemoveAsync(job, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FollowAsync(Uri operation, int count, CancellationToken cancellationToken)
    {
        try
        {
            if (await client.WaitForCompletionAsync(operation, CompletionLimit, cancellationToken).ConfigureAwait(false) is { } status)
            {
                CdnLog.PurgeCompleted(logger, count, status);
            }
        }
        catch (OperationCanceledException)
        {
            // The app is stopping; the purge goes on at Front Door regardless.
        }
    }

}
