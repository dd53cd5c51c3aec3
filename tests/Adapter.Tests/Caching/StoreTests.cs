using Microsoft.Extensions.Time.Testing;
using System.Text;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.FileSystem;
using NextRouteHandlers.Caching.Memory;
using static NextRouteHandlers.Tests.Caching.CacheTestKit;

namespace NextRouteHandlers.Tests.Caching;

public class StoreTests
{
    [Fact]
    public void An_entry_round_trips_and_a_stored_entry_of_another_key_is_never_returned()
    {
        var clock = new FakeTimeProvider(Start);
        var entry = Entry(clock, "body", 60, "t1", "t2") with { Headers = [new("set-cookie", "a=1"), new("set-cookie", "b=2")] };

        var bytes = CacheEntrySerializer.Serialize("key", entry);
        var read = CacheEntrySerializer.Deserialize("key", bytes)!;

        Assert.Equal(entry.Body, read.Body);
        Assert.Equal(entry.Headers, read.Headers);
        Assert.Equal((entry.LastModified, entry.Revalidate, entry.Expire), (read.LastModified, read.Revalidate, read.Expire));
        Assert.Equal(entry.Tags, read.Tags);
        Assert.Null(CacheEntrySerializer.Deserialize("other", bytes));
        Assert.Null(CacheEntrySerializer.Deserialize("key", bytes.AsSpan(0, 10)));
        Assert.Null(CacheEntrySerializer.Deserialize("key", [0, 0, 0]));
    }

    [Fact]
    public async Task The_file_system_store_survives_a_restart_and_keeps_keys_inside_its_folder()
    {
        var root = Directory.CreateTempSubdirectory("fs-cache-").FullName;
        var clock = new FakeTimeProvider(Start);
        try
        {
            var traversal = "build:/../../../../etc/passwd";
            await new FileSystemIncrementalCache(root).SetAsync(traversal, Entry(clock, "x"), CancellationToken.None);
            await new FileSystemTagStore(root).SetAsync([new TagState("t", Start, null)], CancellationToken.None);

            var restarted = new FileSystemIncrementalCache(root);
            Assert.Equal("x", Encoding.UTF8.GetString((await restarted.GetAsync(traversal, CancellationToken.None))!.Body));
            Assert.Equal(Start, (await new FileSystemTagStore(root).GetAllAsync(CancellationToken.None))["t"].Stale);
            Assert.All(Directory.GetFiles(root, "*", SearchOption.AllDirectories), f => Assert.StartsWith(root, Path.GetFullPath(f), StringComparison.Ordinal));
            Assert.Empty(Directory.GetFiles(root, "*.tmp", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task The_memory_store_evicts_the_least_recently_used_entries_beyond_its_byte_budget()
    {
        var clock = new FakeTimeProvider(Start);
        var big = Entry(clock, new string('x', 1000));
        var store = new MemoryIncrementalCache(big.ApproximateSize * 2 + 10);

        await store.SetAsync("a", big, CancellationToken.None);
        await store.SetAsync("b", big, CancellationToken.None);
        await store.GetAsync("a", CancellationToken.None);
        await store.SetAsync("c", big, CancellationToken.None);

        Assert.NotNull(await store.GetAsync("a", CancellationToken.None));
        Assert.Null(await store.GetAsync("b", CancellationToken.None));
        Assert.NotNull(await store.GetAsync("c", CancellationToken.None));
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public async Task The_invalidation_issued_last_wins_whatever_order_it_arrives_in()
    {
        var store = new MemoryTagStore();
        var max = new TagState("t", Start, Start.AddYears(1));
        var now = new TagState("t", Start.AddSeconds(5), Start.AddSeconds(5));

        await store.SetAsync([max], CancellationToken.None);
        await store.SetAsync([now], CancellationToken.None);
        var inOrder = (await store.GetAllAsync(CancellationToken.None))["t"];
        var reversed = new MemoryTagStore();
        await reversed.SetAsync([now], CancellationToken.None);
        await reversed.SetAsync([max], CancellationToken.None);

        Assert.Equal(now, inOrder);
        Assert.Equal(now, (await reversed.GetAllAsync(CancellationToken.None))["t"]);
    }
}
