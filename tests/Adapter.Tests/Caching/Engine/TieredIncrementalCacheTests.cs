using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.Engine;
using NextRouteHandlers.Caching.Memory;
using NextRouteHandlers.Tests.Caching;

namespace NextRouteHandlers.Tests.Caching.Engine;

public class TieredIncrementalCacheTests
{
    private static readonly CacheOptions Options = new() { StoreTimeout = TimeSpan.FromMilliseconds(200) };

    private static CacheEntry Entry(string body) => new() { Status = 200, Headers = [], Body = Encoding.UTF8.GetBytes(body), LastModified = DateTimeOffset.UnixEpoch, Tags = [] };

    private static TieredIncrementalCache Tiered(IIncrementalCache local, IIncrementalCache? shared) => new(local, shared, Options, new CacheMetrics(), NullLogger.Instance);

    [Fact]
    public async Task A_write_goes_to_both_tiers_and_a_read_finds_it_in_memory()
    {
        var local = new MemoryIncrementalCache(1 << 20);
        var shared = new MemoryIncrementalCache(1 << 20);
        var cache = Tiered(local, shared);

        await cache.SetAsync("k", Entry("v1"), CancellationToken.None);

        Assert.True(cache.TryGetLocal("k", out var fromMemory));
        Assert.Equal("v1", Encoding.UTF8.GetString(fromMemory!.Body));
        Assert.NotNull(await shared.GetAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task A_shared_read_brings_another_instances_newer_entry_into_memory()
    {
        var local = new MemoryIncrementalCache(1 << 20);
        var shared = new MemoryIncrementalCache(1 << 20);
        var cache = Tiered(local, shared);
        await local.SetAsync("k", Entry("mine"), CancellationToken.None);
        await shared.SetAsync("k", Entry("theirs"), CancellationToken.None);

        var read = await cache.GetSharedAsync("k");

        Assert.Equal("theirs", Encoding.UTF8.GetString(read!.Body));
        Assert.True(cache.TryGetLocal("k", out var now));
        Assert.Equal("theirs", Encoding.UTF8.GetString(now!.Body));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_shared_store_that_fails_or_hangs_leaves_memory_serving(bool hang)
    {
        var local = new MemoryIncrementalCache(1 << 20);
        var cache = Tiered(local, new BrokenStore(hang));
        await local.SetAsync("k", Entry("kept"), CancellationToken.None);

        await cache.SetAsync("other", Entry("memory only"), CancellationToken.None);
        var read = await cache.GetSharedAsync("k").AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("kept", Encoding.UTF8.GetString(read!.Body));
        Assert.True(cache.TryGetLocal("other", out _));
    }

    [Fact]
    public void With_the_memory_store_alone_nothing_is_shared()
    {
        Assert.False(Tiered(new MemoryIncrementalCache(1 << 20), null).IsShared);
        Assert.True(Tiered(new MemoryIncrementalCache(1 << 20), new MemoryIncrementalCache(1 << 20)).IsShared);
    }
}
