using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.FileSystem;
using NextRouteHandlers.Diagnostics;
using NextRouteHandlers.Http;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Rendering;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests.Rendering;

/// <summary>
/// A later instance of a build, on the store the first one prerendered into, starts from the prerender's record: no
/// render, no GenerateStaticParams call, no read per path, and the same answers (HITs, 404 for unlisted paths,
/// dynamic routes run live at once).
/// </summary>
public sealed class PrerenderRecordTests : IDisposable
{
    private readonly TemporaryFolder _store = new();
    private int _staticRenders;
    private int _listings;
    private int _postRenders;
    private int _headerReads;

    public void Dispose() => _store.Dispose();

    private RouteDefinition[] Routes(bool withExtraRoute = false)
    {
        var forceStatic = new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic };
        var routes = new List<RouteDefinition>
        {
            Testing.Routes.Define("/static", new RouteHandlerTable { Get = Testing.Routes.Handler(_ => new Response("static " + Interlocked.Increment(ref _staticRenders))) }, forceStatic),
            Testing.Routes.Define("/posts/[id]", new RouteHandlerTable
            {
                Get = Testing.Routes.Handler(i => new Response("post " + i.Context.Params["id"] + " " + Interlocked.Increment(ref _postRenders))),
            }, new RouteSegmentConfig
            {
                Dynamic = DynamicMode.ForceStatic,
                DynamicParams = false,
                GenerateStaticParams = _ =>
                {
                    Interlocked.Increment(ref _listings);
                    return ValueTask.FromResult(StaticParams.From([new Dictionary<string, string> { ["id"] = "a" }, new Dictionary<string, string> { ["id"] = "b" }]));
                },
            }),
            Testing.Routes.Define("/reads-headers", new RouteHandlerTable
            {
                Get = Testing.Routes.Handler(_ =>
                {
                    Interlocked.Increment(ref _headerReads);
                    return new Response("agent " + Next.Headers().Get("user-agent"));
                }),
            }, new RouteSegmentConfig { Revalidate = RevalidateSetting.After(60) }),
        };
        if (withExtraRoute) routes.Add(Testing.Routes.Define("/extra", new RouteHandlerTable { Get = Testing.Routes.Handler(_ => new Response("extra")) }, forceStatic));
        return [.. routes];
    }

    private Task<LoopbackApp> StartAsync(bool withExtraRoute = false) => LoopbackApp.StartAsync(
        Routes(withExtraRoute),
        configuration: new() { ["Cache:Store"] = "FileSystem", ["Cache:FileSystem:Path"] = _store.Path });

    [Fact]
    public async Task A_later_instance_of_the_build_restores_the_route_state_and_renders_nothing_at_startup()
    {
        await (await StartAsync()).DisposeAsync();
        Assert.Equal((1, 1, 2, 1), (_staticRenders, _listings, _postRenders, _headerReads));

        await using var later = await StartAsync();

        Assert.Equal((1, 1, 2, 1), (_staticRenders, _listings, _postRenders, _headerReads));
        Assert.Contains(later.Logs.Entries, e => e.EventId.Id == EventIds.PrerenderRestored);
        using var hit = await later.Client.GetAsync("/static");
        Assert.Equal("HIT", hit.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal("static 1", await hit.Content.ReadAsStringAsync());
        using var listed = await later.Client.GetAsync("/posts/b");
        Assert.Equal("HIT", listed.Headers.GetValues("x-nextjs-cache").Single());
        using var unlisted = await later.Client.GetAsync("/posts/c");
        Assert.Equal(HttpStatusCode.NotFound, unlisted.StatusCode);
        using var dynamic = await later.Client.GetAsync("/reads-headers");
        Assert.Equal(HttpStatusCode.OK, dynamic.StatusCode);
        Assert.False(dynamic.Headers.Contains("x-nextjs-cache"));
        Assert.Equal(2, _headerReads); // run live once: not tried as a render first
        Assert.Equal((1, 2), (_staticRenders, _postRenders));
    }

    [Fact]
    public async Task A_record_of_other_routes_is_not_used_and_the_new_route_is_prerendered()
    {
        // The same build id with other routes: what a pinned Cache:BuildId across deployments gives.
        await (await StartAsync()).DisposeAsync();

        await using var changed = await StartAsync(withExtraRoute: true);

        Assert.DoesNotContain(changed.Logs.Entries, e => e.EventId.Id == EventIds.PrerenderRestored);
        Assert.Equal(2, _listings);
        using var extra = await changed.Client.GetAsync("/extra");
        Assert.Equal("HIT", extra.Headers.GetValues("x-nextjs-cache").Single());
    }

    [Fact]
    public async Task An_unreadable_record_is_reported_and_the_app_prerenders_again_and_rewrites_it()
    {
        string buildId;
        await using (var first = await StartAsync())
        {
            buildId = first.Services.GetRequiredService<CacheBuild>().Id;
        }

        var record = PrerenderRecord.KeyFor(buildId);
        var store = new FileSystemIncrementalCache(_store.Path);
        Assert.NotNull(await store.GetAsync(record, CancellationToken.None));
        await store.SetAsync(record, new CacheEntry { Status = 200, Headers = [], Body = Encoding.UTF8.GetBytes("{\"version\":1,"), LastModified = DateTimeOffset.UtcNow }, CancellationToken.None);

        await using (var second = await StartAsync())
        {
            var warning = Assert.Single(second.Logs.Entries, e => e.EventId.Id == EventIds.PrerenderRecordInvalid);
            Assert.IsType<FormatException>(warning.Exception);
            Assert.Equal(2, _listings);
        }

        await using var third = await StartAsync();
        Assert.Contains(third.Logs.Entries, e => e.EventId.Id == EventIds.PrerenderRestored);
        Assert.Equal(2, _listings);
    }
}
