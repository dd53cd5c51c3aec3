using System.Net;
using Azure.Storage.Blobs;
using NextRouteHandlers.Testing;
using Xunit.Abstractions;

namespace NextRouteHandlers.EndToEnd.Tests;

/// <summary>
/// Two instances of tests/ConformanceApp behind "Front Door": one Azurite store, the CDN profile on, and purges going to
/// a local stand-in of the Resource Manager endpoint. A revalidation on either instance becomes one batched purge,
/// sent after the revalidating request has been answered.
/// </summary>
public sealed class FrontDoorPurgeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Endpoint = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Cdn/profiles/afd/afdEndpoints/site";
    private Azurite _azurite = null!;
    private FrontDoorStandIn _frontDoor = null!;
    private BlobContainerClient _container = null!;
    private AppProcess _first = null!;
    private AppProcess _second = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        _frontDoor = await FrontDoorStandIn.StartAsync();
        var container = "cdn-" + Guid.NewGuid().ToString("N")[..12];
        _container = new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient(container);
        string[] settings =
        [
            "--Cache:Store=AzureBlob",
            $"--Cache:AzureBlob:ConnectionString={_azurite.ConnectionString}",
            $"--Cache:AzureBlob:Container={container}",
            "--Cache:Cdn:Enabled=true",
            $"--Cache:Cdn:FrontDoor:EndpointResourceId={Endpoint}",
            $"--Cache:Cdn:FrontDoor:ManagementEndpoint={_frontDoor.BaseAddress}",
            "--Cache:Cdn:FrontDoor:BatchDelay=00:00:01",
            "--Cache:Cdn:FrontDoor:RetryDelay=00:00:00.050",
            // tests/ConformanceApp registers a fixed-token TokenCredential when this is set.
            "--Testing:ArmToken=e2e-token",
        ];
        _first = await StartAsync(settings);
        _second = await StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _frontDoor.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task One_revalidation_on_one_of_two_instances_sends_one_batched_purge_after_the_request_is_answered()
    {
        await ServeTaggedOnBothAsync();
        var release = new TaskCompletionSource();
        _frontDoor.ThenHold(release.Task);

        using (var revalidate = await _first.Client.PostAsync("/revalidate/tag?tag=demo-tag&mode=max", null))
        {
            Assert.Equal(HttpStatusCode.OK, revalidate.StatusCode);
        }

        // The revalidating request is answered before the purge goes out (it waits a batch delay, in the background).
        Assert.Empty(_frontDoor.Calls);
        var call = Assert.Single(await _frontDoor.WaitForCallsAsync(1));
        release.SetResult();
        await QueueEmptyAsync();
        output.WriteLine($"purge: {call.Path}{call.Query} {string.Join(' ', call.ContentPaths)}");

        Assert.Single(_frontDoor.Calls);
        Assert.Equal(Endpoint + "/purge", call.Path);
        Assert.Equal("?api-version=2025-06-01", call.Query);
        Assert.Equal("Bearer e2e-token", call.Authorization);
        Assert.Equal(["/static/tagged"], call.ContentPaths);
    }

    [Fact]
    public async Task Both_instances_revalidating_one_tag_at_once_send_one_purge()
    {
        await ServeTaggedOnBothAsync();

        var revalidations = await Task.WhenAll(
            _first.Client.PostAsync("/revalidate/tag?tag=demo-tag&mode=max", null),
            _second.Client.PostAsync("/revalidate/tag?tag=demo-tag&mode=max", null));
        Assert.All(revalidations, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var revalidation in revalidations) revalidation.Dispose();

        await _frontDoor.WaitForCallsAsync(1);
        await QueueEmptyAsync();

        var call = Assert.Single(_frontDoor.Calls);
        Assert.Equal(["/static/tagged"], call.ContentPaths);
    }

    [Fact]
    public async Task A_revalidated_path_is_purged_by_its_own_name_even_before_it_was_served()
    {
        using (var revalidate = await _second.Client.PostAsync("/revalidate/path?path=/static/force", null))
        {
            Assert.Equal(HttpStatusCode.OK, revalidate.StatusCode);
        }

        var call = Assert.Single(await _frontDoor.WaitForCallsAsync(1));
        await QueueEmptyAsync();

        Assert.Contains("/static/force", call.ContentPaths);
    }

    [Fact]
    public async Task A_cached_response_reaches_the_edge_for_at_most_the_cap()
    {
        using var response = await _first.Client.GetAsync("/static/force");

        // Next.js's s-maxage=31536000 for force-static, capped at Cache:Cdn:MaxSharedAge's 300 s.
        Assert.Equal("s-maxage=300", response.Headers.NonValidated["Cache-Control"].ToString());
    }

    [Theory]
    [InlineData("/dyn/default")]
    [InlineData("/no-such-route")]
    public async Task A_dynamic_response_and_the_router_404_are_never_kept_at_the_edge(string path)
    {
        using var response = await _first.Client.GetAsync(path);

        var cacheControl = response.Headers.CacheControl;
        Assert.NotNull(cacheControl);
        Assert.True(cacheControl.Private && cacheControl.NoStore, $"{path}: Cache-Control: {cacheControl}");
    }

    private async Task ServeTaggedOnBothAsync()
    {
        foreach (var app in new[] { _first, _second })
        {
            using var response = await app.Client.GetAsync("/static/tagged");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Each instance records the path it served in the shared index, in the background.
        await WaitUntilAsync(async () => await CountAsync("cdn-index/") > 0);
    }

    private async Task QueueEmptyAsync() => await WaitUntilAsync(async () => await CountAsync("cdn-purge/") == 0);

    private async Task<int> CountAsync(string prefix)
    {
        var count = 0;
        await foreach (var _ in _container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix })) count++;
        return count;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not come true within 30 s.");
            await Task.Delay(50);
        }
    }

    private static async Task<AppProcess> StartAsync(string[] settings)
    {
        var port = LoopbackApp.FreePort();
        return await AppProcess.StartAsync(RepositoryPaths.BuiltApp("tests/ConformanceApp", "ConformanceApp"), port, ["--urls", $"http://127.0.0.1:{port}", .. settings]);
    }
}
