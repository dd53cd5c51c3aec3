using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Diagnostics;
using NextRouteHandlers.Http;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests;

/// <summary>
/// <c>Next.After</c> over HTTP: the client has the whole response while the work is still held at a gate, the work then
/// runs to its end and the request lasts until it has; its connection closes so that no next request waits behind it;
/// failures are logged and never sent; it runs after errors and navigation signals, nested and in order, and so does a
/// running task handed to it. (What the work sees and how long it lives: <see cref="NextAfterContextTests"/>.) No test
/// sleeps: gates are <see cref="TaskCompletionSource"/>s, and "done" is the server's own signal that it finished the request.
/// </summary>
public class NextAfterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static TaskCompletionSource Gate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async IAsyncEnumerable<string> Chunks([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var chunk in new[] { "one ", "two ", "three" })
        {
            await Task.Yield();
            yield return chunk;
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_client_has_the_whole_response_while_the_work_waits_and_the_work_then_runs_to_its_end(bool streamed)
    {
        var gate = Gate();
        var done = Gate();
        await using var app = await LoopbackApp.StartAsync([
            Routes.Get("/x", _ =>
            {
                Next.After(async () =>
                {
                    await gate.Task;
                    done.SetResult();
                });
                return streamed ? new Response(Chunks()) : new Response("sent");
            }),
        ]);

        // A streamed body ends with its last chunk, which only a completed response sends.
        using var response = await app.Client.GetAsync("/x").WaitAsync(Bound);
        var body = await response.Content.ReadAsStringAsync().WaitAsync(Bound);

        Assert.Equal(streamed ? "one two three" : "sent", body);
        Assert.False(done.Task.IsCompleted);
        gate.SetResult();
        await done.Task.WaitAsync(Bound);
        await app.WhenRequestsHandledAsync(1);
    }

    [Fact]
    public async Task A_request_with_work_closes_its_connection_so_the_clients_next_request_never_waits_behind_the_work()
    {
        var gate = Gate();
        await using var app = await LoopbackApp.StartAsync([
            Routes.Get("/slow", _ =>
            {
                Next.After(() => gate.Task);
                return new Response("sent");
            }),
            Routes.Get("/plain", _ => new Response("plain")),
        ]);

        using var slow = await app.Client.GetAsync("/slow").WaitAsync(Bound);
        using var next = await app.Client.GetAsync("/plain").WaitAsync(Bound);

        Assert.True(slow.Headers.ConnectionClose);
        Assert.Equal("plain", await next.Content.ReadAsStringAsync());
        Assert.NotEqual(true, next.Headers.ConnectionClose);
        gate.SetResult();
        await app.WhenRequestsHandledAsync(2);
    }

    [Fact]
    public async Task Work_that_throws_is_logged_with_its_route_file_and_never_reaches_the_client()
    {
        var after = 0;
        await using var app = await LoopbackApp.StartAsync([
            Routes.Get("/fails", _ =>
            {
                Next.After(async () =>
                {
                    await Task.Yield();
                    throw new InvalidOperationException("after failed");
                });
                Next.After(() => throw new FormatException("sync failure"));
                Next.After(() => Interlocked.Increment(ref after));
                return new Response("fine");
            }),
        ]);

        using var response = await app.Client.GetAsync("/fails");
        await app.WhenRequestsHandledAsync(1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fine", await response.Content.ReadAsStringAsync());
        var failures = app.Logs.Errors.Where(e => e.EventId.Id == EventIds.AfterTaskFailed).ToList();
        Assert.Equal(["after failed", "sync failure"], failures.Select(e => e.Exception!.Message).Order(StringComparer.Ordinal));
        Assert.All(failures, e => Assert.Contains("'app/fails/route.cs'", e.Message, StringComparison.Ordinal));
        Assert.Equal(2, app.Logs.Errors.Count);
        Assert.Equal(1, Volatile.Read(ref after));
    }

    [Fact]
    public async Task Work_starts_in_order_nested_work_runs_too_and_revalidations_made_there_apply_once_it_is_done()
    {
        var order = new ConcurrentQueue<int>();
        var renders = 0;
        await using var app = await LoopbackApp.StartAsync([
            Routes.Define("/cached", new RouteHandlerTable { Get = Routes.Handler(_ => new Response("v" + Interlocked.Increment(ref renders))) }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }),
            Routes.Define("/save", new RouteHandlerTable
            {
                Post = Routes.Handler(_ =>
                {
                    Next.After(() => order.Enqueue(1));
                    Next.After(async () =>
                    {
                        order.Enqueue(2);
                        await Task.Yield();
                        Next.After(() => order.Enqueue(4));
                        Next.RevalidatePath("/cached");
                    });
                    Next.After(() => order.Enqueue(3));
                    return new Response("saved");
                }),
            }),
        ]);

        using var before = await app.Client.GetAsync("/cached");
        using var save = await app.Client.PostAsync("/save", null);
        await app.WhenRequestsHandledAsync(2);
        using var fresh = await app.Client.GetAsync("/cached");

        Assert.Equal("HIT", before.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal([1, 2, 3, 4], order);
        Assert.Equal("MISS", fresh.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal("v2", await fresh.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Work_runs_even_when_the_handler_throws_redirects_or_answers_not_found()
    {
        var ran = new ConcurrentQueue<string>();
        RouteDefinition Scheduling(string path, Func<Response> end) => Routes.Get(path, _ =>
        {
            Next.After(() => ran.Enqueue(path));
            return end();
        });
        await using var app = await LoopbackApp.StartAsync([
            Scheduling("/throws", () => throw new InvalidOperationException("handler failed")),
            Scheduling("/redirects", () => Next.Redirect("/elsewhere")),
            Scheduling("/missing", () => Next.NotFound()),
        ]);

        using var throws = await app.Client.GetAsync("/throws");
        using var redirects = await app.Client.GetAsync("/redirects");
        using var missing = await app.Client.GetAsync("/missing");
        await app.WhenRequestsHandledAsync(3);

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.TemporaryRedirect, HttpStatusCode.NotFound], [throws.StatusCode, redirects.StatusCode, missing.StatusCode]);
        Assert.Equal(["/missing", "/redirects", "/throws"], ran.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_running_task_handed_to_after_keeps_the_request_until_it_ends_and_its_failure_is_logged()
    {
        var work = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await LoopbackApp.StartAsync([
            Routes.Get("/promise", _ =>
            {
                Next.After(work.Task);
                return new Response("sent");
            }),
        ]);

        using var response = await app.Client.GetAsync("/promise").WaitAsync(Bound);
        var handled = app.WhenRequestsHandledAsync(1);

        Assert.Equal("sent", await response.Content.ReadAsStringAsync());
        Assert.False(handled.IsCompleted);
        work.SetException(new TimeoutException("the promise failed"));
        await handled;
        Assert.Equal("the promise failed", Assert.Single(app.Logs.Errors).Exception!.Message);
    }

    [Fact]
    public void Outside_a_request_it_throws() =>
        Assert.Throws<InvalidOperationException>(() => Next.After(() => { }));
}
