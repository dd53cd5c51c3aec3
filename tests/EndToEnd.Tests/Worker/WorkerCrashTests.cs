using System.Net;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Testing.FunctionsHost;

namespace NextRouteHandlers.EndToEnd.Tests.Worker;

/// <summary>
/// A worker killed in the middle of a request (an instance taken away, a crash): the client's response is cut short,
/// and the next worker started on the same store serves again with every cached entry as it was.
/// </summary>
public sealed class WorkerCrashTests
{
    [Fact]
    public async Task A_worker_killed_mid_request_loses_nothing_cached_and_the_next_start_serves_again()
    {
        using var cache = new TemporaryFolder();
        var options = new StandInHostOptions
        {
            AppDirectory = await PublishedWorker.ConformanceAppAsync(),
            AppSettings = { ["Cache__FileSystem__Path"] = cache.Path },
        };

        string prerendered, renderedOnDemand;
        await using (var first = await StandInFunctionsHost.StartAsync(options))
        {
            prerendered = await ReadCachedAsync(first, "/static/force", "HIT");
            renderedOnDemand = await ReadCachedAsync(first, "/gsp-open/made-at-runtime", "MISS");
            using var streaming = await first.Client.GetAsync("/stream/chunks", HttpCompletionOption.ResponseHeadersRead);
            var body = await streaming.Content.ReadAsStreamAsync();
            Assert.True(await body.ReadAsync(new byte[16]) > 0);

            await first.Worker.KillAsync();

            await Assert.ThrowsAnyAsync<Exception>(async () => await new StreamReader(body).ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.True(first.Worker.HasExited);
        }

        await using var second = await StandInFunctionsHost.StartAsync(options);

        Assert.Equal(prerendered, await ReadCachedAsync(second, "/static/force", "HIT"));
        Assert.Equal(renderedOnDemand, await ReadCachedAsync(second, "/gsp-open/made-at-runtime", "HIT"));
        using var plain = await second.Client.GetAsync("/plain");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(0, await second.StopAsync());
    }

    private static async Task<string> ReadCachedAsync(StandInFunctionsHost host, string path, string expectedCacheStatus)
    {
        using var response = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedCacheStatus, response.Headers.GetValues("x-nextjs-cache").Single());
        return await response.Content.ReadAsStringAsync();
    }
}
