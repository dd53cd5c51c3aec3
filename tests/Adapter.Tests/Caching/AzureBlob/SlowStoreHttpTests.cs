using System.Diagnostics;
using System.Net;
using NextRouteHandlers.Http;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Tests.Caching.AzureBlob;

/// <summary>The app on the Azure store behind a network that turns slow (a delaying TCP proxy in front of Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SlowStoreHttpTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task A_slow_store_delays_no_request_beyond_the_store_timeout()
    {
        await using var blobs = new DelayingTcpProxy(fixture.Azurite.BlobPort);
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var connection = fixture.Azurite.ConnectionString
            .Replace($"127.0.0.1:{fixture.Azurite.BlobPort}", $"127.0.0.1:{blobs.Port}", StringComparison.Ordinal);
        var renders = 0;
        await using var app = await LoopbackApp.StartAsync(
            [
                Routes.Define("/static", new RouteHandlerTable { Get = Routes.Handler(_ => new Response("render " + Interlocked.Increment(ref renders))) }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }),
                Routes.Define("/items/[id]", new RouteHandlerTable { Get = Routes.Handler(i => new Response("item " + i.Context.Params["id"])) }, new RouteSegmentConfig { Revalidate = RevalidateSetting.After(1) }),
            ],
            configuration: new()
            {
                ["Cache:Store"] = "AzureBlob",
                ["Cache:AzureBlob:ConnectionString"] = connection,
                ["Cache:AzureBlob:Container"] = "slow-" + suffix,
                ["Cache:StoreTimeout"] = "00:00:00.3",
                ["Cache:TagRefreshInterval"] = "00:00:00.1",
            });
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/static")).StatusCode);

        blobs.Delay = TimeSpan.FromSeconds(3);
        var clock = Stopwatch.StartNew();
        var answers = new List<(HttpStatusCode Status, TimeSpan At)>();
        foreach (var path in new[] { "/static", "/items/1", "/items/2", "/static", "/items/1" })
        {
            using var response = await app.Client.GetAsync(path);
            answers.Add((response.StatusCode, clock.Elapsed));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"5 requests over a 3-second network took {clock.Elapsed}.");
        Assert.Equal("render 1", await app.Client.GetStringAsync("/static"));
    }
}
