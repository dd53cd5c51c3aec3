using System.Net;
using System.Text.Json;
using NextRouteHandlers.Http;
using NextRouteHandlers.Proxy;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Tests.Pipeline;

/// <summary><c>basePath</c> over real HTTP: 404 outside it, stripped for matching, kept in <c>request.Url</c> (team decision 3).</summary>
public class NextRouterBasePathTests
{
    private static readonly RouteDefinition[] App =
    [
        Routes.Get("/", _ => new Response("root")),
        Routes.Get("/api/x", i => NextResponse.Json(new { pathname = i.Request.NextUrl.Pathname, basePath = i.Request.NextUrl.BasePath, url = i.Request.Url })),
    ];

    private static Action<NextConfig> BasePath(Action<NextConfig>? more = null) => n =>
    {
        n.BasePath = "/bp";
        more?.Invoke(n);
    };

    [Theory]
    [InlineData("/api/x")]
    [InlineData("/bpx/api/x")]
    [InlineData("/")]
    public async Task Requests_outside_the_base_path_are_404(string path)
    {
        await using var app = await LoopbackApp.StartAsync(App, next: BasePath());

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_handler_sees_the_path_without_and_the_url_with_the_base_path()
    {
        await using var app = await LoopbackApp.StartAsync(App, next: BasePath());

        var body = JsonDocument.Parse(await app.Client.GetStringAsync("/bp/api/x?q=1")).RootElement;

        Assert.Equal("/api/x", body.GetProperty("pathname").GetString());
        Assert.Equal("/bp", body.GetProperty("basePath").GetString());
        Assert.Equal(new Uri(app.BaseAddress, "/bp/api/x?q=1").AbsoluteUri, body.GetProperty("url").GetString());
    }

    [Fact]
    public async Task The_base_path_itself_is_the_root_and_its_trailing_slash_redirects_away()
    {
        await using var app = await LoopbackApp.StartAsync(App, next: BasePath());

        var root = await app.Client.GetStringAsync("/bp");
        var slashed = await app.Client.GetAsync("/bp/");

        Assert.Equal("root", root);
        Assert.Equal("/bp", slashed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task With_trailing_slash_true_the_base_path_gets_a_slash()
    {
        await using var app = await LoopbackApp.StartAsync(App, next: BasePath(n => n.TrailingSlash = true));

        var bare = await app.Client.GetAsync("/bp");

        Assert.Equal("/bp/", bare.Headers.Location!.OriginalString);
        Assert.Equal("root", await app.Client.GetStringAsync("/bp/"));
    }

    [Fact]
    public async Task Rules_match_without_the_base_path_and_relative_redirects_get_it()
    {
        var proxySaw = string.Empty;
        var proxy = Routes.Proxy(i =>
        {
            proxySaw = i.Request.NextUrl.Pathname + " " + i.Request.NextUrl.BasePath;
            return null;
        });
        await using var app = await LoopbackApp.StartAsync(App, proxy: proxy, next: BasePath(n =>
        {
            n.Redirects.Add(new RedirectRule { Source = "/old", Destination = "/api/x", Permanent = false });
            n.Rewrites.AfterFiles.Add(new RewriteRule { Source = "/alias", Destination = "/api/x" });
        }));

        var redirect = await app.Client.GetAsync("/bp/old");
        var alias = JsonDocument.Parse(await app.Client.GetStringAsync("/bp/alias")).RootElement;

        Assert.Equal("/bp/api/x", redirect.Headers.Location!.OriginalString);
        Assert.Equal("/alias", alias.GetProperty("pathname").GetString());
        Assert.Equal("/alias /bp", proxySaw);
    }
}
