using System.Net;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Diagnostics;
using NextRouteHandlers.Http;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests;

/// <summary>
/// <c>await Next.Connection()</c> over HTTP: at request time it completes; while a cached route renders it makes the
/// route dynamic as reading request data does (a failure with <c>Dynamic = "error"</c>), except in a force-static route.
/// </summary>
public class NextConnectionTests
{
    private static readonly Func<CancellationToken, ValueTask<IReadOnlyList<IReadOnlyDictionary<string, object>>>> NoPaths = _ => ValueTask.FromResult<IReadOnlyList<IReadOnlyDictionary<string, object>>>([]);

    private static RouteHandler Counting(Func<int> next) => Routes.HandlerAsync(async _ =>
    {
        await Next.Connection();
        return new Response("render " + next());
    });

    [Fact]
    public async Task At_request_time_it_completes_and_the_handler_answers()
    {
        var renders = 0;
        await using var app = await LoopbackApp.StartAsync([Routes.Define("/live", new RouteHandlerTable { Get = Counting(() => Interlocked.Increment(ref renders)) })]);

        using var response = await app.Client.GetAsync("/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("render 1", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("x-nextjs-cache"));
    }

    [Fact]
    public async Task In_a_force_static_route_it_completes_and_the_route_stays_cached()
    {
        var renders = 0;
        await using var app = await LoopbackApp.StartAsync([
            Routes.Define("/static", new RouteHandlerTable { Get = Counting(() => Interlocked.Increment(ref renders)) }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }),
        ]);

        using var first = await app.Client.GetAsync("/static");
        using var second = await app.Client.GetAsync("/static");

        Assert.Equal("HIT", second.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal("render 1", await second.Content.ReadAsStringAsync());
        Assert.Equal(1, Volatile.Read(ref renders));
        Assert.DoesNotContain(app.Logs.Entries, e => e.EventId.Id is EventIds.PrerenderBecameDynamic or EventIds.CachedRouteBecameDynamic);
    }

    [Fact]
    public async Task In_a_revalidating_route_the_startup_prerender_finds_it_dynamic_and_every_request_runs_the_handler()
    {
        var renders = 0;
        await using var app = await LoopbackApp.StartAsync([
            Routes.Define("/isr", new RouteHandlerTable { Get = Counting(() => Interlocked.Increment(ref renders)) }, new RouteSegmentConfig { Revalidate = RevalidateSetting.After(60) }),
        ]);

        using var first = await app.Client.GetAsync("/isr");
        using var second = await app.Client.GetAsync("/isr");

        Assert.False(first.Headers.Contains("x-nextjs-cache"));
        Assert.False(second.Headers.Contains("x-nextjs-cache"));
        Assert.Equal(["render 1", "render 2"], [await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync()]);
        var dynamic = Assert.Single(app.Logs.Entries, e => e.EventId.Id == EventIds.PrerenderBecameDynamic);
        Assert.Contains("connection()", dynamic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_path_rendered_on_first_request_it_makes_the_route_dynamic_from_then_on()
    {
        await using var app = await LoopbackApp.StartAsync([
            Routes.Define("/posts/[id]", new RouteHandlerTable
            {
                Get = Routes.HandlerAsync(async i =>
                {
                    await Next.Connection();
                    return new Response("post " + i.Context.Params["id"]);
                }),
            }, new RouteSegmentConfig { Revalidate = RevalidateSetting.After(60), GenerateStaticParams = NoPaths }),
        ]);

        using var response = await app.Client.GetAsync("/posts/7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("post 7", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("x-nextjs-cache"));
        var warning = Assert.Single(app.Logs.Entries, e => e.EventId.Id == EventIds.CachedRouteBecameDynamic);
        Assert.Contains("connection()", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_dynamic_error_a_render_on_request_fails_with_a_500()
    {
        await using var app = await LoopbackApp.StartAsync([
            Routes.Define("/strict/[id]", new RouteHandlerTable { Get = Counting(() => 1) }, new RouteSegmentConfig { Dynamic = DynamicMode.Error, GenerateStaticParams = NoPaths }),
        ]);

        using var response = await app.Client.GetAsync("/strict/a");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var error = Assert.Single(app.Logs.Errors);
        Assert.Equal(EventIds.HandlerFailed, error.EventId.Id);
        Assert.Equal("connection()", Assert.IsType<DynamicUsageException>(error.Exception).Usage);
        Assert.Contains("Dynamic = \"error\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_dynamic_error_the_startup_prerender_stops_the_app_as_next_build_fails()
    {
        var start = LoopbackApp.StartAsync([
            Routes.Define("/strict", new RouteHandlerTable { Get = Counting(() => 1) }, new RouteSegmentConfig { Dynamic = DynamicMode.Error }),
        ]);

        var failure = await Assert.ThrowsAsync<DynamicUsageException>(() => start);

        Assert.Equal("connection()", failure.Usage);
    }

    [Fact]
    public void Outside_a_request_it_throws_at_once() =>
        Assert.Throws<InvalidOperationException>(() => { _ = Next.Connection(); });
}
