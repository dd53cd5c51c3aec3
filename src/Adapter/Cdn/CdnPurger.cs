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
/// at a time sends: see <see cref="PurgeRound"/>.
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
    private readonly FrontDoorCdnOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, IReadOnlyCollection<string>> _recorded = new(StringComparer.Ordinal);
    private TaskCompletionSource _wake = NewSignal();

    /// <summary>Creates the purger.</summary>
    public CdnPurger(IPurgeQueue queue, ICdnPathIndex index, IRegenerationLock locks, FrontDoorPurgeClient client, FrontDoorCdnOptions options, string basePath, TimeProvider time, CdnMetrics metrics, ILogger logger)
    {
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _round = new PurgeRound(queue, index, locks, client, basePath, time, metrics, logger);
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
        // A hit from the memory tier hands the entry's own tag list again: the reference check is the common case.
        if (_recorded.TryGetValue(path, out var known) && (ReferenceEquals(known, tags) || known.SequenceEqual(tags, StringComparer.Ordinal))) return;
        if (_recorded.Count >= MaxRememberedPaths) _recorded.Clear();
        _recorded[path] = tags;
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

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Work(PurgeJob? Job, string? Path, IReadOnlyCollection<string>? Tags);
}
