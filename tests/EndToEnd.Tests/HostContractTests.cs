using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NextRouteHandlers.Invocation;
using NextRouteHandlers.Hosting;
using NextRouteHandlers.Http;
using NextRouteHandlers.Pipeline;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Testing.FunctionsHost;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.EndToEnd.Tests;

/// <summary>
/// The contract with the Azure Functions host: requests pass through the host's YARP forwarder before they reach
/// the app. What the client sent (path, query, method, body) must arrive intact, public URLs must come from the
/// forwarded headers, and streamed chunks must not be buffered on the way back.
/// </summary>
public sealed class HostContractTests : IAsyncLifetime
{
    private static readonly TaskCompletionSource ReleaseSecondChunk = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackApp _app = null!;
    private StandInFunctionsHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var echo = Routes.HandlerAsync(Echo);
        _app = await LoopbackApp.StartAsync([
            Routes.Define("/echo/[[...rest]]", new RouteHandlerTable { Get = echo, Post = echo, Put = echo, Patch = echo, Delete = echo }),
            Routes.Define("/get-only", new RouteHandlerTable { Get = echo }),
            Routes.Get("/stream", _ => new Response(Chunks(), new ResponseInit { Headers = { { "content-type", "text/plain; charset=utf-8" } } })),
        ], services: s => s.AddSingleton(new FunctionsHostEnvironment(name => name == FunctionsHostEnvironment.PortVariable ? "7071" : null)));
        _host = await StandInFunctionsHost.StartForCustomHandlerAsync(_app.BaseAddress);
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_original_path_and_query_arrive_intact()
    {
        var echo = await SendAsync(HttpMethod.Get, "/echo/caf%C3%A9/a%2Fb/x+y?q=hello%20world&q=2&empty=");

        Assert.Equal("/echo/caf%C3%A9/a%2Fb/x+y", echo.GetProperty("pathname").GetString());
        Assert.Equal(["café", "a/b", "x+y"], echo.GetProperty("rest").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("?q=hello+world&q=2&empty=", echo.GetProperty("search").GetString());
    }

    [Fact]
    public async Task The_public_url_and_host_header_come_from_the_forwarded_headers_not_the_loopback_host()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/echo/x?a=1");
        request.Headers.Host = "contoso-func.azurewebsites.net";
        request.Headers.Add("X-Forwarded-Proto", "https");

        var echo = await ReadAsync(await _client.SendAsync(request));

        Assert.Equal("https://contoso-func.azurewebsites.net/echo/x?a=1", echo.GetProperty("url").GetString());
        Assert.Equal("contoso-func.azurewebsites.net", echo.GetProperty("host").GetString());
    }

    [Fact]
    public async Task A_client_cannot_spoof_the_public_host_through_the_functions_host()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/echo/x");
        request.Headers.Host = "contoso-func.azurewebsites.net";
        request.Headers.Add("X-Forwarded-Host", "evil.example");

        var echo = await ReadAsync(await _client.SendAsync(request));

        Assert.StartsWith("http://contoso-func.azurewebsites.net/", echo.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_function_key_never_reaches_a_handler()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/echo/x?code=host-secret&a=1");
        request.Headers.Add("x-functions-key", "host-secret");

        var echo = await ReadAsync(await _client.SendAsync(request));

        Assert.Equal("?a=1", echo.GetProperty("search").GetString());
        Assert.False(echo.GetProperty("hasFunctionKey").GetBoolean());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Every_handler_method_reaches_its_handler(string method)
    {
        var echo = await SendAsync(new HttpMethod(method), "/echo");

        Assert.Equal(method, echo.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Head_options_and_405_pass_through_unchanged()
    {
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/get-only"));
        using var options = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/get-only"));
        using var notAllowed = await _client.PostAsync("/get-only", new StringContent("x"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("HEAD", head.Headers.GetValues("x-method").Single());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Equal("GET, HEAD, OPTIONS", string.Join(", ", options.Content.Headers.Allow));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, notAllowed.StatusCode);
        Assert.Equal("GET, HEAD, OPTIONS", string.Join(", ", notAllowed.Content.Headers.Allow));
    }

    [Fact]
    public async Task A_large_request_body_arrives_byte_for_byte()
    {
        var body = new byte[3 * 1024 * 1024 + 17];
        new Random(42).NextBytes(body);

        var echo = await ReadAsync(await _client.PostAsync("/echo/upload", new ByteArrayContent(body)));

        Assert.Equal(body.Length, echo.GetProperty("length").GetInt32());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(body)), echo.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Redirects_reach_the_client_with_their_location()
    {
        using var response = await _client.GetAsync("/echo/x/?q=1");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("/echo/x?q=1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Streamed_chunks_arrive_through_the_host_before_the_response_ends()
    {
        using var response = await _client.GetAsync("/stream", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64];

        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("chunk-1;", Encoding.UTF8.GetString(buffer, 0, read));
        ReleaseSecondChunk.TrySetResult();

        Assert.Equal("chunk-2;", await new StreamReader(stream).ReadToEndAsync());
    }

    private static async IAsyncEnumerable<string> Chunks([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return "chunk-1;";
        await ReleaseSecondChunk.Task.WaitAsync(cancellationToken);
        yield return "chunk-2;";
    }

    private static async Task<Response?> Echo(RouteInvocation invocation)
    {
        var request = invocation.Request;
        var bytes = await request.ArrayBuffer();
        var body = new
        {
            method = request.Method,
            url = request.Url,
            pathname = request.NextUrl.Pathname,
            search = request.NextUrl.Search,
            host = request.Headers.Get("host"),
            hasFunctionKey = request.Headers.Has("x-functions-key"),
            rest = invocation.Context.Params.GetAll("rest"),
            length = bytes.Length,
            sha256 = Convert.ToHexString(SHA256.HashData(bytes)),
        };
        return NextResponse.Json(body, new ResponseInit { Headers = { { "x-method", request.Method } } });
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path) => await ReadAsync(await _client.SendAsync(new HttpRequestMessage(method, path)));

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
    }
}
