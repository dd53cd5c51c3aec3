using Microsoft.Extensions.Time.Testing;
using System.Text;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.AzureBlob;
using NextRouteHandlers.Caching.Memory;
using static NextRouteHandlers.Tests.Caching.CacheTestKit;

namespace NextRouteHandlers.Tests.Caching.AzureBlob;

/// <summary>The blob entry store, the blob tag store and the lease lock, against a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureStoresTests(AzuriteFixture fixture)
{
    private CacheStores Stores(string? container = null) => AzureBlobCacheStores.Create(
        new AzureBlobStoreOptions { ConnectionString = fixture.Azurite.ConnectionString, Container = container ?? "c" + Guid.NewGuid().ToString("N")[..20] },
        new MemoryIncrementalCache(1 << 20));

    [Fact]
    public async Task Entries_round_trip_through_blobs_and_a_missing_key_is_null()
    {
        var stores = Stores();
        var clock = new FakeTimeProvider(Start);
        var entry = Entry(clock, "from blob storage", 60, "_N_T_/layout", "demo-tag");

        Assert.Null(await stores.Entries.GetAsync("build:/x", CancellationToken.None));
        await stores.Entries.SetAsync("build:/x", entry, CancellationToken.None);
        var read = await stores.Entries.GetAsync("build:/x", CancellationToken.None);

        Assert.Equal("from blob storage", Encoding.UTF8.GetString(read!.Body));
        Assert.Equal(entry.Tags, read.Tags);
        Assert.Equal(entry.LastModified, read.LastModified);
    }

    [Fact]
    public async Task A_second_write_replaces_the_entry_whole()
    {
        var stores = Stores();
        var clock = new FakeTimeProvider(Start);

        await stores.Entries.SetAsync("k", Entry(clock, new string('a', 100_000)), CancellationToken.None);
        await stores.Entries.SetAsync("k", Entry(clock, "b"), CancellationToken.None);

        Assert.Equal("b", Encoding.UTF8.GetString((await stores.Entries.GetAsync("k", CancellationToken.None))!.Body));
    }

    [Fact]
    public async Task An_older_render_never_replaces_a_newer_one()
    {
        var stores = Stores();
        var clock = new FakeTimeProvider(Start);
        var older = Entry(clock, "older");
        clock.Advance(TimeSpan.FromSeconds(5));
        var newer = Entry(clock, "newer");

        await stores.Entries.SetAsync("k", newer, CancellationToken.None);
        await stores.Entries.SetAsync("k", older, CancellationToken.None);
        var kept = await stores.Entries.GetAsync("k", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(5));
        await stores.Entries.SetAsync("k", Entry(clock, "newest"), CancellationToken.None);

        Assert.Equal("newer", Encoding.UTF8.GetString(kept!.Body));
        Assert.Equal("newest", Encoding.UTF8.GetString((await stores.Entries.GetAsync("k", CancellationToken.None))!.Body));
    }

    [Fact]
    public async Task Tag_state_is_shared_through_the_blob_and_the_newest_invalidation_wins()
    {
        var options = new AzureBlobStoreOptions { ConnectionString = fixture.Azurite.ConnectionString, Container = "tags" + Guid.NewGuid().ToString("N")[..10] };
        var writer = AzureBlobCacheStores.Create(options, new MemoryIncrementalCache(1 << 20)).Tags;
        var reader = AzureBlobCacheStores.Create(options, new MemoryIncrementalCache(1 << 20)).Tags;

        await writer.SetAsync([new TagState("_N_T_/api/items/[id]/layout", Start, Start.AddYears(1))], CancellationToken.None);
        await writer.SetAsync([new TagState("_N_T_/api/items/[id]/layout", Start.AddSeconds(1), Start.AddSeconds(1))], CancellationToken.None);
        var all = await reader.GetAllAsync(CancellationToken.None);

        Assert.Equal(new TagState("_N_T_/api/items/[id]/layout", Start.AddSeconds(1), Start.AddSeconds(1)), all["_N_T_/api/items/[id]/layout"]);
    }

    [Fact]
    public async Task Concurrent_invalidations_from_several_instances_all_land()
    {
        var options = new AzureBlobStoreOptions { ConnectionString = fixture.Azurite.ConnectionString, Container = "cc" + Guid.NewGuid().ToString("N")[..10] };
        var instances = Enumerable.Range(0, 4).Select(_ => AzureBlobCacheStores.Create(options, new MemoryIncrementalCache(1 << 20)).Tags).ToArray();

        await Task.WhenAll(instances.SelectMany((store, i) => Enumerable.Range(0, 5).Select(j => store.SetAsync([new TagState($"tag-{i}-{j}", Start, null)], CancellationToken.None).AsTask())));

        Assert.Equal(20, (await instances[0].GetAllAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_reader_sees_a_later_invalidation_after_an_unchanged_read()
    {
        var options = new AzureBlobStoreOptions { ConnectionString = fixture.Azurite.ConnectionString, Container = "rd" + Guid.NewGuid().ToString("N")[..10] };
        var writer = AzureBlobCacheStores.Create(options, new MemoryIncrementalCache(1 << 20)).Tags;
        var reader = AzureBlobCacheStores.Create(options, new MemoryIncrementalCache(1 << 20)).Tags;

        var none = await reader.GetAllAsync(CancellationToken.None);
        await writer.SetAsync([new TagState("a", Start, null)], CancellationToken.None);
        var first = await reader.GetAllAsync(CancellationToken.None);
        var unchanged = await reader.GetAllAsync(CancellationToken.None);
        await writer.SetAsync([new TagState("b", Start.AddSeconds(1), null)], CancellationToken.None);
        var second = await reader.GetAllAsync(CancellationToken.None);

        Assert.Empty(none);
        Assert.Equal(["a"], first.Keys);
        Assert.Equal(["a"], unchanged.Keys);
        Assert.Equal(["a", "b"], second.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Start.AddSeconds(1), second["b"].Stale);
    }

    [Fact]
    public async Task A_corrupt_tag_document_fails_the_read_with_an_error_instead_of_forgetting_invalidations()
    {
        var options = new AzureBlobStoreOptions { ConnectionString = fixture.Azurite.ConnectionString, Container = "bad" + Guid.NewGuid().ToString("N")[..10] };
        var container = new Azure.Storage.Blobs.BlobContainerClient(fixture.Azurite.ConnectionString, options.Container);
        await container.CreateAsync();
        await container.GetBlobClient(BlobTagStore.BlobName).UploadAsync(BinaryData.FromString("{not json"));
        var store = AzureBlobCacheStores.Create(options, new MemoryIncrementalCache(1 << 20)).Tags;

        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => store.GetAllAsync(CancellationToken.None).AsTask());
        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => store.SetAsync([new TagState("a", Start, null)], CancellationToken.None).AsTask());
        Assert.Equal("{not json", (await container.GetBlobClient(BlobTagStore.BlobName).DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task Only_one_instance_holds_the_regeneration_lock_of_a_key()
    {
        var container = "locks" + Guid.NewGuid().ToString("N")[..10];
        var first = Stores(container).Locks;
        var second = Stores(container).Locks;

        var held = await first.TryAcquireAsync("k", CancellationToken.None);
        var refused = await second.TryAcquireAsync("k", CancellationToken.None);
        var otherKey = await second.TryAcquireAsync("other", CancellationToken.None);
        await held!.DisposeAsync();
        var afterRelease = await second.TryAcquireAsync("k", CancellationToken.None);

        Assert.NotNull(held);
        Assert.Null(refused);
        Assert.NotNull(otherKey);
        Assert.NotNull(afterRelease);
        await otherKey!.DisposeAsync();
        await afterRelease!.DisposeAsync();
    }
}
