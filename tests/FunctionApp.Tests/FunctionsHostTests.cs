using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Testing.FunctionsHost;

namespace FunctionApp.Tests;

/// <summary>
/// The built sample worker run by the stand-in Functions host, as <c>func start</c> runs the build output: the host's
/// protocol, its HTTP forwarding, streaming through it, a client going away, and a clean stop.
/// </summary>
public sealed class FunctionsHostTests : IAsyncLifetime
{
    private readonly TemporaryFolder _cache = new();
    private StandInFunctionsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await StandInFunctionsHost.StartAsync(new StandInHostOptions
        {
            AppDirectory = Path.GetDirectoryName(RepositoryPaths.BuiltApp("src/FunctionApp", "FunctionApp"))!,
            AppSettings = { ["Cache__FileSystem__Path"] = _cache.Path },
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _cache.Dispose();
    }

    [Fact]
    public void The_worker_reports_the_one_catch_all_function()
    {
        var function = Assert.Single(_host.Functions);

        Assert.Equal("routes", function.Name);
        Assert.Equal("{*path}", function.Route);
        Assert.True(function.Methods.SetEquals(FunctionBinding.RouteHandlerMethods));
        Assert.StartsWith("http://localhost:", _host.WorkerCapabilities["HttpUri"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_root_the_404_page_head_and_options_answer_through_the_host()
    {
        using var root = await _host.Client.GetAsync("/");
        using var missing = await _host.Client.GetAsync("/no/such/route");
        using var head = await _host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/hello"));
        using var options = await _host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/items/1"));

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Contains("/api/hello", await root.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("404", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("application/json", head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Equal("DELETE, GET, HEAD, OPTIONS", string.Join(", ", options.Content.Headers.Allow));
        Assert.All(_host.Invocations, i => Assert.True(i.Succeeded, i.ToString()));
    }

    [Fact]
    public async Task Server_sent_events_arrive_one_by_one_while_the_stream_is_open()
    {
        using var response = await _host.Client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();

        var first = await ReadUntilAsync(body, "\n\n");
        var firstArrived = DateTimeOffset.UtcNow;
        var second = await ReadUntilAsync(body, "\n\n");

        // The handler stamps each event with the time it produced it, a second apart. Unbuffered, the first event reaches
        // the client before the handler has produced the second; a buffering proxy would hold it until later. Comparing
        // against the server's own stamp, not the gap between two reads, keeps a slow first delivery on a busy machine
        // from reading as buffering.
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("event: tick", first, StringComparison.Ordinal);
        Assert.Contains("id: 1", first, StringComparison.Ordinal);
        Assert.Contains("id: 2", second, StringComparison.Ordinal);
        var secondProduced = EventTime(second);
        Assert.True(firstArrived < secondProduced, $"The first event arrived at {firstArrived:O}, after the second was produced at {secondProduced:O}: the stream was buffered.");
    }

    private static DateTimeOffset EventTime(string serverSentEvent)
    {
        var data = serverSentEvent.Split('\n').Single(line => line.StartsWith("data: ", StringComparison.Ordinal));
        return DateTimeOffset.Parse(data["data: ".Length..], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    [Fact]
    public async Task A_client_that_goes_away_mid_stream_cancels_the_handler_and_ends_the_invocation()
    {
        // No draining of the rest of the response for connection reuse: disposing it closes the connection at once.
        using var client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = _host.BaseAddress };
        using (var response = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead))
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            Assert.Contains("id: 1", await ReadUntilAsync(body, "\n\n"), StringComparison.Ordinal);
        }

        // The handler would send four more events, a second apart; cancelled, it ends at once, and so does the invocation.
        // Running on, it would end four seconds after the first event: three leave room for a loaded machine.
        var clock = Stopwatch.StartNew();
        while (!_host.Invocations.Any(i => i.Path == "/api/events") && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);

        var invocation = Assert.Single(_host.Invocations, i => i.Path == "/api/events");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"The invocation ended {clock.ElapsedMilliseconds} ms after the client left: the handler ran on.");
        Assert.Equal("ResponseBodyCanceled", invocation.ForwardingError);
        await _host.PingAsync();
    }

    [Fact]
    public async Task Streamed_tokens_reach_the_client_as_they_are_produced()
    {
        using var response = await _host.Client.GetAsync("/api/chat?prompt=hi", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[256];
        var reads = new List<string>();
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0) reads.Add(Encoding.UTF8.GetString(buffer, 0, read));

        Assert.StartsWith("You said: hi.", string.Concat(reads), StringComparison.Ordinal);
        Assert.True(reads.Count >= 4, $"The answer came in {reads.Count} read(s); tokens 50 ms apart should arrive one by one.");
    }

    [Fact]
    public async Task Stopping_the_host_terminates_the_worker_with_exit_code_0()
    {
        using (var response = await _host.Client.GetAsync("/api/hello")) Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal(0, await _host.StopAsync());
    }

    private static async Task<string> ReadUntilAsync(Stream body, string terminator)
    {
        var text = new StringBuilder();
        var buffer = new byte[1];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!text.ToString().EndsWith(terminator, StringComparison.Ordinal))
        {
            if (await body.ReadAsync(buffer, timeout.Token) == 0) break;
            text.Append((char)buffer[0]);
        }

        return text.ToString();
    }
}
