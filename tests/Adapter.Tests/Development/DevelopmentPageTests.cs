using System.Net;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Http;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests.Development;

/// <summary>The development page over HTTP: what it shows, where it is absent, and its revalidate action.</summary>
public class DevelopmentPageTests
{
    private static int _renders;

    /// <summary>A cached route with a tag, a dynamic one, and a route whose pattern and output need encoding.</summary>
    public static RouteDefinition[] SampleRoutes() =>
    [
        Routes.Define("/cached", new RouteHandlerTable
        {
            Get = Routes.Handler(_ =>
            {
                Next.CacheTag("items");
                return new Response("render " + Interlocked.Increment(ref _renders));
            }),
        }, new RouteSegmentConfig { Revalidate = RevalidateSetting.After(60) }),
        Routes.Define("/live", new RouteHandlerTable { Get = Routes.Handler(_ => new Response("live")), Post = Routes.Handler(_ => new Response("posted")) }),
        Routes.Define("/items/[id]", new RouteHandlerTable { Get = Routes.Handler(i => new Response("item")) }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }),
    ];

    [Fact]
    public async Task In_development_it_shows_the_routes_and_the_entries_answered()
    {
        await using var app = await LoopbackApp.StartAsync(SampleRoutes(), environment: "Development");
        // The startup prerender rendered /cached; /items/<b> renders on its first request.
        Assert.Equal("HIT", (await app.Client.GetAsync("cached")).Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal("MISS", (await app.Client.GetAsync("items/%3Cb%3E")).Headers.GetValues("x-nextjs-cache").Single());

        using var page = await app.Client.GetAsync("_next-route-handlers");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
        Assert.Contains("<tr data-route=\"/cached\"><td>\u25CB</td><td><code>/cached</code></td><td><code>app/cached/route.cs</code></td><td>GET, HEAD, OPTIONS</td><td>Revalidate = 60</td><td>yes: Revalidate set</td></tr>", html);
        Assert.Contains("<td>no: no caching opt-in (force-static, Revalidate, GenerateStaticParams)</td>", html);
        Assert.Contains("<tr class=\"entry\" data-path=\"/cached\"><td><code>/cached</code></td><td><code>/cached</code></td><td class=\"HIT\">HIT</td><td class=\"fresh\">fresh, HTTP 200</td>", html);
        Assert.Contains("<td>items</td>", html);
        Assert.Contains("id=\"store\">memory</code>", html);
        Assert.Contains("<td>prerender</td>", html);
        Assert.Contains("<td>miss</td>", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("/items/&lt;b&gt;", html);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData(null)]
    public async Task Outside_development_the_path_is_the_normal_404(string? environment)
    {
        await using var app = await LoopbackApp.StartAsync(SampleRoutes(), environment: environment);
        using var notFound = await app.Client.GetAsync("no-such-route");

        using var page = await app.Client.GetAsync("_next-route-handlers");
        using var revalidate = await PostAsync(app, "path=/cached");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(await notFound.Content.ReadAsStringAsync(), await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, revalidate.StatusCode);
    }

    [Fact]
    public async Task Revalidating_a_path_makes_its_next_request_render()
    {
        await using var app = await LoopbackApp.StartAsync(SampleRoutes(), environment: "Development");
        await app.Client.GetAsync("cached");

        using var revalidated = await PostAsync(app, "path=/cached");
        using var next = await app.Client.GetAsync("cached");

        Assert.Equal(HttpStatusCode.NoContent, revalidated.StatusCode);
        Assert.Equal("MISS", next.Headers.GetValues("x-nextjs-cache").Single());
    }

    [Fact]
    public async Task Revalidating_a_tag_marks_it_and_its_entries()
    {
        await using var app = await LoopbackApp.StartAsync(SampleRoutes(), environment: "Development");
        await app.Client.GetAsync("cached");

        using var revalidated = await PostAsync(app, "tag=items");
        var html = await app.Client.GetStringAsync("_next-route-handlers");

        Assert.Equal(HttpStatusCode.NoContent, revalidated.StatusCode);
        Assert.Contains("<table id=\"tags\"><tr><th>Tag</th><th>Stale since</th><th>Expired at</th></tr><tr><td><code>items</code>", html);
        Assert.Contains("<td class=\"expired\">expired, HTTP 200</td>", html);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("yes", null)]
    [InlineData("revalidate", "http://evil.example")]
    public async Task A_revalidation_without_the_page_header_or_from_another_origin_is_refused(string? header, string? origin)
    {
        await using var app = await LoopbackApp.StartAsync(SampleRoutes(), environment: "Development");
        await app.Client.GetAsync("cached");

        using var refused = await PostAsync(app, "path=/cached", header, origin);
        using var next = await app.Client.GetAsync("cached");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("HIT", next.Headers.GetValues("x-nextjs-cache").Single());
    }

    [Fact]
    public async Task A_revalidation_from_the_page_itself_is_accepted()
    {
        await using var app = await LoopbackApp.StartAsync(SampleRoutes(), environment: "Development");

        using var accepted = await PostAsync(app, "tag=items", "revalidate", app.BaseAddress.GetLeftPart(UriPartial.Authority));

        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(LoopbackApp app, string form, string? header = "revalidate", string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "_next-route-handlers/revalidate")
        {
            Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (header is not null) request.Headers.Add("x-next-route-handlers", header);
        if (origin is not null) request.Headers.Add("Origin", origin);
        return app.Client.SendAsync(request);
    }
}
