using System.IO.Compression;
using System.Net;
using NextRouteHandlers.Http;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Metadata;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Tests.Pipeline;

namespace NextRouteHandlers.Tests.Metadata;

/// <summary>
/// Static metadata files over real HTTP, routed as the generator routes them: the embedded bytes with Next.js's
/// headers, prerendered, HEAD without a body, and every other method answered as Next.js answers it on a prerendered
/// route (405, <c>Allow: GET, HEAD</c>, <c>Method Not Allowed</c>). The files are this assembly's resources.
/// </summary>
public class StaticMetadataFileTests
{
    private static readonly byte[] Icon = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Metadata", "Files", "icon.png"));

    private static RouteDefinition StaticFile(string file, string contentType, string? resource = null)
    {
        var embedded = new StaticMetadataFile(typeof(StaticMetadataFileTests).Assembly, "NextRouteHandlers/app/" + (resource ?? file), contentType);
        return new RouteDefinition("/" + file, "/" + file + "/route", "app/" + file, new RouteHandlerTable { Get = Routes.Handler(_ => embedded.Respond()) }) { Kind = RouteKind.Metadata };
    }

    private static Task<LoopbackApp> Start(params RouteDefinition[] routes) =>
        LoopbackApp.StartAsync(routes.Length > 0 ? routes : [StaticFile("icon.png", "image/png"), StaticFile("robots.txt", "text/plain")]);

    [Fact]
    public async Task A_file_is_its_bytes_with_its_content_type_and_nextjs_cache_control_prerendered()
    {
        await using var app = await Start();

        using var first = await app.Client.GetAsync("/icon.png");
        using var second = await app.Client.GetAsync("/icon.png?v=2");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(Icon, await first.Content.ReadAsByteArrayAsync());
        Assert.Equal(Icon, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", first.Content.Headers.ContentType?.ToString());
        Assert.Equal("public, max-age=0, must-revalidate", first.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Equal(Icon.Length, first.Content.Headers.ContentLength);
        Assert.Equal(["HIT", "HIT"], new[] { first, second }.Select(r => r.Headers.GetValues("x-nextjs-cache").Single()));
        Assert.False(first.Headers.Contains("ETag"));
    }

    [Fact]
    public async Task Head_has_the_headers_without_the_body()
    {
        await using var app = await Start();

        using var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/icon.png"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("image/png", head.Content.Headers.ContentType?.ToString());
        Assert.Equal("public, max-age=0, must-revalidate", head.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(MethodResolutionTests.RefusedOnPrerenderedRoutes), MemberType = typeof(MethodResolutionTests))]
    public async Task Any_other_method_is_405_as_nextjs_answers_it_on_a_prerendered_route(string method)
    {
        await using var app = await Start();

        using var response = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/icon.png") { Content = new StringContent("x") });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
        Assert.Equal("Method Not Allowed", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Content.Headers.ContentType);
        Assert.False(response.Headers.Contains("x-nextjs-cache"));
    }

    [Fact]
    public async Task Text_files_and_the_favicon_are_gzipped_for_a_client_that_accepts_it_and_a_png_is_not()
    {
        // next@16.4.6 gzipped /robots.txt and /favicon.ico (image/x-icon is compressible, as in mime-db) but not /icon.png.
        await using var app = await Start(StaticFile("icon.png", "image/png"), StaticFile("robots.txt", "text/plain"), StaticFile("favicon.ico", "image/x-icon"));

        using var text = await GetGzipAsync(app, "/robots.txt");
        using var favicon = await GetGzipAsync(app, "/favicon.ico");
        using var image = await GetGzipAsync(app, "/icon.png");

        Assert.Equal(["gzip"], text.Content.Headers.ContentEncoding);
        Assert.StartsWith("User-agent: *\nAllow: /\n", System.Text.Encoding.UTF8.GetString(await GunzipAsync(text)), StringComparison.Ordinal);
        Assert.Equal(["gzip"], favicon.Content.Headers.ContentEncoding);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Metadata", "Files", "favicon.ico")), await GunzipAsync(favicon));
        Assert.Equal(["Accept-Encoding"], favicon.Headers.Vary);
        Assert.Empty(image.Content.Headers.ContentEncoding);
        Assert.Equal(Icon, await image.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/Icon.png")]
    [InlineData("/icon.PNG")]
    [InlineData("/icon")]
    public async Task Urls_are_case_sensitive_and_exact(string path)
    {
        await using var app = await Start();

        using var response = await app.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_file_the_build_did_not_embed_stops_the_app_at_startup_with_the_reason()
    {
        // The startup prerender serves every metadata file once, as next build does, so a missing resource fails there.
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () => await (await Start(StaticFile("apple-icon.png", "image/png"))).DisposeAsync());

        var reason = Assert.IsType<InvalidOperationException>(failure.InnerException);
        Assert.Contains("'NextRouteHandlers/app/apple-icon.png'", reason.Message, StringComparison.Ordinal);
        Assert.Contains("app/apple-icon.png", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_llms_txt_route_is_an_ordinary_route_dynamic_unless_it_opts_into_the_cache()
    {
        // Next.js 16 has no llms.txt convention, and /llms.txt is no metadata file's URL (docs/writing-routes.md).
        var runs = 0;
        RouteHandler llms = Routes.Handler(_ => new Response("# Site " + Interlocked.Increment(ref runs)));
        await using var app = await LoopbackApp.StartAsync([
            Routes.Define("/llms.txt", new RouteHandlerTable { Get = llms }),
            Routes.Define("/static/llms.txt", new RouteHandlerTable { Get = llms }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }),
        ]);

        var dynamicBodies = new[] { await app.Client.GetStringAsync("/llms.txt"), await app.Client.GetStringAsync("/llms.txt") };
        using var cached = await app.Client.GetAsync("/static/llms.txt");

        Assert.NotEqual(dynamicBodies[0], dynamicBodies[1]);
        Assert.Equal("HIT", cached.Headers.NonValidated["x-nextjs-cache"].ToString());
    }

    private static Task<HttpResponseMessage> GetGzipAsync(LoopbackApp app, string path) =>
        app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Accept-Encoding", "gzip" } } });

    private static async Task<byte[]> GunzipAsync(HttpResponseMessage response)
    {
        await using var unzipped = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        await unzipped.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    [Fact]
    public void The_response_is_new_each_time_and_shares_the_bytes_read_once()
    {
        var file = new StaticMetadataFile(typeof(StaticMetadataFileTests).Assembly, "NextRouteHandlers/app/robots.txt", "text/plain");

        var first = file.Respond();
        var second = file.Respond();

        Assert.NotSame(first, second);
        Assert.Equal("text/plain", second.Headers.Get("content-type"));
        Assert.Equal(("NextRouteHandlers/app/robots.txt", "text/plain"), (file.ResourceName, file.ContentType));
        Assert.Throws<ArgumentNullException>(() => new StaticMetadataFile(null!, "x", "text/plain"));
    }
}
