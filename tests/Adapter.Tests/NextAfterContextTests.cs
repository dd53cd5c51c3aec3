using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Diagnostics;
using NextRouteHandlers.Http;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests;

/// <summary>
/// What <c>Next.After</c> work sees and how long it lives, over HTTP: request data reads inside it while cookies and
/// draft mode no longer change; the proxy's work runs after the response and gets no request functions; a cached
/// route's work runs once per render, never per cache hit; stopping the app waits for the work, and past the shutdown
/// timeout cancels it and logs what was left. Gates are <see cref="TaskCompletionSource"/>s; no test sleeps.
/// </summary>
public class NextAfterContextTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static TaskCompletionSource Gate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Request_data_reads_inside_the_work_but_cookies_and_draft_mode_no_longer_change()
    {
        var seen = new ConcurrentDictionary<string, object?>();
        await using var app = await LoopbackApp.StartAsync([
            Routes.Get("/log", invocation =>
            {
                Next.Cookies().Set("before", "1");
                Next.After(() =>
                {
                    seen["header"] = Next.Headers().Get("x-test");
                    seen["cookie"] = Next.Cookies().Get("session")?.Value;
                    seen["draft"] = Next.DraftMode().IsEnabled;
                    seen["set"] = Record.Exception(() => Next.Cookies().Set("late", "1"));
                    seen["delete"] = Record.Exception(() => Next.Cookies().Delete("session"));
                    seen["enable"] = Record.Exception(() => Next.DraftMode().Enable());
                    seen["connection"] = Record.Exception(() => { _ = Next.Connection(); });
                });
                return new Response("logged");
            }),
        ]);
        var request = new HttpRequestMessage(HttpMethod.Get, "/log") { Headers = { { "x-test", "from-client" }, { "Cookie", "session=abc" } } };

        using var response = await app.Client.SendAsync(request);
        await app.WhenRequestsHandledAsync(1);

        Assert.Equal(["before=1; Path=/"], response.Headers.GetValues("Set-Cookie"));
        Assert.Equal("from-client", seen["header"]);
        Assert.Equal("abc", seen["cookie"]);
        Assert.False((bool)seen["draft"]!);
        Assert.Contains("response has been sent", Assert.IsType<InvalidOperationException>(seen["set"]).Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(seen["delete"]);
        Assert.Contains("draftMode().enable()", Assert.IsType<InvalidOperationException>(seen["enable"]).Message, StringComparison.Ordinal);
        Assert.Null(seen["connection"]);
    }

    [Fact]
    public async Task A_cached_routes_work_runs_once_per_render_never_per_cache_hit()
    {
        var runs = 0;
        var rendered = new ConcurrentQueue<TaskCompletionSource>([Gate(), Gate()]);
        var signals = rendered.ToArray();
        await using var app = await LoopbackApp.StartAsync([
            Routes.Define("/page", new RouteHandlerTable
            {
                Get = Routes.Handler(_ =>
                {
                    Next.After(() =>
                    {
                        Interlocked.Increment(ref runs);
                        if (rendered.TryDequeue(out var signal)) signal.SetResult();
                    });
                    return new Response("page");
                }),
            }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }),
            Routes.Define("/refresh", new RouteHandlerTable { Post = Routes.Handler(_ =>
            {
                Next.RevalidatePath("/page");
                return new Response("ok");
            }) }),
        ]);

        // The startup prerender rendered it once; its work runs in the background.
        await signals[0].Task.WaitAsync(Bound);
        for (var i = 0; i < 3; i++)
        {
            using var hit = await app.Client.GetAsync("/page");
            Assert.Equal("HIT", hit.Headers.GetValues("x-nextjs-cache").Single());
        }

        await app.WhenRequestsHandledAsync(3);
        Assert.Equal(1, Volatile.Read(ref runs));

        using var refresh = await app.Client.PostAsync("/refresh", null);
        using var miss = await app.Client.GetAsync("/page");
        await signals[1].Task.WaitAsync(Bound);

        Assert.Equal("MISS", miss.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal(2, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task Work_the_proxy_schedules_runs_after_the_response_and_request_functions_stay_unavailable_there()
    {
        var gate = Gate();
        var done = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await LoopbackApp.StartAsync(
            [Routes.Get("/api/x", _ => new Response("from the route"))],
            proxy: Routes.Proxy(_ =>
            {
                Next.After(async () =>
                {
                    await gate.Task;
                    done.SetResult(Record.Exception(() => Next.Headers()));
                });
                return null;
            }));

        using var response = await app.Client.GetAsync("/api/x").WaitAsync(Bound);

        Assert.Equal("from the route", await response.Content.ReadAsStringAsync());
        Assert.False(done.Task.IsCompleted);
        gate.SetResult();
        Assert.IsType<InvalidOperationException>(await done.Task.WaitAsync(Bound));
    }

    [Fact]
    public async Task Stopping_the_app_waits_for_work_in_progress()
    {
        var gate = Gate();
        var done = Gate();
        await using var app = await LoopbackApp.StartAsync([
            Routes.Get("/slow", _ =>
            {
                Next.After(async () =>
                {
                    await gate.Task;
                    done.SetResult();
                });
                return new Response("sent");
            }),
        ]);
        using var response = await app.Client.GetAsync("/slow").WaitAsync(Bound);

        var stopping = app.StopAsync();

        Assert.False(stopping.IsCompleted);
        gate.SetResult();
        await stopping.WaitAsync(Bound);
        Assert.True(done.Task.IsCompletedSuccessfully);
        Assert.DoesNotContain(app.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Past_the_shutdown_timeout_the_work_is_cancelled_and_a_warning_names_its_route()
    {
        var started = Gate();
        var cancelled = Gate();
        await using var app = await LoopbackApp.StartAsync(
            [
                Routes.Get("/endless", _ =>
                {
                    Next.After(async token =>
                    {
                        started.SetResult();
                        using var registration = token.Register(cancelled.SetResult);
                        await Task.Delay(Timeout.Infinite, token);
                    });
                    return new Response("sent");
                }),
            ],
            services: s => s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200)));
        using var response = await app.Client.GetAsync("/endless").WaitAsync(Bound);
        await started.Task.WaitAsync(Bound);

        await app.StopAsync().WaitAsync(Bound);

        await cancelled.Task.WaitAsync(Bound);
        var warning = Assert.Single(app.Logs.Entries, e => e.EventId.Id == EventIds.AfterWorkAbandoned);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("1 run(s)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("app/endless/route.cs", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs.Entries, e => e.EventId.Id == EventIds.AfterTaskFailed);
    }
}
