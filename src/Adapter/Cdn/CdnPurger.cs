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
/// at a time sends: see <see cref="PurgeRound"/>. Once per <see cref="CdnPathRecords.Retention"/> it also prunes the
/// path index of records the edge can no longer hold a copy for, so the index holds the paths served lately, not
/// every path ever served.
/// </summary>
internal sealed class CdnPurger : BackgroundService
{
    /// <summary>Failed rounds after which a queued purge is given up.</summary>
    public const int MaxRounds = PurgeRound.MaxRounds;

    private const int MaxRememberedPaths = 10_000;
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(5);

    private readonly IPurgeQueue _queue;
    private readonly PurgeRound _round;
    private readonly ICdnPathIndex _index;
    private readonly CdnPathRecords _records;
    private readonly FrontDoorCdnOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, Recorded> _recorded = new(StringComparer.Ordinal);
    private TaskCompletionSource _wake = NewSignal();
    private DateTimeOffset _lastPrune;

    /// <summary>Creates the purger.</summary>
    /// <param name="queue">The shared queue of purges.</param>
    /// <param name="index">The shared path index.</param>
    /// <param name="locks">The lock that lets one instance at a time send.</param>
    /// <param name="client">Sends purges to Front Door.</param>
    /// <param name="options">The Front Door endpoint and the purge's timings.</param>
    /// <param name="maxSharedAge"><c>Cache:Cdn:MaxSharedAge</c>: how long the edge keeps a response at most, in seconds.</param>
    /// <param name="basePath">next.config's base path, or empty.</param>
    /// <param name="time">The app's clock.</param>
    /// <param name="metrics">Where purges are counted.</param>
    /// <param name="logger">Where purges are logged.</param>
    public CdnPurger(IPurgeQueue queue, ICdnPathIndex index, IRegenerationLock locks, FrontDoorPurgeClient client, FrontDoorCdnOptions options, int maxSharedAge, string basePath, TimeProvider time, CdnMetrics metrics, ILogger logger)
    {
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _records = new CdnPathRecords(maxSharedAge);
        _round = new PurgeRound(queue, index, _records, locks, client, basePath, time, metrics, logger);
        _lastPrune = time.GetUtcNow();
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

    /// <summary>
    /// Records that a cached response with <paramref name="tags"/> was served at <paramref name="path"/>: once per
    /// instance and tag set, and again every <see cref="CdnPathRecords.Refresh"/> while the path keeps being served.
    /// Returns at once.
    /// </summary>
    /// <param name="path">The public path as the client sent it, without the query.</param>
    /// <param name="tags">The response's tags.</param>
    public void Served(string path, IReadOnlyCollection<string> tags)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tags);
        var now = _time.GetUtcNow();
        // A hit from the memory tier hands the entry's own tag list again: the reference check is the common case.
        if (_recorded.TryGetValue(path, out var known) && now - known.At < _records.Refresh
            && (ReferenceEquals(known.Tags, tags) || known.Tags.SequenceEqual(tags, StringComparer.Ordinal))) return;
        if (_recorded.Count >= MaxRememberedPaths) _recorded.Clear();
        _recorded[path] = new Recorded(tags, now);
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
    internal Task RoundAsync(CancellationToken cancellationToken) => _round.RunAsync(cancellationToken);

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
                await PruneIfDueAsync(stoppingToken).ConfigureAwait(false);
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

    /// <summary>Prunes the path index when a retention period has passed since the last prune. For tests and the rounds.</summary>
    internal async Task PruneIfDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now - _lastPrune < _records.Retention) return;
        _lastPrune = now;
        try
        {
            await _index.PruneAsync(now - _records.Retention, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Left for the next period: an old record costs at most a purge of a path the edge no longer holds.
            CdnLog.PurgeQueueFailed(_logger, exception, "prune the path index");
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Work(PurgeJob? Job, string? Path, IReadOnlyCollection<string>? Tags);

    private sealed record Recorded(IReadOnlyCollection<string> Tags, DateTimeOffset At);
}
