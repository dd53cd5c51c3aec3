using NextRouteHandlers.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Http;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Tests.Pipeline;

/// <summary>The pipeline over real HTTP: Kestrel on 127.0.0.1, a manifest built by hand.</summary>
public class RouteHandlerMiddlewareTests
{
    private static readonly RouteHandler Echo = Routes.Handler(i => NextResponse.Json(new { method = i.Request.Method }, new ResponseInit { Headers = { { "x-handler", i.Request.Method } } }));

    private static HttpRequestMessage Message(string method, string path) => new(new HttpMethod(method), path);

    [Fact]
    public async Task Automatic_options_lists_the_exported_methods_sorted()
    {
        await using var app = await LoopbackApp.StartAsync([
            Routes.Define("/both", new RouteHandlerTable { Get = Echo, Post = Echo }),
            Routes.Define("/post-only", new RouteHandlerTable { Post = Echo }),
            Routes.Define("/none", new RouteHandlerTable()),
        ]);

        var both = await app.Client.SendAsync(Message("OPTIONS", "/both"));
        var postOnly = await app.Client.SendAsync(Message("OPTIONS", "/post-only"));
        var none = await app.Client.SendAsync(Message("OPTIONS", "/none"));

        Assert.Equal(HttpStatusCode.NoContent, both.StatusCode);
        Assert.Equal("GET, HEAD, OPTIONS, POST", string.Join(", ", both.Content.Headers.Allow));
        Assert.Equal("OPTIONS, POST", string.Join(", ", postOnly.Content.Headers.Allow));
        Assert.Equal("OPTIONS", string.Join(", ", none.Content.Headers.Allow));
        Assert.Empty(await both.Content.ReadAsByteArrayAsync());
        Assert.Null(both.Content.Headers.ContentType);
    }

