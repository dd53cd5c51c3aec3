using System.IO.Compression;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using NextRouteHandlers.Http;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests.Pipeline;

public class CompressionTests
{
    private static readonly string Json = "{\"via\":\"Response.json\"}";

    private static HttpRequestMessage Get(string path, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return request;
    }

    [Fact]
    public async Task Json_is_gzipped_for_a_client_that_accepts_gzip_and_varies_on_it()
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Get("/json", _ => new Response(Json, new ResponseInit { Headers = { { "content-type", "application/json" } } }))]);

        using var gzipped = await app.Client.SendAsync(Get("/json", "gzip, deflate"));
        using var plain = await app.Client.SendAsync(Get("/json", null));

        Assert.Equal(["gzip"], gzipped.Content.Headers.ContentEncoding);
        await using var decompressed = new GZipStream(await gzipped.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        Assert.Equal(Json, await new StreamReader(decompressed).ReadToEndAsync());
        Assert.Contains("Accept-Encoding", gzipped.Headers.Vary);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(Json, await plain.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("gzip;q=0")]
    [InlineData("br")]
    [InlineData("identity")]
    public async Task No_gzip_unless_the_client_accepts_it(string acceptEncoding)
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Get("/json", _ => new Response(Json))]);

        using var response = await app.Client.SendAsync(Get("/json", acceptEncoding));

        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Server_sent_events_images_and_no_transform_responses_are_never_compressed()
    {
        await using var app = await LoopbackApp.StartAsync([
            Routes.Get("/sse", _ => EventStream.Create(One())),
            Routes.Get("/png", _ => new Response(new byte[] { 1, 2, 3 }, new ResponseInit { Headers = { { "content-type", "image/png" } } })),
            Routes.Get("/raw", _ => new Response("x", new ResponseInit { Headers = { { "cache-control", "no-transform" } } })),
        ]);

        foreach (var path in new[] { "/sse", "/png", "/raw" })
        {
            using var response = await app.Client.SendAsync(Get(path, "gzip"));
            Assert.Empty(response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task Compression_can_be_turned_off()
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Get("/json", _ => new Response(Json))], o => o.Compress = false);

        using var response = await app.Client.SendAsync(Get("/json", "gzip"));

        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_compressed_stream_is_still_flushed_chunk_by_chunk()
    {
        var stream = new GatedStream();
        await using var app = await LoopbackApp.StartAsync([Routes.Get("/stream", _ => stream.Response())]);

        using var response = await app.Client.SendAsync(Get("/stream", "gzip"), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var gzip = new GZipStream(body, CompressionMode.Decompress);
        var buffer = new byte[6];
        await gzip.ReadExactlyAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("first;", Encoding.UTF8.GetString(buffer));
        stream.Release();
        Assert.Equal("second;", await new StreamReader(gzip).ReadToEndAsync());
    }

    private static async IAsyncEnumerable<ServerSentEvent> One()
    {
        await Task.Yield();
        yield return new ServerSentEvent("x");
    }
}
