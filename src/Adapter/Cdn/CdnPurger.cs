using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Caching;

namespace NextRouteHandlers.Cdn;

/// <summary>
/// Purges Azure Front Door when routes are revalidated, never on the request path. A revalidation
/// (<see cref="Invalidated"/>) and a served cached response (<see cref="Served"/>) only post to an in-process channel;
/// this service writes them to the shared <see cref="IPurgeQueue"/> and <see cref="ICdnPathIndex"/>. Rounds run after
/// <see cref="FrontDoorCdnOptions.BatchDelay"/> (so that revalidations close together, on any instance, go out as one
/// request) and every <see cref="FrontDoorCdnOptions.SweepInterval"/> (for purges another instance left). One instance
/// at a time sends (it holds the <c>cdn-purge</c> lock): it resolves the queued tags to paths through the implicit tags
/// and the index, folds and batches them (<see cref="PurgePlan"/>), sends them, and removes the jobs once Front Door has
/// accepted them. A round Front Door is unavailable for leaves the jobs for the next; after
/// <see cref="MaxRounds"/> failed rounds a job is dropped and logged.
/// </summary>
internal sealed class CdnPurger : BackgroundService
{
    /// <summary>Failed rounds after which a queued purge is given up.</summary>
    public const int MaxRounds = 10;

    private const string LockKey = "cdn-purge";
    private const int MaxRememberedPaths = 10_000;
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CompletionLimit = TimeSpan.FromMinutes(20);

    private readonly IPurgeQueue _queue;
    private readonly ICdnPathIndex _index;
    private readonly IRegenerationLock _locks;
    private readonly FrontDoorPurgeClient _client;
    private readonly FrontDoorCdnOptions _options;
    private readonly string _basePath;
    private readonly TimeProvider _time;
    private readonly CdnMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, string> _recorded = new(StringComparer.Ordinal);
    private TaskCompletionSource _wake = NewSignal();

