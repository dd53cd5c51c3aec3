using Microsoft.Extensions.Time.Testing;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.Engine;
using NextRouteHandlers.Caching.Memory;
using NextRouteHandlers.Tests.Caching;
using static NextRouteHandlers.Tests.Caching.CacheTestKit;

namespace NextRouteHandlers.Tests.Caching.Engine;

public class ResponseCacheTests
{
    [Fact]
    public async Task A_missing_entry_is_rendered_once_then_served_fresh()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = NewEngine(clock);
        var render = new CountingRender(clock);

        var first = await cache.GetOrRenderAsync("k", render.RenderAsync);
        var second = await cache.GetOrRenderAsync("k", render.RenderAsync);

        Assert.Equal((CacheStatus.Miss, "v1"), (first.Status, Text(first)));
        Assert.Equal((CacheStatus.Hit, "v1"), (second.Status, Text(second)));
        Assert.Equal(1, render.Calls);
    }

    [Fact]
    public async Task A_time_stale_entry_is_served_stale_once_while_one_regeneration_runs()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = NewEngine(clock);
        var render = new CountingRender(clock, revalidate: 5) { Gate = new TaskCompletionSource() };
        await cache.GetOrRenderAsync("k", render.RenderAsync);
        clock.Advance(TimeSpan.FromSeconds(6));

        var stale = new List<CachedResponse>();
        for (var i = 0; i < 10; i++) stale.Add(await cache.GetOrRenderAsync("k", render.RenderAsync));
        await Eventually(() => render.Calls == 2, "one background regeneration");
        render.Gate.SetResult();
        var fresh = await HitAsync(cache, "k", render);

        Assert.All(stale, s => Assert.Equal((CacheStatus.Stale, "v1"), (s.Status, Text(s))));
        Assert.Equal("v2", Text(fresh));
        Assert.Equal(2, render.Calls);
    }

    [Fact]
    public async Task Concurrent_misses_of_a_key_share_one_render()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = NewEngine(clock);
        var gate = new TaskCompletionSource();
        var calls = 0;
        async Task<CacheEntry> Slow(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            await gate.Task;
            return Entry(clock, "shared");
        }

        var requests = Enumerable.Range(0, 50).Select(_ => cache.GetOrRenderAsync("k", Slow).AsTask()).ToArray();
        await Task.Delay(50);
        gate.SetResult();
        var answers = await Task.WhenAll(requests);

        Assert.Equal(1, calls);
        Assert.All(answers, a => Assert.Equal("shared", Text(a)));
    }

    [Fact]
    public async Task A_failed_regeneration_keeps_serving_stale_and_waits_before_retrying()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = NewEngine(clock);
        await cache.GetOrRenderAsync("k", new CountingRender(clock, revalidate: 1).RenderAsync);
        clock.Advance(TimeSpan.FromSeconds(2));
        var failures = 0;
        Task<CacheEntry> Failing(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref failures);
            throw new InvalidOperationException("upstream down");
        }

        var first = await cache.GetOrRenderAsync("k", Failing);
        await cache.RendersIdleAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, failures);
        for (var i = 0; i < 20; i++) Assert.Equal(CacheStatus.Stale, (await cache.GetOrRenderAsync("k", Failing)).Status);
        await cache.RendersIdleAsync(TimeSpan.FromSeconds(10));
        var failuresBeforeRetry = failures;
        clock.Advance(TimeSpan.FromSeconds(11));
        await cache.GetOrRenderAsync("k", Failing);
        await Eventually(() => failures == 2, "retried after the back-off");

        Assert.Equal((CacheStatus.Stale, "v1"), (first.Status, Text(first)));
        Assert.Equal(1, failuresBeforeRetry);
    }

    [Fact]
    public async Task A_failed_blocking_render_fails_the_request_and_stores_nothing()
    {
        var clock = new FakeTimeProvider(Start);
        var store = new MemoryIncrementalCache(1 << 20);
        var cache = NewEngine(clock, store);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrRenderAsync("k", _ => throw new InvalidOperationException("boom")).AsTask());

        Assert.Null(await store.GetAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task Revalidate_tag_max_makes_tagged_entries_stale_and_expire_zero_makes_them_miss()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = NewEngine(clock);
        var render = new CountingRender(clock, null, "demo-tag");
        await cache.GetOrRenderAsync("k", render.RenderAsync);
        clock.Advance(TimeSpan.FromSeconds(1));

        await cache.InvalidateAsync([new TagState("demo-tag", clock.GetUtcNow(), clock.GetUtcNow().AddYears(1))]);
        var stale = await cache.GetOrRenderAsync("k", render.RenderAsync);
        var hit = await HitAsync(cache, "k", render);
        clock.Advance(TimeSpan.FromSeconds(1));
        await cache.InvalidateAsync([new TagState("demo-tag", clock.GetUtcNow(), clock.GetUtcNow())]);
        var miss = await cache.GetOrRenderAsync("k", render.RenderAsync);

        Assert.Equal((CacheStatus.Stale, "v1"), (stale.Status, Text(stale)));
        Assert.Equal((CacheStatus.Hit, "v2"), (hit.Status, Text(hit)));
        Assert.Equal((CacheStatus.Miss, "v3"), (miss.Status, Text(miss)));
    }

    [Fact]
    public async Task An_invalidation_of_another_tag_changes_nothing()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = NewEngine(clock);
        var render = new CountingRender(clock, null, "a");
        await cache.GetOrRenderAsync("k", render.RenderAsync);
        clock.Advance(TimeSpan.FromSeconds(1));

        await cache.InvalidateAsync([new TagState("b", null, clock.GetUtcNow())]);

        Assert.Equal(CacheStatus.Hit, (await cache.GetOrRenderAsync("k", render.RenderAsync)).Status);
    }

    [Fact]
    public async Task An_entry_past_its_expiry_is_rendered_again_while_the_client_waits()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = NewEngine(clock);
        var render = new CountingRender(clock, revalidate: 60);
        await cache.GetOrRenderAsync("k", render.RenderAsync);
        clock.Advance(TimeSpan.FromSeconds(CachePolicy.OneYear + 1));

        var answer = await cache.GetOrRenderAsync("k", render.RenderAsync);

        Assert.Equal((CacheStatus.Miss, "v2"), (answer.Status, Text(answer)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_broken_or_hanging_store_never_fails_a_request(bool hang)
    {
        var clock = new FakeTimeProvider(Start);
        var broken = new BrokenStore(hang);
        var cache = NewEngine(clock, broken, broken, TimeSpan.FromMilliseconds(200), l1: new MemoryIncrementalCache(1 << 20));
        var render = new CountingRender(clock);

        var timer = System.Diagnostics.Stopwatch.StartNew();
        var first = await cache.GetOrRenderAsync("k", render.RenderAsync);
        var second = await cache.GetOrRenderAsync("k", render.RenderAsync);
        await cache.InvalidateAsync([new TagState("t", null, clock.GetUtcNow())]);
        timer.Stop();

        Assert.Equal((CacheStatus.Miss, "v1"), (first.Status, Text(first)));
        Assert.Equal((CacheStatus.Hit, "v1"), (second.Status, Text(second)));
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(5), $"took {timer.Elapsed}");
    }

    [Fact]
    public async Task On_demand_revalidation_renders_now_and_if_generated_does_nothing_for_unknown_keys()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = NewEngine(clock);
        var render = new CountingRender(clock);
        await cache.GetOrRenderAsync("k", render.RenderAsync);

        var revalidated = await cache.GetOrRenderAsync("k", render.RenderAsync, onDemand: true);
        var unknown = await cache.GetOrRenderAsync("other", render.RenderAsync, onDemand: true, onlyIfGenerated: true);

        Assert.Equal((CacheStatus.Revalidated, "v2"), (revalidated.Status, Text(revalidated)));
        Assert.Equal(CacheStatus.Revalidated, unknown.Status);
        Assert.Null(unknown.Entry);
        Assert.Equal(2, render.Calls);
    }

    [Theory]
    [InlineData("private, max-age=60")]
    [InlineData("no-store")]
    [InlineData("public, NO-STORE")]
    public async Task A_response_marked_private_or_no_store_is_never_stored(string cacheControl)
    {
        var clock = new FakeTimeProvider(Start);
        var store = new MemoryIncrementalCache(1 << 20);
        var cache = NewEngine(clock, store);
        var calls = 0;
        Task<CacheEntry> Render(CancellationToken cancellationToken) =>
            Task.FromResult(Entry(clock, "user data " + Interlocked.Increment(ref calls)) with { Headers = [new("cache-control", cacheControl)] });

        var first = await cache.GetOrRenderAsync("k", Render);
        var second = await cache.GetOrRenderAsync("k", Render);

        Assert.Equal((CacheStatus.Miss, "user data 1"), (first.Status, Text(first)));
        Assert.Equal((CacheStatus.Miss, "user data 2"), (second.Status, Text(second)));
        Assert.Null(await store.GetAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task Prerender_keeps_a_usable_stored_entry()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = NewEngine(clock);
        var render = new CountingRender(clock);

        Assert.True(await cache.PrerenderAsync("k", render.RenderAsync));
        Assert.False(await cache.PrerenderAsync("k", render.RenderAsync));
        Assert.Equal(1, render.Calls);
    }

    [Fact]
    public async Task Stopping_cancels_the_token_of_a_render_in_flight_and_waits_for_it_to_end()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = NewEngine(clock);
        var started = new TaskCompletionSource();
        var sawCancellation = false;
        var render = cache.GetOrRenderAsync("slow", async token =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                sawCancellation = true;
                throw;
            }

            return Entry(clock, "never");
        }).AsTask();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));

        await cache.StopAsync(TimeSpan.FromSeconds(5)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(sawCancellation);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => render);
    }
}
