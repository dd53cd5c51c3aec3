using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.Engine;

namespace NextRouteHandlers.Invocation;

/// <summary>
/// Runs what requests and renders scheduled with <c>Next.After</c>, once their response is complete: every task of a
/// queue is started in the order it was scheduled and they run side by side (as Next.js's after queue does), work they
/// schedule in turn runs next, and invalidations made in them are applied when all is done. A task that throws is
/// logged, never sent. Every run is tracked, so that the app, when it stops, waits for them within its shutdown grace
/// period and then cancels the token each task got.
/// </summary>
/// <param name="cache">Where the work's revalidations are applied.</param>
/// <param name="logger">Where failures and abandoned work are logged.</param>
internal sealed class AfterWork(ResponseCache cache, ILogger<AfterWork> logger) : IDisposable
{
    private readonly CancellationTokenSource _abandoned = new();
    private readonly ConcurrentDictionary<Task, Func<string>> _running = new();

    /// <summary>Runs the queue; the task completes when its work (and the work that work scheduled) is done. Never fails.</summary>
    /// <param name="queue">What a request scheduled.</param>
    public Task RunAsync(AfterQueue queue) => Track(RunQueueAsync(queue), () => queue.Sources);

    /// <summary>Runs the queue in the background, then <paramref name="then"/> (a render's services, disposed once its work is done).</summary>
    /// <param name="queue">What a render scheduled.</param>
    /// <param name="then">Runs when the work is done.</param>
    public void Start(AfterQueue queue, Func<ValueTask> then) => Track(RunThenAsync(queue, then), () => queue.Sources);

    /// <summary>Runs work scheduled on a queue that already ran (by a task that outlived it), on its own.</summary>
    /// <param name="task">The work.</param>
    public void RunLate(AfterTask task) => Track(RunBatchesAsync([task], () => null), () => task.Scope.SourceFile ?? AfterQueue.UnknownSource);

    /// <summary>
    /// Waits for every run in progress (and those they start) until <paramref name="grace"/> is cancelled; then cancels
    /// the token each task got and logs how many runs were still going and which files scheduled them.
    /// </summary>
    /// <param name="grace">Cancelled when the app's shutdown grace period is over.</param>
    public async Task DrainAsync(CancellationToken grace)
    {
        try
        {
            while (_running.Keys.Where(t => !t.IsCompleted).ToArray() is { Length: > 0 } pending)
            {
                await Task.WhenAll(pending).WaitAsync(grace).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (grace.IsCancellationRequested)
        {
            var left = _running.Where(run => !run.Key.IsCompleted).Select(run => run.Value()).ToArray();
            InvocationLog.AfterWorkAbandoned(logger, left.Length, string.Join(", ", left.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
            await _abandoned.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _abandoned.Dispose();

    private Task Track(Task run, Func<string> sources)
    {
        _running.TryAdd(run, sources);
        _ = run.ContinueWith(static (done, state) => ((ConcurrentDictionary<Task, Func<string>>)state!).TryRemove(done, out _), _running, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return run;
    }

    private async Task RunThenAsync(AfterQueue queue, Func<ValueTask> then)
    {
        try
        {
            await RunQueueAsync(queue).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                await then().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                InvocationLog.AfterTaskFailed(logger, exception, "(disposing the render's services)");
            }
        }
    }

    private Task RunQueueAsync(AfterQueue queue) => queue.TakeWaiting() is { } first ? RunBatchesAsync(first, queue.TakeWaiting) : Task.CompletedTask;

    private async Task RunBatchesAsync(List<AfterTask> first, Func<List<AfterTask>?> next)
    {
        var scopes = new HashSet<RequestScope>(ReferenceEqualityComparer.Instance);
        for (var batch = first; batch is not null; batch = next())
        {
            foreach (var task in batch)
            {
                if (scopes.Add(task.Scope)) task.Scope.EnterAfterPhase();
            }

            // Started one by one, in order: the synchronous part of each runs before the next starts.
            await Task.WhenAll(batch.Select(RunOneAsync).ToArray()).ConfigureAwait(false);
        }

        // Next.js applies the revalidations made in after() once its callbacks are done.
        foreach (var scope in scopes)
        {
            if (scope.InvalidationsInAfterPhase() is not { Count: > 0 } states) continue;
            await cache.InvalidateAsync(states).ConfigureAwait(false);
        }
    }

    private async Task RunOneAsync(AfterTask task)
    {
        // Set for the work and what it calls; an async method's changes to the execution context end with it.
        RequestScope.Current = task.Scope;
        try
        {
            await task.Work(_abandoned.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_abandoned.IsCancellationRequested)
        {
            // Cancelled because the app stopped; DrainAsync logged it.
        }
        catch (Exception exception)
        {
            InvocationLog.AfterTaskFailed(logger, exception, task.Scope.SourceFile ?? AfterQueue.UnknownSource);
        }
    }
}