    /// <summary>Creates the purger.</summary>
    public CdnPurger(IPurgeQueue queue, ICdnPathIndex index, IRegenerationLock locks, FrontDoorPurgeClient client, FrontDoorCdnOptions options, string basePath, TimeProvider time, CdnMetrics metrics, ILogger logger)
    {
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _locks = locks ?? throw new ArgumentNullException(nameof(locks));
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _basePath = basePath ?? string.Empty;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Queues a purge of what <paramref name="tags"/> (and <paramref name="paths"/>) stand for; returns at once.</summary>
    /// <param name="tags">The invalidated tags.</param>
    /// <param name="paths">Public paths to purge besides.</param>
    public void Invalidated(IReadOnlyList<string> tags, IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(paths);
        if (tags.Count == 0 && paths.Count == 0) return;
        var job = PurgeJob.Create(tags, paths, _time.GetUtcNow());
        if (!_work.Writer.TryWrite(new Work(job, null, null))) CdnLog.PurgesLostAtShutdown(_logger, 1, string.Join(", ", tags));
    }

    /// <summary>Records, once per instance and tag set, that a cached response with <paramref name="tags"/> was served at <paramref name="path"/>; returns at once.</summary>
    /// <param name="path">The public path as the client sent it, without the query.</param>
    /// <param name="tags">The response's tags.</param>
    public void Served(string path, IReadOnlyCollection<string> tags)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tags);
        var signature = string.Join('\n', tags);
        if (_recorded.TryGetValue(path, out var known) && known == signature) return;
        if (_recorded.Count >= MaxRememberedPaths) _recorded.Clear();
        _recorded[path] = signature;
        _work.Writer.TryWrite(new Work(null, path, tags));
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _work.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var rounds = RunRoundsAsync(stoppingToken);
        await TakeWorkAsync(stoppingToken).ConfigureAwait(false);
        await rounds.ConfigureAwait(false);
    }

    /// <summary>Runs one round now: what a sweep does. For tests and the shutdown path.</summary>
    internal async Task RoundAsync(CancellationToken cancellationToken)
    {
        await using var held = await _locks.TryAcquireAsync(LockKey, cancellationToken).ConfigureAwait(false);
        if (held is null) return;

        // Holding the lock, send until nothing new is queued, so a job queued while a purge was being sent waits no sweep.
        var sent = new HashSet<string>(StringComparer.Ordinal);
        while (!cancellationToken.IsCancellationRequested)
        {
            var jobs = (await _queue.PendingAsync(cancellationToken).ConfigureAwait(false)).Where(j => !sent.Contains(j.Id)).ToArray();
            if (jobs.Length == 0) return;
            if (!await SendAsync(jobs, cancellationToken).ConfigureAwait(false)) return;
            foreach (var job in jobs) sent.Add(job.Id);
        }
    }

    private async Task TakeWorkAsync(CancellationToken stoppingToken)
    {
        // The writer completes at shutdown; what was posted before that is still written, for a few seconds.
        using var drain = new CancellationTokenSource();
        using var afterStop = stoppingToken.Register(() => drain.CancelAfter(DrainGrace));
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(drain.Token).ConfigureAwait(false))
            {
                await WriteAsync(work, drain.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            var lost = new List<PurgeJob>();
            while (_work.Reader.TryRead(out var work)) if (work.Job is { } job) lost.Add(job);
            if (lost.Count > 0) CdnLog.PurgesLostAtShutdown(_logger, lost.Count, string.Join(", ", lost.SelectMany(j => j.Tags).Distinct()));
        }
    }

    private async Task WriteAsync(Work work, CancellationToken cancellationToken)
    {
        try
        {
            if (work.Job is { } job)
            {
                await _queue.AddAsync(job, cancellationToken).ConfigureAwait(false);
                Volatile.Read(ref _wake).TrySetResult();
            }
            else
            {
                await _index.RecordAsync(work.Path!, work.Tags!, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (work.Path is { } path) _recorded.TryRemove(path, out _);
            CdnLog.PurgeQueueFailed(_logger, exception, work.Job is null ? "record a served path" : "queue a purge");
        }
    }

    private async Task RunRoundsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var current = Volatile.Read(ref _wake);
            var signal = current.Task;
            try
            {
                await Task.WhenAny(signal, Task.Delay(_options.SweepInterval, _time, stoppingToken)).ConfigureAwait(false);
                if (signal.IsCompleted)
                {
                    Interlocked.CompareExchange(ref _wake, NewSignal(), current);
                    await Task.Delay(_options.BatchDelay, _time, stoppingToken).ConfigureAwait(false);
                }

                await RoundAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                CdnLog.PurgeQueueFailed(_logger, exception, "run a purge round");
            }
        }
    }

    /// <summary>Sends the purges of <paramref name="jobs"/>; true when Front Door accepted them all.</summary>
    private async Task<bool> SendAsync(IReadOnlyList<PurgeJob> jobs, CancellationToken cancellationToken)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            paths.UnionWith(job.Paths);
            foreach (var tag in job.Tags.Distinct(StringComparer.Ordinal))
            {
                paths.UnionWith(PurgeTargets.Of(tag, _basePath));
                paths.UnionWith(await _index.PathsAsync(tag, cancellationToken).ConfigureAwait(false));
            }
        }

        foreach (var batch in PurgePlan.Batches(paths))
        {
            var result = await _client.PurgeAsync(batch, cancellationToken).ConfigureAwait(false);
            _metrics.Request(result.Outcome, batch.Count);
            switch (result.Outcome)
            {
                case PurgeOutcome.Accepted:
                    CdnLog.PurgeAccepted(_logger, batch.Count, result.Status, string.Join(' ', batch));
                    if (result.Operation is { } operation) _ = FollowAsync(operation, batch.Count, cancellationToken);
                    break;
                case PurgeOutcome.Rejected:
                    // Trying again cannot help (a missing role, a wrong endpoint): the paths age out at the edge by s-maxage.
                    CdnLog.PurgeRejected(_logger, batch.Count, result.Status, result.Detail);
                    break;
                default:
                    CdnLog.PurgeDeferred(_logger, batch.Count, result.Status, result.Detail);
                    await FailedRoundAsync(jobs, cancellationToken).ConfigureAwait(false);
                    return false;
            }
        }

        var now = _time.GetUtcNow();
        foreach (var job in jobs)
        {
            _metrics.Lag(now - job.CreatedAt);
            await _queue.RemoveAsync(job, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task FailedRoundAsync(IReadOnlyList<PurgeJob> jobs, CancellationToken cancellationToken)
    {
        foreach (var job in jobs)
        {
            if (job.Rounds + 1 < MaxRounds)
            {
                await _queue.FailedRoundAsync(job, cancellationToken).ConfigureAwait(false);
                continue;
            }

            _metrics.Dropped();
            CdnLog.PurgeDropped(_logger, string.Join(", ", job.Tags), string.Join(", ", job.Paths), job.Rounds + 1);
            await _queue.RemoveAsync(job, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FollowAsync(Uri operation, int count, CancellationToken cancellationToken)
    {
        try
        {
            if (await _client.WaitForCompletionAsync(operation, CompletionLimit, cancellationToken).ConfigureAwait(false) is { } status)
            {
                CdnLog.PurgeCompleted(_logger, count, status);
            }
        }
        catch (OperationCanceledException)
        {
            // The app is stopping; the purge goes on at Front Door regardless.
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Work(PurgeJob? Job, string? Path, IReadOnlyCollection<string>? Tags);
}
