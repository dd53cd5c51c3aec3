using NextRouteHandlers.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Http;
using NextRouteHandlers.Proxy;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Manifest;

using NextRouteHandlers.Tests.Caching;

namespace NextRouteHandlers.Tests.Proxy;

/// <summary>proxy.cs over real HTTP: continue, request-header overrides, rewrites, direct responses, cookies and failures (spec 7.4).</summary>
public class ProxyRunnerTests
{
    private static readonly RouteDefinition Echo = Routes.Get("/api/[name]", i => NextResponse.Json(new
    {
        route = i.Context.Route.Pattern,
        name = i.Context.Params["name"],
        pathname = i.Request.NextUrl.Pathname,
        url = i.Request.Url,
        user = i.Request.Headers.Get("x-user"),
        dropped = i.Request.Headers.Get("x-drop"),
        session = i.Request.Cookies.Get("session")?.Value,
        client = i.Request.Cookies.Get("client")?.Value,
    }));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static HttpRequestMessage Get(string path, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    [Fact]
    public async Task Next_with_request_headers_replaces_the_headers_the_handler_sees()
    {
        var proxy = Routes.Proxy(i =>
        {
            var headers = new Headers(i.Request.Headers);
            headers.Set("x-user", "1");
            headers.Delete("x-drop");
            return NextResponse.Next(new NextRequestInit { Headers = headers });
        });
        await using var app = await LoopbackApp.StartAsync([Echo], proxy: proxy);

        var body = await JsonAsync(await app.Client.SendAsync(Get("/api/a", ("x-drop", "yes"), ("x-user", "spoofed"))));

        Assert.Equal("1", body.GetProperty("user").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("dropped").ValueKind);
    }

    [Fact]
    public async Task Next_response_headers_reach_the_client_first_and_win_over_the_handler()
    {
        var handler = Routes.Get("/x", _ => new Response("x", new ResponseInit { Headers = { { "x-p", "handler" } } }));
        var proxy = Routes.Proxy(_ => NextResponse.Next(new ResponseInit { Headers = { { "x-p", "1" } } }));
        await using var app = await LoopbackApp.StartAsync([handler], proxy: proxy);

        var response = await app.Client.GetAsync("/x");

        Assert.Equal(["1"], response.Headers.GetValues("x-p"));
        Assert.Equal("x", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Rewrite_serves_another_route_while_the_handler_sees_the_original_url()
    {
        var proxy = Routes.Proxy(i => NextResponse.Rewrite(new Uri(new Uri(i.Request.Url), "/api/b").AbsoluteUri), "/api/a");
        await using var app = await LoopbackApp.StartAsync([Echo], proxy: proxy);

        var response = await app.Client.GetAsync("/api/a?q=1");
        var body = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("b", body.GetProperty("name").GetString());
        Assert.Equal("/api/a", body.GetProperty("pathname").GetString());
        Assert.Equal(new Uri(app.BaseAddress, "/api/a?q=1").AbsoluteUri, body.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Any_other_response_is_sent_directly_and_the_handler_never_runs()
    {
        var handlerCalls = 0;
        var handler = Routes.Get("/secret", _ =>
        {
            Interlocked.Increment(ref handlerCalls);
            return new Response("secret");
        });
        var proxy = Routes.Proxy(_ => NextResponse.Json(new { error = "unauthorized" }, new ResponseInit { Status = 401 }));
        await using var app = await LoopbackApp.StartAsync([handler], proxy: proxy);

        var response = await app.Client.GetAsync("/secret");
        var preflight = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"error":"unauthorized"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, preflight.StatusCode);
        Assert.Equal(0, handlerCalls);
    }

    [Fact]
    public async Task A_direct_response_header_wins_over_a_config_header_of_the_same_name()
    {
        var proxy = Routes.Proxy(_ => new NextResponse(new ResponseInit { Status = 204, Headers = { { "x-a", "proxy" } } }));
        await using var app = await LoopbackApp.StartAsync([], proxy: proxy, next: n => n.Headers.Add(new HeaderRule { Source = "/:path*", Headers = [new("x-a", "config"), new("x-b", "config")] }));

        var response = await app.Client.GetAsync("/anything");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["proxy"], response.Headers.GetValues("x-a"));
        Assert.Equal(["config"], response.Headers.GetValues("x-b"));
    }

    [Fact]
    public async Task Cookies_set_on_Next_go_to_the_client_and_to_the_handler()
    {
        var proxy = Routes.Proxy(_ =>
        {
            var next = NextResponse.Next();
            next.Cookies.Set("session", "a b", new CookieOptions { HttpOnly = true });
            return next;
        });
        await using var app = await LoopbackApp.StartAsync([Echo], proxy: proxy);

        var response = await app.Client.SendAsync(Get("/api/a", ("Cookie", "client=1; session=old")));
        var body = await JsonAsync(response);

        Assert.Equal(["session=a%20b; Path=/; HttpOnly"], response.Headers.GetValues("set-cookie"));
        Assert.Equal("a b", body.GetProperty("session").GetString());
        Assert.Equal("1", body.GetProperty("client").GetString());
    }

    [Fact]
    public async Task Returning_null_continues_to_the_route()
    {
        await using var app = await LoopbackApp.StartAsync([Echo], proxy: Routes.Proxy(_ => null));

        var body = await JsonAsync(await app.Client.GetAsync("/api/a"));

        Assert.Equal("a", body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_proxy_that_throws_gives_an_empty_500_and_an_error_log()
    {
        await using var app = await LoopbackApp.StartAsync([Echo], proxy: Routes.Proxy(_ => throw new InvalidOperationException("boom")));

        var response = await app.Client.GetAsync("/api/a");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var error = Assert.Single(app.Logs.Errors);
        Assert.Equal(EventIds.ProxyFailed, error.EventId.Id);
        Assert.Contains("app/proxy.cs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rewrite_to_another_origin_is_refused_with_500()
    {
        await using var app = await LoopbackApp.StartAsync([Echo], proxy: Routes.Proxy(_ => NextResponse.Rewrite("https://example.com/api/b")));

        var response = await app.Client.GetAsync("/api/a");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(EventIds.ExternalRewrite, Assert.Single(app.Logs.Errors).EventId.Id);
    }

    [Fact]
    public async Task Matcher_conditions_decide_with_the_path()
    {
        var proxy = Routes.Proxy(
            _ => new Response("blocked", new ResponseInit { Status = 403 }),
            new ProxyMatcher("/api/:path*") { Has = [new RouteHas(RouteHasType.Header, "x-key")], Missing = [new RouteHas(RouteHasType.Query, "debug")] });
        await using var app = await LoopbackApp.StartAsync([Echo], proxy: proxy);

        var withHeader = await app.Client.SendAsync(Get("/api/a", ("x-key", "k")));
        var withoutHeader = await app.Client.SendAsync(Get("/api/a"));
        var debug = await app.Client.SendAsync(Get("/api/a?debug=1", ("x-key", "k")));

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK], new[] { withHeader, withoutHeader, debug }.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task An_invalid_matcher_in_the_manifest_stops_startup_naming_the_file_and_matcher()
    {
        var proxy = Routes.Proxy(_ => null, "/api/:path*", "/api/:");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => LoopbackApp.StartAsync([Echo], proxy: proxy));

        Assert.Equal("Matcher[1] ('/api/:') of app/proxy.cs is invalid: Missing parameter name at 5", exception.Message);
    }

    [Theory]
    [InlineData("api/b")]
    [InlineData("//evil.example/x")]
    [InlineData("ftp://example.com/x")]
    public void Rewrite_needs_a_path_or_an_http_url(string url) =>
        Assert.Throws<ArgumentException>(() => NextResponse.Rewrite(url));

    [Fact]
    public async Task A_handler_returning_Next_is_still_a_500()
    {
        var handler = Routes.Get("/x", _ => NextResponse.Next(new NextRequestInit { Headers = new Headers() }));
        await using var app = await LoopbackApp.StartAsync([handler]);

        var response = await app.Client.GetAsync("/x");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(LogLevel.Error, Assert.Single(app.Logs.Errors).Level);
    }
}
