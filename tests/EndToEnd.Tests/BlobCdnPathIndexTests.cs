using Azure.Storage.Blobs;
using NextRouteHandlers.Cdn.AzureBlob;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.EndToEnd.Tests;

/// <summary>
/// The CDN path index in Blob Storage, against a real Azurite: records by tag, and their removal once old. (Beside
/// <see cref="FrontDoorPurgeTests"/>, which run it through two app instances.)
/// </summary>
public sealed class BlobCdnPathIndexTests(BlobCdnPathIndexTests.Emulator emulator) : IClassFixture<BlobCdnPathIndexTests.Emulator>
{
    private static readonly DateTimeOffset LongAgo = DateTimeOffset.UtcNow.AddDays(-1);

    private BlobContainerClient NewContainer(string prefix) =>
        new BlobServiceClient(emulator.Azurite.ConnectionString).GetBlobContainerClient(prefix + Guid.NewGuid().ToString("N")[..20]);

    private async Task<(BlobCdnPathIndex Index, BlobContainerClient Container)> IndexAsync()
    {
        var container = NewContainer("cdn");
        var index = new BlobCdnPathIndex(container);
        await index.RecordAsync("/products/1", ["products", "_N_T_/products/1"], CancellationToken.None);
        await index.RecordAsync("/products/caf\u00e9?", ["products"], CancellationToken.None);
        await index.RecordAsync("/about", ["pages"], CancellationToken.None);
        return (index, container);
    }

    private static async Task<int> CountAsync(BlobContainerClient container)
    {
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "cdn-index/" })) count++;
        return count;
    }

    [Fact]
    public async Task A_tag_lists_the_paths_recorded_with_it_since_the_cut_off()
    {
        var (index, _) = await IndexAsync();

        Assert.Equal(["/products/1", "/products/caf\u00e9?"], (await index.PathsAsync("products", LongAgo, CancellationToken.None)).Order(StringComparer.Ordinal));
        Assert.Equal(["/about"], await index.PathsAsync("pages", LongAgo, CancellationToken.None));
        Assert.Empty(await index.PathsAsync("no-such-tag", LongAgo, CancellationToken.None));
    }

    [Fact]
    public async Task Records_older_than_the_cut_off_are_not_listed_and_are_deleted()
    {
        var (index, container) = await IndexAsync();

        // Every record was written before a cut-off in the future.
        Assert.Empty(await index.PathsAsync("products", DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None));

        Assert.Empty(await index.PathsAsync("products", LongAgo, CancellationToken.None));
        Assert.Equal(["/about"], await index.PathsAsync("pages", LongAgo, CancellationToken.None));
        Assert.Equal(2, await CountAsync(container));
    }

    [Fact]
    public async Task Pruning_deletes_the_old_records_of_every_tag_and_keeps_newer_ones()
    {
        var (index, container) = await IndexAsync();
        var cutOff = DateTimeOffset.UtcNow.AddMinutes(5);

        await index.PruneAsync(LongAgo, CancellationToken.None);
        Assert.Equal(4, await CountAsync(container));

        await index.PruneAsync(cutOff, CancellationToken.None);
        Assert.Equal(0, await CountAsync(container));
        Assert.Empty(await index.PathsAsync("pages", LongAgo, CancellationToken.None));
    }

    [Fact]
    public async Task An_index_whose_container_does_not_exist_yet_has_nothing_to_list_or_prune()
    {
        var index = new BlobCdnPathIndex(NewContainer("none"));

        Assert.Empty(await index.PathsAsync("products", LongAgo, CancellationToken.None));
        await index.PruneAsync(DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None);
    }

    /// <summary>One Azurite for the tests of the class; each test has a container of its own.</summary>
    public sealed class Emulator : IAsyncLifetime
    {
        public Azurite Azurite { get; private set; } = null!;

        public async Task InitializeAsync() => Azurite = await Azurite.StartAsync();

        public async Task DisposeAsync() => await Azurite.DisposeAsync();
    }
}