    [Fact]
    public async Task An_exported_options_handler_replaces_the_automatic_one()
    {
        var options = Routes.Handler(_ => new Response(new ResponseInit { Status = 204, Headers = { { "Allow", "GET, X-CUSTOM" }, { "x-from", "OPTIONS" } } }));
        await using var app = await LoopbackApp.StartAsync([Routes.Define("/custom", new RouteHandlerTable { Get = Echo, Options = options })]);

        var response = await app.Client.SendAsync(Message("OPTIONS", "/custom"));

        Assert.Equal("GET, X-CUSTOM", string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("OPTIONS", response.Headers.GetValues("x-from").Single());
    }

    [Fact]
    public async Task Automatic_head_runs_get_with_method_head_and_sends_no_body()
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Define("/x", new RouteHandlerTable { Get = Echo })]);

        var response = await app.Client.SendAsync(Message("HEAD", "/x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("HEAD", response.Headers.GetValues("x-handler").Single());
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task A_method_that_is_not_exported_is_405_with_allow(string method)
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Define("/get-only", new RouteHandlerTable { Get = Echo })]);

        var response = await app.Client.SendAsync(Message(method, "/get-only"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD, OPTIONS", string.Join(", ", response.Content.Headers.Allow));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("FOO")]
    [InlineData("get")]
    [InlineData("PROPFIND")]
    [InlineData("TRACE")]
    public async Task An_unsupported_or_lower_case_method_is_400(string method)
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Define("/x", new RouteHandlerTable { Get = Echo })]);

        var (status, response) = await RawHttp.SendAsync(app.BaseAddress, method, "/x");

        Assert.Equal(400, status);
        Assert.Contains("Content-Length: 0", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dot_segments_in_the_raw_target_resolve_before_matching()
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Get("/b", i => new Response(i.Request.NextUrl.Pathname))]);

        var (status, response) = await RawHttp.SendAsync(app.BaseAddress, "GET", "/a/../b");

        Assert.Equal(200, status);
        Assert.EndsWith("\r\n\r\n/b", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_returning_null_is_500_with_an_empty_body_and_a_log_naming_the_file()
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Get("/null", _ => null)]);

        var response = await app.Client.GetAsync("/null");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var error = Assert.Single(app.Logs.Errors);
        Assert.Contains("No response is returned from route handler 'app/null/route.cs'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_throwing_handler_is_500_without_its_headers_or_a_stack_trace()
    {
        var throws = Routes.Handler(Response? (_) => throw new InvalidOperationException("boom: secret detail"));
        await using var app = await LoopbackApp.StartAsync([Routes.Define("/throws", new RouteHandlerTable { Get = throws })]);

        var response = await app.Client.GetAsync("/throws");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var error = Assert.Single(app.Logs.Errors);
        Assert.Equal("boom: secret detail", error.Exception!.Message);
        Assert.Contains("app/throws/route.cs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returning_next_or_rewrite_from_a_handler_is_500()
    {
        await using var app = await LoopbackApp.StartAsync([
            Routes.Get("/next", _ => NextResponse.Next()),
            Routes.Get("/rewrite", _ => NextResponse.Rewrite("http://localhost/b")),
        ]);

        Assert.Equal(HttpStatusCode.InternalServerError, (await app.Client.GetAsync("/next")).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await app.Client.GetAsync("/rewrite")).StatusCode);
        Assert.Equal(2, app.Logs.Errors.Count);
    }

    [Fact]
    public async Task An_unknown_path_gets_the_html_not_found_page()
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Get("/x", _ => new Response("x"))]);

        var response = await app.Client.GetAsync("/definitely-not-here");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("<!DOCTYPE html>", body, StringComparison.Ordinal);
        Assert.Contains("404", body, StringComparison.Ordinal);
        Assert.Contains("This page could not be found", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_percent_encoding_in_a_parameter_is_400()
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Get("/items/[id]", i => new Response(i.Context.Params["id"]))]);

        var response = await app.Client.GetAsync("/items/%E0%A4%A");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_trailing_slash_is_a_308_with_location_refresh_and_the_target_as_body()
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Get("/api/x", _ => new Response("x"))]);

        var response = await app.Client.GetAsync("/api/x/?q=1");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("/api/x?q=1", response.Headers.Location!.OriginalString);
        Assert.Equal("0;url=/api/x?q=1", response.Headers.GetValues("Refresh").Single());
        Assert.Equal("/api/x?q=1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Trailing_slash_true_redirects_to_the_slashed_path_and_serves_it()
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Get("/api/x", i => new Response(i.Request.NextUrl.Pathname))], next: n => n.TrailingSlash = true);

        var redirect = await app.Client.GetAsync("/api/x");
        var served = await app.Client.GetAsync("/api/x/");

        Assert.Equal("/api/x/", redirect.Headers.Location!.OriginalString);
        Assert.Equal("/api/x/", await served.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_status_text_is_sent_on_the_status_line()
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Get("/teapot", _ => new Response("short and stout", new ResponseInit { Status = 418, StatusText = "I'm a custom teapot" }))]);

        var response = await app.Client.GetAsync("/teapot");

        Assert.Equal(418, (int)response.StatusCode);
        Assert.Equal("I'm a custom teapot", response.ReasonPhrase);
    }

    [Fact]
    public async Task Each_set_cookie_goes_out_on_its_own_line()
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Get("/cookies", _ => new Response("x", new ResponseInit { Headers = { { "set-cookie", "a=1" }, { "set-cookie", "b=2" }, { "x-multi", "1" }, { "x-multi", "2" } } }))]);

        var response = await app.Client.GetAsync("/cookies");

        Assert.Equal(["a=1", "b=2"], response.Headers.GetValues("Set-Cookie"));
        Assert.Equal(["1, 2"], response.Headers.GetValues("x-multi"));
    }

    [Fact]
    public async Task The_public_url_comes_from_forwarded_headers_then_from_host()
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Get("/url", i => new Response(i.Request.Url))]);
        var forwarded = Message("GET", "/url?q=hello%20world");
        forwarded.Headers.Add("X-Forwarded-Host", "shop.example");
        forwarded.Headers.Add("X-Forwarded-Proto", "https");
        var hosted = Message("GET", "/url");
        hosted.Headers.Host = "public.example:8080";

        Assert.Equal("https://shop.example/url?q=hello+world", await (await app.Client.SendAsync(forwarded)).Content.ReadAsStringAsync());
        Assert.Equal("http://public.example:8080/url", await (await app.Client.SendAsync(hosted)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Function_keys_are_removed_before_handlers_see_the_request_when_configured()
    {
        await using var app = await LoopbackApp.StartAsync(
            [Routes.Get("/keys", i => new Response($"{i.Request.NextUrl.Search}|{i.Request.Headers.Get("x-functions-key") ?? "none"}"))],
            o => o.StripFunctionKeys = true);
        var request = Message("GET", "/keys?code=secret&a=1");
        request.Headers.Add("x-functions-key", "secret");

        var body = await (await app.Client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Equal("?a=1|none", body);
    }

    [Fact]
    public async Task A_force_static_handler_sees_no_headers_cookies_or_query_so_its_cached_body_is_the_same_for_everyone()
    {
        var route = Routes.Define("/static", new RouteHandlerTable
        {
            Get = Routes.Handler(i => new Response($"{i.Request.Headers.Count()}|{i.Request.Cookies.Size}|{i.Request.NextUrl.Search}|{i.Request.Url}|{Next.Headers().Count()}")),
        }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic });
        await using var app = await LoopbackApp.StartAsync([route]);
        var first = Message("GET", "/static?q=1");
        first.Headers.Add("Cookie", "session=abc");
        first.Headers.Add("Authorization", "Bearer token");
        var second = Message("GET", "/static?user=eve");
        second.Headers.Host = "evil.example";

        using var firstResponse = await app.Client.SendAsync(first);
        using var secondResponse = await app.Client.SendAsync(second);

        Assert.Equal("0|0||http://localhost:3000/static|0", await firstResponse.Content.ReadAsStringAsync());
        Assert.Equal("0|0||http://localhost:3000/static|0", await secondResponse.Content.ReadAsStringAsync());
        Assert.Equal("HIT", secondResponse.Headers.GetValues("x-nextjs-cache").Single());
    }

    [Fact]
    public async Task A_get_request_has_no_body_and_a_body_reads_once()
    {
        var readTwice = Routes.HandlerAsync(async i =>
        {
            var first = await i.Request.Text();
            try
            {
                await i.Request.Text();
                return new Response("read twice");
            }
            catch (BodyAlreadyReadException)
            {
                return (Response?)new Response($"{first}|{i.Request.BodyUsed}");
            }
        });
        await using var app = await LoopbackApp.StartAsync([Routes.Define("/body", new RouteHandlerTable { Get = Routes.Handler(i => new Response(i.Request.Body is null ? "null" : "stream")), Post = readTwice })]);
        var get = Message("GET", "/body");
        get.Content = new StringContent("ignored");

        Assert.Equal("null", await (await app.Client.SendAsync(get)).Content.ReadAsStringAsync());
        Assert.Equal("hello|True", await (await app.Client.PostAsync("/body", new StringContent("hello"))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Streamed_chunks_reach_the_client_before_the_stream_ends()
    {
        var stream = new GatedStream();
        await using var app = await LoopbackApp.StartAsync([Routes.Get("/stream", _ => stream.Response())]);

        using var response = await app.Client.GetAsync("/stream", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64];
        var read = await body.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("first;", Encoding.UTF8.GetString(buffer, 0, read));
        stream.Release();
        Assert.Equal("second;", await new StreamReader(body).ReadToEndAsync());
    }

    [Fact]
    public async Task A_client_disconnect_cancels_the_signal_and_logs_no_error()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waits = Routes.HandlerAsync(async i =>
        {
            i.Request.Signal.Register(() => cancelled.TrySetResult());
            started.SetResult();
            await Task.Delay(Timeout.Infinite, i.Request.Signal);
            return (Response?)new Response("never");
        });
        await using var app = await LoopbackApp.StartAsync([Routes.Define("/wait", new RouteHandlerTable { Get = waits })]);
        using var abort = new CancellationTokenSource();

        var request = app.Client.GetAsync("/wait", abort.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        abort.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await app.WhenRequestsHandledAsync(1);
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task Max_duration_cancels_the_signal_and_ends_the_request()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = Routes.Define("/slow", new RouteHandlerTable
        {
            Get = Routes.HandlerAsync(async i =>
            {
                i.Request.Signal.Register(() => cancelled.TrySetResult());
                await Task.Delay(TimeSpan.FromSeconds(30), i.Request.Signal);
                return (Response?)new Response("too late");
            }),
        }, new RouteSegmentConfig { MaxDuration = 1 });
        await using var app = await LoopbackApp.StartAsync([slow]);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => app.Client.GetAsync("/slow"));
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_normal_completion_never_cancels_the_signal()
    {
        CancellationToken signal = default;
        await using var app = await LoopbackApp.StartAsync([Routes.Get("/done", i =>
        {
            signal = i.Request.Signal;
            return new Response("ok");
        })]);

        Assert.Equal("ok", await app.Client.GetStringAsync("/done"));
        await app.WhenRequestsHandledAsync(1);

        Assert.False(signal.IsCancellationRequested);
    }

    [Fact]
    public async Task Handler_failures_are_logged_with_a_stable_event_id_at_error_level()
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Get("/boom", Response? (_) => throw new InvalidOperationException("boom"))]);

        await app.Client.GetAsync("/boom");

        var entry = Assert.Single(app.Logs.Errors);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal(EventIds.HandlerFailed, entry.EventId.Id);
    }

    [Fact]
    public async Task Content_length_set_by_a_handler_is_left_to_the_server()
    {
        await using var app = await LoopbackApp.StartAsync([Routes.Define("/h", new RouteHandlerTable
        {
            Get = Routes.Handler(_ => new Response("abc")),
            Head = Routes.Handler(_ => new Response(new ResponseInit { Headers = { { "content-length", "42" }, { "x-custom-head", "1" } } })),
        })]);

        var head = await app.Client.SendAsync(Message("HEAD", "/h"));
        var get = await app.Client.GetAsync("/h");

        Assert.Equal("1", head.Headers.GetValues("x-custom-head").Single());
        Assert.NotEqual(42, head.Content.Headers.ContentLength);
        Assert.Equal(3, get.Content.Headers.ContentLength);
        Assert.Equal(new MediaTypeHeaderValue("text/plain") { CharSet = "UTF-8" }.ToString().Replace(" ", string.Empty, StringComparison.Ordinal), get.Content.Headers.ContentType!.ToString().Replace(" ", string.Empty, StringComparison.Ordinal));
    }
}
