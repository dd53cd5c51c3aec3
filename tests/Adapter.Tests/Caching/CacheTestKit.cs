using Microsoft.Extensions.Time.Testing;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.Memory;
using NextRouteHandlers.Caching.Engine;

namespace NextRouteHandlers.Tests.Caching;

/// <summary>A store whose every operation fails or hangs, standing in for an unreachable blob service.</summary>
internal sealed class BrokenStore(bool hang) : IIncrementalCache, ITagStore
{
    public async ValueTask<CacheEntry?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await Fail(cancellationToken);
        return null;
    }

    public async ValueTask SetAsync(string key, CacheEntry entry, CancellationToken cancellationToken) => await Fail(cancellationToken);

    public async ValueTask<IReadOnlyDictionary<string, TagState>> GetAllAsync(CancellationToken cancellationToken)
    {
        await Fail(cancellationToken);
        return new Dictionary<string, TagState>();
    }

    public async ValueTask SetAsync(IReadOnlyList<TagState> states, CancellationToken cancellationToken) => await Fail(cancellationToken);

    private async Task Fail(CancellationToken cancellationToken)
    {
        if (hang) await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new IOException("The store is down.");
    }
}

/// <summary>Builds engines and entries for tests.</summary>
internal static class CacheTestKit
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static ResponseCache NewEngine(FakeTimeProvider clock, IIncrementalCache? store = null, ITagStore? tags = null, TimeSpan? storeTimeout = null, IIncrementalCache? l1 = null) =>
        new(store ?? new MemoryIncrementalCache(1 << 20), tags ?? new MemoryTagStore(), new LocalRegenerationLock(),
            Options.Create(new CacheOptions { TagRefreshInterval = TimeSpan.Zero, StoreTimeout = storeTimeout ?? TimeSpan.FromSeconds(2), RetryAfterFailure = TimeSpan.FromSeconds(10) }),
            clock, NullLogger<ResponseCache>.Instance, new CacheMetrics(), l1);

    public static CacheEntry Entry(FakeTimeProvider clock, string body, int? revalidate = null, params string[] tags) => new()
    {
        Status = 200,
        Headers = [new("content-type", "text/plain")],
        Body = Encoding.UTF8.GetBytes(body),
        LastModified = clock.GetUtcNow(),
        Revalidate = revalidate,
        Expire = revalidate is null ? null : CachePolicy.OneYear,
        Tags = tags,
    };

    public static string Text(CachedResponse response) => Encoding.UTF8.GetString(response.Entry!.Body);

    /// <summary>A render that counts its calls and returns "v1", "v2", ...; renders after the first wait for <see cref="Gate"/> when one is set.</summary>
    public sealed class CountingRender(FakeTimeProvider clock, int? revalidate = null, params string[] tags)
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public TaskCompletionSource? Gate { get; set; }

        public async Task<CacheEntry> RenderAsync(CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _calls);
            if (n > 1 && Gate is { } gate) await gate.Task;
            await Task.Yield();
            return Entry(clock, "v" + n, revalidate, tags);
        }
    }

    /// <summary>Asks until the cache answers HIT (a background regeneration has stored its entry), at most for a few seconds.</summary>
    public static async Task<CachedResponse> HitAsync(ResponseCache cache, string key, CountingRender render)
    {
        for (var i = 0; i < 200; i++)
        {
            var answer = await cache.GetOrRenderAsync(key, render.RenderAsync);
            if (answer.Status == CacheStatus.Hit) return answer;
            await Task.Delay(25);
        }

        throw new TimeoutException("The regenerated entry never became a HIT.");
    }

    public static async Task Eventually(Func<bool> condition, string what)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition(), what);
    }
}
