using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NextRouteHandlers.Diagnostics;
using NextRouteHandlers.Http;
using NextRouteHandlers.Invocation;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Tests.Caching;

namespace NextRouteHandlers.Tests.Invocation;

/// <summary>
/// Draining <c>Next.After</c> work when the app stops: it waits for work in progress, and once the grace period is
/// over it cancels the token the work got and says how much was left; work scheduled after its queue ran runs too.
/// </summary>
public sealed class AfterWorkTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly LogSink _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly AfterWork _work;

    public AfterWorkTests()
    {
        _loggers = LoggerFactory.Create(builder => builder.AddProvider(_logs));
        _work = new AfterWork(CacheTestKit.NewEngine(new FakeTimeProvider(CacheTestKit.Start)), _loggers.CreateLogger<AfterWork>());
    }

    public void Dispose()
    {
        _work.Dispose();
        _loggers.Dispose();
    }

    private (HttpContext Http, RequestScope Scope) Request()
    {
        var http = new DefaultHttpContext();
        var request = new NextRequest(http, new NextUrl("http:", "localhost", "/x", new UrlSearchParams()));
        return (http, new RequestScope(request) { AfterWork = _work, SourceFile = "app/x/route.cs" });
    }

    private Task Run(Func<CancellationToken, Task> work)
    {
        var (http, scope) = Request();
        AfterQueue.Schedule(http, _work, new AfterTask(work, scope));
        return _work.RunAsync(AfterQueue.Of(http)!);
    }

    [Fact]
    public async Task Draining_waits_for_the_work_in_progress()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Run(_ => gate.Task);

        var drain = _work.DrainAsync(CancellationToken.None);

        Assert.False(drain.IsCompleted);
        gate.SetResult();
        await drain.WaitAsync(Bound);
        Assert.True(run.IsCompletedSuccessfully);
        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public async Task When_the_grace_period_is_over_the_work_is_cancelled_and_a_warning_counts_it()
    {
        // Work that ends only when its token is cancelled.
        var run = Run(token => Task.Delay(Timeout.Infinite, token));
        using var grace = new CancellationTokenSource();

        var drain = _work.DrainAsync(grace.Token);
        Assert.False(drain.IsCompleted);
        await grace.CancelAsync();
        await drain.WaitAsync(Bound);

        await run.WaitAsync(Bound);
        var warning = Assert.Single(_logs.Entries);
        Assert.Equal(EventIds.AfterWorkAbandoned, warning.EventId.Id);
        Assert.Contains("1 run(s) of Next.After work still going", warning.Message, StringComparison.Ordinal);
        Assert.Contains("scheduled by app/x/route.cs;", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Work_scheduled_after_its_queue_ran_runs_on_its_own_and_is_drained_too()
    {
        var (http, scope) = Request();
        AfterQueue.Schedule(http, _work, new AfterTask(_ => Task.CompletedTask, scope));
        await _work.RunAsync(AfterQueue.Of(http)!);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var late = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        AfterQueue.Schedule(http, _work, new AfterTask(async _ =>
        {
            await gate.Task;
            late.SetResult();
        }, scope));
        var drain = _work.DrainAsync(CancellationToken.None);

        Assert.False(drain.IsCompleted);
        gate.SetResult();
        await drain.WaitAsync(Bound);
        Assert.True(late.Task.IsCompletedSuccessfully);
    }
}
