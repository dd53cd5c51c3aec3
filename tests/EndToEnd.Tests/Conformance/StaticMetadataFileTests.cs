using System.Net;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>
/// The static metadata files of tests/ConformanceApp (favicon.ico, icon.png, manifest.json, static/opengraph-image.png,
/// files a Next.js app like nextjs-app keeps in app/) served by the built app: each file's bytes as they are in the
/// repository, the content type and Cache-Control next@16.4.6 sends, prerendered (HIT from the first request), HEAD
/// without a body, POST refused as on a prerendered route. <see cref="StaticMetadataFilesThroughTheFunctionsHostTests"/>
/// asks the same of the published worker behind the Functions host.
/// </summary>
public abstract class StaticMetadataFileTests(ReplayServer server) : IDisposable
{
    public static TheoryData<string, string> Files { get; } = new()
    {
        { "favicon.ico", "image/x-icon" },
        { "icon.png", "image/png" },
        { "manifest.json", "application/manifest+json" },
        { "static/opengraph-image.png", "image/png" },
    };

    private HttpClient Client { get; } = new(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.BaseAddress };

    public void Dispose() => Client.Dispose();

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_file_is_served_byte_for_byte_with_nextjs_headers(string file, string contentType)
    {
        using var response = await Client.GetAsync("/" + file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "tests", "ConformanceApp", "app", file)), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal("public, max-age=0, must-revalidate", response.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Equal("HIT", response.Headers.NonValidated["x-nextjs-cache"].ToString());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Head_has_the_headers_and_post_is_refused(string file, string contentType)
    {
        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/" + file));
        using var post = await Client.PostAsync("/" + file, new StringContent("x"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(contentType, head.Content.Headers.ContentType?.ToString());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(["GET", "HEAD"], post.Content.Headers.Allow);
        Assert.Equal("Method Not Allowed", await post.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/Icon.png")]
    [InlineData("/manifest.webmanifest")]
    [InlineData("/static/favicon.ico")]
    public async Task Other_names_are_not_metadata_files(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>The static metadata files of tests/ConformanceApp, on its own server.</summary>
public sealed class StaticMetadataFilesOnKestrelTests(ConformanceAppServer server)
    : StaticMetadataFileTests(server), IClassFixture<ConformanceAppServer>;

/// <summary>The static metadata files of tests/ConformanceApp, published as an isolated worker behind the Functions host.</summary>
public sealed class StaticMetadataFilesThroughTheFunctionsHostTests(FunctionsHostServer server)
    : StaticMetadataFileTests(server), IClassFixture<FunctionsHostServer>;
