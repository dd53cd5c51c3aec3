using System.Net;
using NextRouteHandlers.Http;
using NextRouteHandlers.Proxy;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Tests.Pipeline;

/// <summary>
/// The order of spec section 7.2 over real HTTP, one test per step: slash normalisation, next.config headers,
/// redirects, the proxy, beforeFiles rewrites, static routes, afterFiles rewrites, dynamic routes, fallback rewrites, 404.
/// </summary>
public class NextRouterOrderTests
{
    private static RouteDefinition Named(string pattern) => Routes.Get(pattern, i => new Response(pattern + " " + i.Request.NextUrl.Pathname));

    private static RedirectRule Redirect(string source, string destination, bool permanent = true) => new() { Source = source, Destination = destination, Permanent = permanent };

    private static RewriteRule Rewrite(string source, string destination) => new() { Source = source, Destination = destination };

    private static HeaderRule Header(string source, string key, string value) => new() { Source = source, Headers = [new HeaderEntry(key, value)] };

    private static string? Value(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    [Fact]
    public async Task Step1_repeated_slashes_redirect_before_config_headers_and_redirects()
    {
        await using var app = await LoopbackApp.StartAsync([Named("/a/b")], next: n =>
        {
            n.Headers.Add(Header("/:path*", "x-config", "1"));
            n.Redirects.Add(Redirect("/a/b", "/elsewhere"));
        });

        var (status, response) = await RawHttp.SendAsync(app.BaseAddress, "GET", "//a//b?q=1");

        Assert.Equal(308, status);
        Assert.Contains("Location: /a/b?q=1", response, StringComparison.Ordinal);
        Assert.DoesNotContain("x-config", response, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Step2_config_headers_apply_in_order_to_every_response_under_the_source()
    {
        await using var app = await LoopbackApp.StartAsync([Named("/docs/page")], next: n =>
        {
            n.Headers.Add(new HeaderRule { Source = "/:path*", Headers = [new("x-a", "first"), new("x-b", "b")] });
            n.Headers.Add(Header("/docs/:path*", "x-a", "second"));
            n.Redirects.Add(Redirect("/docs/old", "/docs/page"));
        });

        var page = await app.Client.GetAsync("/docs/page");
        var redirect = await app.Client.GetAsync("/docs/old");
        var missing = await app.Client.GetAsync("/docs/missing");
        var options = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/docs/page"));
        var notAllowed = await app.Client.DeleteAsync("/docs/page");

        foreach (var response in new[] { page, redirect, missing, options, notAllowed })
        {
            Assert.Equal(("second", "b"), (Value(response, "x-a"), Value(response, "x-b")));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PermanentRedirect, HttpStatusCode.NotFound, HttpStatusCode.NoContent, HttpStatusCode.MethodNotAllowed], new[] { page, redirect, missing, options, notAllowed }.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Step3_the_trailing_slash_redirect_runs_before_config_redirects()
    {
        await using var app = await LoopbackApp.StartAsync([Named("/new")], next: n => n.Redirects.Add(Redirect("/old", "/new")));

        var slashed = await app.Client.GetAsync("/old/");
        var clean = await app.Client.GetAsync("/old");

        Assert.Equal("/old", slashed.Headers.Location!.OriginalString);
        Assert.Equal("/new", clean.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Step3_the_first_matching_redirect_answers_with_params_query_and_Next_js_framing()
    {
        await using var app = await LoopbackApp.StartAsync([Named("/x")], next: n =>
        {
            n.Redirects.Add(Redirect("/r/:slug", "/first/:slug", permanent: false));
            n.Redirects.Add(Redirect("/r/:slug", "/second"));
            n.Redirects.Add(Redirect("/p/:slug", "/perm/:slug"));
            n.Redirects.Add(new RedirectRule { Source = "/moved", Destination = "https://example.com/moved", StatusCode = 301 });
        });

        var temporary = await app.Client.GetAsync("/R/zeta?keep=1");
        var permanent = await app.Client.GetAsync("/p/zeta");
        var moved = await app.Client.GetAsync("/moved");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, temporary.StatusCode);
        Assert.Equal("/first/zeta?keep=1", temporary.Headers.Location!.OriginalString);
        Assert.Equal("/first/zeta?keep=1", await temporary.Content.ReadAsStringAsync());
        Assert.Null(Value(temporary, "refresh"));
        Assert.Equal(HttpStatusCode.PermanentRedirect, permanent.StatusCode);
        Assert.Equal("0;url=/perm/zeta", Value(permanent, "refresh"));
        Assert.Equal("/perm/zeta", await permanent.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.MovedPermanently, "https://example.com/moved"), (moved.StatusCode, moved.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task Step4_config_redirects_happen_before_the_proxy_runs()
    {
        var calls = 0;
        var proxy = Routes.Proxy(_ =>
        {
            Interlocked.Increment(ref calls);
            return new Response("from proxy", new ResponseInit { Status = 418 });
        });
        await using var app = await LoopbackApp.StartAsync([Named("/new")], next: n => n.Redirects.Add(Redirect("/old-path", "/new")), proxy: proxy);

        var redirect = await app.Client.GetAsync("/old-path");
        var other = await app.Client.GetAsync("/new");

        Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
        Assert.Equal((HttpStatusCode)418, other.StatusCode);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Step4_the_proxy_runs_only_where_its_matcher_matches()
    {
        var seen = new List<string>();
        var proxy = Routes.Proxy(
            i =>
            {
                lock (seen) seen.Add(i.Request.NextUrl.Pathname);
                return NextResponse.Next(new ResponseInit { Headers = { { "x-p", "1" } } });
            },
            "/api/:path*");
        await using var app = await LoopbackApp.StartAsync([Named("/api/a/b"), Named("/about"), Named("/API/x")], proxy: proxy);

        var matched = await app.Client.GetAsync("/api/a/b");
        var unmatched = await app.Client.GetAsync("/about");
        var otherCase = await app.Client.GetAsync("/API/x");

        Assert.Equal("1", Value(matched, "x-p"));
        Assert.Null(Value(unmatched, "x-p"));
        Assert.Null(Value(otherCase, "x-p"));
        Assert.Equal(["/api/a/b"], seen);
    }

    [Fact]
    public async Task Step5_before_files_rewrites_follow_the_proxy_and_shadow_static_routes()
    {
        var proxy = Routes.Proxy(_ => NextResponse.Rewrite("/static"), "/via-proxy");
        await using var app = await LoopbackApp.StartAsync([Named("/static"), Named("/target")], proxy: proxy, next: n => n.Rewrites.BeforeFiles.Add(Rewrite("/static", "/target")));

        Assert.Equal("/target /static", await app.Client.GetStringAsync("/static"));
        Assert.Equal("/target /via-proxy", await app.Client.GetStringAsync("/via-proxy"));
    }

    [Fact]
    public async Task Step6_a_static_route_wins_over_an_after_files_rewrite()
    {
        await using var app = await LoopbackApp.StartAsync([Named("/static"), Named("/target")], next: n => n.Rewrites.AfterFiles.Add(Rewrite("/static", "/target")));

        Assert.Equal("/static /static", await app.Client.GetStringAsync("/static"));
    }

    [Fact]
    public async Task Step7_an_after_files_rewrite_wins_over_a_dynamic_route()
    {
        await using var app = await LoopbackApp.StartAsync([Named("/items/[id]"), Named("/special")], next: n => n.Rewrites.AfterFiles.Add(Rewrite("/items/special", "/special")));

        Assert.Equal("/special /items/special", await app.Client.GetStringAsync("/items/special"));
        Assert.Equal("/items/[id] /items/1", await app.Client.GetStringAsync("/items/1"));
    }

    [Fact]
    public async Task Step8_a_dynamic_route_wins_over_a_fallback_rewrite()
    {
        await using var app = await LoopbackApp.StartAsync([Named("/items/[id]"), Named("/special")], next: n => n.Rewrites.Fallback.Add(Rewrite("/items/:id", "/special")));

        Assert.Equal("/items/[id] /items/1", await app.Client.GetStringAsync("/items/1"));
    }

    [Fact]
    public async Task Step9_a_fallback_rewrite_serves_what_no_route_matches()
    {
        await using var app = await LoopbackApp.StartAsync([Named("/items/[id]"), Named("/special")], next: n => n.Rewrites.Fallback.Add(Rewrite("/:path*", "/special")));

        Assert.Equal("/special /nowhere/at/all", await app.Client.GetStringAsync("/nowhere/at/all"));
    }

    [Fact]
    public async Task Step10_what_nothing_matches_is_the_404_page()
    {
        await using var app = await LoopbackApp.StartAsync([Named("/special")], next: n =>
        {
            n.Rewrites.BeforeFiles.Add(Rewrite("/b", "/nothing-here"));
            n.Rewrites.AfterFiles.Add(Rewrite("/a", "/special"));
            n.Rewrites.Fallback.Add(Rewrite("/f", "/special"));
        });

        var response = await app.Client.GetAsync("/b");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This page could not be found.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_and_proxy_headers_win_over_the_handler_except_the_ones_that_add_up()
    {
        var handler = Routes.Get("/x", _ => new Response("x", new ResponseInit
        {
            Headers =
            {
                { "x-config", "from-handler" }, { "x-proxy", "from-handler" }, { "x-own", "handler" },
                { "vary", "Origin" }, { "www-authenticate", "Bearer" }, { "set-cookie", "h=1; Path=/" },
            },
        }));
        var proxy = Routes.Proxy(_ =>
        {
            var next = NextResponse.Next(new ResponseInit { Headers = { { "x-proxy", "from-proxy" }, { "x-config", "from-proxy" } } });
            next.Cookies.Set("p", "1");
            return next;
        });
        await using var app = await LoopbackApp.StartAsync([handler], proxy: proxy, next: n =>
        {
            n.Headers.Add(new HeaderRule { Source = "/x", Headers = [new("x-config", "from-config"), new("vary", "Accept"), new("www-authenticate", "Basic")] });
        });

        var response = await app.Client.GetAsync("/x");

        Assert.Equal("from-proxy", Value(response, "x-config"));
        Assert.Equal("from-proxy", Value(response, "x-proxy"));
        Assert.Equal("handler", Value(response, "x-own"));
        Assert.Equal(["Accept", "Origin", "Accept-Encoding"], response.Headers.GetValues("vary"));
        Assert.Equal(["Basic", "Bearer"], response.Headers.GetValues("www-authenticate"));
        Assert.Equal(["p=1; Path=/", "h=1; Path=/"], response.Headers.GetValues("set-cookie"));
    }

    [Fact]
    public async Task A_config_header_wins_over_the_handler_header_of_the_same_name()
    {
        var handler = Routes.Get("/cfg", _ => new Response("x", new ResponseInit { Headers = { { "x-a", "handler" } } }));
        await using var app = await LoopbackApp.StartAsync([handler], next: n => n.Headers.Add(Header("/cfg", "x-a", "config")));

        var response = await app.Client.GetAsync("/cfg");

        Assert.Equal("config", Value(response, "x-a"));
    }
}
