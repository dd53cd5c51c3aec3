using System.Net;
using NextRouteHandlers.Testing;

namespace FunctionApp.Tests;

/// <summary>
/// Bad and hostile requests against the built app serving on its own (with a 64 KiB body limit set the way the
/// Functions host sets it, in FUNCTIONS_REQUEST_BODY_SIZE_LIMIT): each gets its 4xx, and the process keeps answering.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private readonly DirectoryInfo _cache = Directory.CreateTempSubdirectory("hostile-cache-");
    private AppProcess _app = null!;

    public async Task InitializeAsync()
    {
        var port = LoopbackApp.FreePort();
        _app = await AppProcess.StartAsync(RepositoryPaths.BuiltApp("src/FunctionApp", "FunctionApp"), port, ["--urls", $"http://127.0.0.1:{port}", $"--Cache:FileSystem:Path={_cache.FullName}"], new Dictionary<string, string>
        {
            ["FUNCTIONS_REQUEST_BODY_SIZE_LIMIT"] = "65536",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _cache.Delete(recursive: true);
    }

    [Fact]
    public async Task An_over_long_url_is_414()
    {
        var (status, _) = await RawHttp.SendAsync(_app.BaseAddress, "GET", "/api/items/" + new string('a', 20_000));

        Assert.Equal(414, status);
        await AssertHealthy();
    }

    [Fact]
    public async Task Oversized_headers_are_431()
    {
        var (status, _) = await RawHttp.SendAsync(_app.BaseAddress, "GET", "/api/hello", $"X-Big: {new string('b', 40_000)}\r\n");

        Assert.Equal(431, status);
        await AssertHealthy();
    }

    [Fact]
    public async Task A_body_over_the_hosts_limit_is_413()
    {
        using var response = await _app.Client.PostAsync("/api/hello", new ByteArrayContent(new byte[100_000]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertHealthy();
    }

    [Theory]
    [InlineData("/../../../../etc/passwd")]
    [InlineData("/api/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/_lib/SampleJson.cs")]
    [InlineData("/app/api/hello/route.cs")]
    [InlineData("/appsettings.json")]
    [InlineData("/host.json")]
    public async Task Traversal_and_file_paths_never_reach_a_file(string target)
    {
        var (status, response) = await RawHttp.SendAsync(_app.BaseAddress, "GET", target);

        Assert.Equal(404, status);
        Assert.DoesNotContain("root:", response, StringComparison.Ordinal);
        Assert.DoesNotContain("customHandler", response, StringComparison.Ordinal);
        await AssertHealthy();
    }

    [Theory]
    [InlineData("/api/items/%E0%A4%A", 400)]
    [InlineData("/api/items/%", 400)]
    [InlineData("/docs/a/%C3%28/b", 400)]
    public async Task Invalid_percent_encoding_is_400(string target, int expected)
    {
        var (status, _) = await RawHttp.SendAsync(_app.BaseAddress, "GET", target);

        Assert.Equal(expected, status);
        await AssertHealthy();
    }

    [Fact]
    public async Task Malformed_cookies_and_json_are_handled_without_a_crash()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/cookies");
        request.Headers.TryAddWithoutValidation("Cookie", "theme=%E0%A4%A; ;;=; visits=notanumber; " + new string('x', 3000));
        using var cookies = await _app.Client.SendAsync(request);
        using var json = await _app.Client.PostAsync("/api/hello", new StringContent("{\"message\": [1, 2", System.Text.Encoding.UTF8, "application/json"));
        using var form = await _app.Client.PostAsync("/api/form", new StringContent("--x\r\nnot a form", System.Text.Encoding.UTF8, "multipart/form-data"));

        Assert.Equal(HttpStatusCode.OK, cookies.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, form.StatusCode);
        Assert.Empty(await form.Content.ReadAsByteArrayAsync());
        await AssertHealthy();
    }

    private async Task AssertHealthy()
    {
        using var probe = await _app.Client.GetAsync("/api/hello");
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }
}
