using NextRouteHandlers.Diagnostics;
using System.Net;
using NextRouteHandlers.Http;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Manifest;

using NextRouteHandlers.Tests.Caching;

namespace NextRouteHandlers.Tests.Pipeline;

/// <summary>Cached routes over real HTTP: HEAD from the entry, on-demand revalidation behind the secret, tags never sent, route handlers at metadata URLs.</summary>
public class CachedRouteResponderTests
{
    private const string Secret = "a-revalidation-secret-of-length";
    private static int _renders;

    private static Task<LoopbackApp> Start() => LoopbackApp.StartAsync(
        [
            Routes.Define("/static", new RouteHandlerTable
            {
                Get = Routes.Handler(_ =>
                {
                    Next.CacheTag("t");
                    return new Response("render " + Interlocked.Increment(ref _renders), new ResponseInit { Headers = { { "x-from", "handler" } } });
                }),
            }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }),
            Routes.Define("/items/[id]", new RouteHandlerTable { Get = Routes.Handler(i => new Response(i.Context.Params["id"])) }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }),
        ],
        configuration: new() { ["Cache:RevalidateSecret"] = Secret });

    private static HttpRequestMessage Revalidate(string path, string secret, bool ifGenerated = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-prerender-revalidate", secret);
        if (ifGenerated) request.Headers.Add("x-prerender-revalidate-if-generated", "1");
        return request;
    }

    [Fact]
    public async Task Head_is_answered_from_the_cached_entry_without_a_body()
    {
        await using var app = await Start();

        using var get = await app.Client.GetAsync("/static");
        using var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/static"));

        Assert.Equal("HIT", head.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal("handler", head.Headers.GetValues("x-from").Single());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.False(get.Headers.Contains("x-next-cache-tags"));
    }

    [Fact]
    public async Task A_cached_response_that_sets_a_cookie_is_replayed_and_warned_about()
    {
        await using var app = await LoopbackApp.StartAsync([
            Routes.Define("/with-cookie", new RouteHandlerTable
            {
                Get = Routes.Handler(_ =>
                {
                    var response = new NextResponse("x");
                    response.Cookies.Set("shared", "1");
                    return response;
                }),
            }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }),
        ]);

        using var response = await app.Client.GetAsync("/with-cookie");

        Assert.Equal("HIT", response.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal(["shared=1; Path=/"], response.Headers.GetValues("Set-Cookie"));
        Assert.Contains(app.Logs.Entries, e => e.EventId.Id == EventIds.CachedSetCookie && e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task The_revalidation_header_renders_now_only_with_the_right_secret()
    {
        await using var app = await Start();
        var before = await app.Client.GetStringAsync("/static");

        using var wrong = await app.Client.SendAsync(Revalidate("/static", "not-the-secret"));
        using var right = await app.Client.SendAsync(Revalidate("/static", Secret));
        var after = await app.Client.GetStringAsync("/static");

        Assert.Equal("HIT", wrong.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal(before, await wrong.Content.ReadAsStringAsync());
        Assert.Equal("REVALIDATED", right.Headers.GetValues("x-nextjs-cache").Single());
        Assert.NotEqual(before, await right.Content.ReadAsStringAsync());
        Assert.Equal(await right.Content.ReadAsStringAsync(), after);
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task If_generated_answers_404_for_a_path_never_rendered_and_a_wrong_secret_reveals_nothing()
    {
        await using var app = await Start();

        using var unknown = await app.Client.SendAsync(Revalidate("/items/never", Secret, ifGenerated: true));
        using var guess = await app.Client.SendAsync(Revalidate("/items/other", "guess", ifGenerated: true));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("REVALIDATED", unknown.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal(HttpStatusCode.OK, guess.StatusCode);
        Assert.Equal("MISS", guess.Headers.GetValues("x-nextjs-cache").Single());
    }

    [Fact]
    public async Task A_route_handler_at_the_robots_url_is_prerendered_like_the_metadata_file()
    {
        await using var app = await LoopbackApp.StartAsync([
            Routes.Define("/robots.txt", new RouteHandlerTable { Get = Routes.Handler(_ => new Response("User-agent: *\nAllow: /")) }),
        ]);

        using var response = await app.Client.GetAsync("/robots.txt");

        Assert.Equal("HIT", response.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal("s-maxage=31536000", response.Headers.CacheControl?.ToString());
        Assert.Equal("User-agent: *\nAllow: /", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_force_static_get_beside_a_post_is_a_hit_on_its_second_request_while_the_post_runs_every_time()
    {
        var gets = 0;
        var posts = 0;
        await using var app = await LoopbackApp.StartAsync([
            Routes.Define("/counter", new RouteHandlerTable
            {
                Get = Routes.Handler(_ => new Response("get " + Interlocked.Increment(ref gets))),
                Post = Routes.Handler(_ => new Response("post " + Interlocked.Increment(ref posts))),
            }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }),
        ]);

        using var first = await app.Client.GetAsync("/counter");
        using var post1 = await app.Client.PostAsync("/counter", null);
        using var post2 = await app.Client.PostAsync("/counter", null);
        using var second = await app.Client.GetAsync("/counter");

        Assert.Equal("HIT", second.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal("s-maxage=31536000", second.Headers.CacheControl?.ToString());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, Volatile.Read(ref gets));
        Assert.Equal("post 1", await post1.Content.ReadAsStringAsync());
        Assert.Equal("post 2", await post2.Content.ReadAsStringAsync());
        Assert.False(post1.Headers.Contains("x-nextjs-cache"));
        Assert.False(post2.Headers.Contains("x-nextjs-cache"));
    }

    [Fact]
    public async Task A_post_beside_a_cached_get_that_revalidates_its_path_makes_the_next_get_a_miss_with_a_fresh_render()
    {
        var gets = 0;
        await using var app = await LoopbackApp.StartAsync([
            Routes.Define("/article", new RouteHandlerTable
            {
                Get = Routes.Handler(_ => new Response("version " + Interlocked.Increment(ref gets))),
                Post = Routes.Handler(_ =>
                {
                    Next.RevalidatePath("/article");
                    return new Response("saved");
                }),
            }, new RouteSegmentConfig { Revalidate = RevalidateSetting.Never }),
        ]);

        using var before = await app.Client.GetAsync("/article");
        using var save = await app.Client.PostAsync("/article", null);
        using var fresh = await app.Client.GetAsync("/article");
        using var again = await app.Client.GetAsync("/article");

        Assert.Equal("HIT", before.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal("version 1", await before.Content.ReadAsStringAsync());
        Assert.Equal("saved", await save.Content.ReadAsStringAsync());
        Assert.Equal("MISS", fresh.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal("version 2", await fresh.Content.ReadAsStringAsync());
        Assert.Equal("HIT", again.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal("version 2", await again.Content.ReadAsStringAsync());
    }
}
