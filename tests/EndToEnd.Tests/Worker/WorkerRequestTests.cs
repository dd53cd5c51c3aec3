using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Testing.FunctionsHost;

namespace NextRouteHandlers.EndToEnd.Tests.Worker;

/// <summary>
/// The published conformance app as an isolated worker behind the stand-in Functions host, with the body limit set
/// the way the host sets it (1 MiB here): bodies up to the limit arrive whole, one byte more is refused, and a handler
/// that throws answers 500 without taking the worker down.
/// </summary>
public sealed class WorkerRequestTests : IAsyncLifetime
{
    private const int BodyLimit = 1024 * 1024;
    private readonly TemporaryFolder _cache = new();
    private StandInFunctionsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await StandInFunctionsHost.StartAsync(new StandInHostOptions
        {
            AppDirectory = await PublishedWorker.ConformanceAppAsync(),
            AppSettings =
            {
                ["Cache__FileSystem__Path"] = _cache.Path,
                ["FUNCTIONS_REQUEST_BODY_SIZE_LIMIT"] = BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _cache.Dispose();
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_arrives_byte_for_byte()
    {
        var body = new byte[BodyLimit];
        new Random(7).NextBytes(body);

        using var response = await _host.Client.PostAsync("/body/array-buffer", new ByteArrayContent(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(BodyLimit, json.RootElement.GetProperty("byteLength").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), json.RootElement.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task A_body_one_byte_over_the_limit_is_refused_with_413_and_the_worker_keeps_serving()
    {
        using var response = await _host.Client.PostAsync("/body/array-buffer", new ByteArrayContent(new byte[BodyLimit + 1]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_handler_that_throws_answers_500_with_an_empty_body_and_the_worker_stays_up()
    {
        using var response = await _host.Client.GetAsync("/resp/throws");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        // The pipeline answered; the invocation itself did not fail, so the host records no function error.
        // The host records an invocation when the worker reports it ended, which may be just after the client has the response.
        Assert.True((await _host.WaitForInvocationAsync(i => i.Path == "/resp/throws", TimeSpan.FromSeconds(10))).Succeeded);
        // The failure reaches the host's log through the worker's log stream.
        Assert.True(await _host.WaitForWorkerOutputAsync("handler of 'app/resp/throws/route.cs' threw an exception", TimeSpan.FromSeconds(10)), _host.WorkerOutput);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task The_hosts_reserved_paths_never_reach_the_app()
    {
        using var admin = await _host.Client.GetAsync("/admin/host/status");
        using var webhook = await _host.Client.PostAsync("/runtime/webhooks/eventgrid", null);

        Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, webhook.StatusCode);
        Assert.DoesNotContain(_host.Invocations, i => i.Path.StartsWith("/admin", StringComparison.Ordinal) || i.Path.StartsWith("/runtime", StringComparison.Ordinal));
    }

    private async Task AssertStillServingAsync()
    {
        await _host.PingAsync();
        using var plain = await _host.Client.GetAsync("/plain");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.False(_host.Worker.HasExited);
    }
}
