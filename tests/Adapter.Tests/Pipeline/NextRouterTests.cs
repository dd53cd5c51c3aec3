using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using NextRouteHandlers.Http;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Pipeline;
using NextRouteHandlers.Proxy;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests.Pipeline;

/// <summary>The router's decisions as values, one per step of Next.js's order, without a server.</summary>
public class NextRouterTests
{
    private static readonly RouteHandlerTable Handlers = new() { Get = Routes.Handler(_ => null) };

    private static NextRouter Router(NextConfig? config = null, ProxyDefinition? proxy = null, RouteHandlerOptions? options = null)
    {
        var manifest = new RouteManifest([Routes.Define("/items/[id]", Handlers), Routes.Define("/about", Handlers)]) { Proxy = proxy };
        var errors = new List<string>();
        var rules = RoutingRules.Compile(config ?? new NextConfig(), errors);
        Assert.Empty(errors);
        return new NextRouter(manifest, rules, options ?? new RouteHandlerOptions(), NullLogger.Instance);
    }

    private static HttpContext Request(string target, string method = "GET", string host = "shop.example")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(host);
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = target;
        return context;
    }

    [Fact]
    public async Task A_matching_route_comes_back_with_its_params_and_the_url_the_client_asked_for()
    {
        var decision = await Router().RouteAsync(Request("/items/caf%C3%A9?q=1"));

        Assert.Equal(RouteDecisionKind.Route, decision.Kind);
        Assert.Equal("/items/[id]", decision.Route!.Pattern);
        Assert.Equal("café", decision.Params!["id"]);
        Assert.Equal(new RequestUrl("http:", "shop.example", "/items/caf%C3%A9", "?q=1"), decision.Url);
        Assert.Equal("/items/caf%C3%A9", decision.RoutePath);
    }

    [Theory]
    [InlineData("//about", "/about")]
    [InlineData("/about/", "/about")]
    public async Task Repeated_and_trailing_slashes_are_permanent_redirects(string target, string location)
    {
        var decision = await Router().RouteAsync(Request(target));

        Assert.Equal(RouteDecision.RedirectTo(308, location), decision);
    }

    [Fact]
    public async Task A_path_outside_the_base_path_or_without_a_route_is_not_found()
    {
        Assert.Equal(RouteDecisionKind.NotFound, (await Router(new NextConfig { BasePath = "/shop" }).RouteAsync(Request("/about"))).Kind);
        Assert.Equal(RouteDecisionKind.NotFound, (await Router().RouteAsync(Request("/nowhere"))).Kind);
    }

    [Fact]
    public async Task A_method_no_handler_can_have_and_a_broken_encoding_are_bad_requests()
    {
        Assert.Equal(RouteDecisionKind.BadRequest, (await Router().RouteAsync(Request("/about", "PROPFIND"))).Kind);
        Assert.Equal(RouteDecisionKind.BadRequest, (await Router().RouteAsync(Request("/items/%E0%A4%A"))).Kind);
    }

    [Fact]
    public async Task A_config_redirect_comes_before_the_routes()
    {
        var config = new NextConfig { Redirects = [new RedirectRule { Source = "/old/:id", Destination = "/items/:id", Permanent = false }] };

        Assert.Equal(RouteDecision.RedirectTo(307, "/items/7"), await Router(config).RouteAsync(Request("/old/7")));
    }

    [Fact]
    public async Task A_proxy_answer_a_proxy_rewrite_and_a_failing_proxy_are_decided_before_the_routes()
    {
        var answering = Routes.Proxy(_ => new Response("from the proxy", new ResponseInit { Status = 418 }));
        var rewriting = Routes.Proxy(_ => NextResponse.Rewrite("/about"));
        var failing = Routes.Proxy(_ => throw new InvalidOperationException("proxy bug"));

        var answered = await Router(proxy: answering).RouteAsync(Request("/items/1"));
        var rewritten = await Router(proxy: rewriting).RouteAsync(Request("/items/1"));
        var failed = await Router(proxy: failing).RouteAsync(Request("/items/1"));

        Assert.Equal(RouteDecisionKind.ProxyResponse, answered.Kind);
        Assert.Equal(418, answered.Response!.Status);
        Assert.Equal("/about", rewritten.Route!.Pattern);
        Assert.Equal("/items/1", rewritten.Url.Path);
        Assert.Equal(RouteDecisionKind.ProxyFailed, failed.Kind);
    }

    [Fact]
    public async Task Next_config_headers_are_added_to_the_response_on_the_way()
    {
        var config = new NextConfig { Headers = [new HeaderRule { Source = "/about", Headers = [new HeaderEntry { Key = "x-from-config", Value = "1" }] }] };
        var context = Request("/about");

        await Router(config).RouteAsync(context);

        Assert.Equal("1", context.Response.Headers["x-from-config"]);
    }

    [Fact]
    public async Task Behind_the_functions_host_the_public_host_and_the_function_key_are_taken_care_of()
    {
        var router = Router(options: new RouteHandlerOptions { BehindFunctionsHost = true });
        var context = Request("/items/1?code=key&a=1", host: "localhost:41234");
        context.Request.Headers["X-Forwarded-Host"] = "contoso.example";
        context.Request.Headers["X-Forwarded-Proto"] = "https";
        context.Request.Headers["x-functions-key"] = "key";

        var decision = await router.RouteAsync(context);
        var url = router.UrlOf(decision.Url, stripped: false);

        Assert.Equal("contoso.example", context.Request.Host.Value);
        Assert.False(context.Request.Headers.ContainsKey("x-functions-key"));
        Assert.Equal("https://contoso.example/items/1?a=1", url.Href);
        Assert.Equal("http://localhost:3000/items/1", router.UrlOf(decision.Url, stripped: true).Href);
    }
}
