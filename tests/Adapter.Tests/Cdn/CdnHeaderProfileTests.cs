using System.Net.Http.Headers;
using NextRouteHandlers.Http;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests.Cdn;

/// <summary>
/// The Cache-Control each class of response leaves with over real HTTP, with Cache:Cdn:Enabled off (Next.js's
/// headers, untouched) and on (what Front Door reads right: shared lifetimes capped, everything else private).
/// </summary>
public class CdnHeaderProfileTests
{
    private static readonly RouteSegmentConfig ForceStatic = new() { Dynamic = DynamicMode.ForceStatic };

    private static Task<LoopbackApp> Start(bool cdn) => LoopbackApp.StartAsync(
        [
            Routes.Define("/static", new RouteHandlerTable { Get = Routes.Handler(_ => new Response("static")) }, ForceStatic),
            Routes.Define("/isr-short", new RouteHandlerTable { Get = Routes.Handler(_ => new Response("short")) }, new RouteSegmentConfig { Revalidate = RevalidateSetting.After(60) }),
            Routes.Define("/isr-long", new RouteHandlerTable { Get = Routes.Handler(_ => new Response("long")) }, new RouteSegmentConfig { Revalidate = RevalidateSetting.After(3600) }),
            Routes.Define("/dynamic", new RouteHandlerTable { Get = Routes.Handler(_ => new Response("dynamic")) }),
            Routes.Define("/own-public", new RouteHandlerTable { Get = Routes.Handler(_ => WithCacheControl("public, max-age=86400")) }),
            Routes.Define("/own-private", new RouteHandlerTable { Get = Routes.Handler(_ => WithCacheControl("private, max-age=10")) }),
            Routes.Define("/own-no-cache", new RouteHandlerTable { Get = Routes.Handler(_ => WithCacheControl("no-cache")) }),
            Routes.Define("/with-cookie", new RouteHandlerTable
            {
                Get = Routes.Handler(_ =>
                {
                    var response = new NextResponse("cookie", new ResponseInit { Headers = { { "Cache-Control", "public, max-age=60" } } });
                    response.Cookies.Set("session", "1");
                    return response;
                }),
            }),
            Routes.Define("/by-agent", new RouteHandlerTable
            {
                Get = Routes.Handler(_ => new Response("agent", new ResponseInit { Headers = { { "Cache-Control", "public, s-maxage=60" }, { "Vary", "User-Agent" } } })),
            }),
            Routes.Define("/redirect", new RouteHandlerTable { Get = Routes.Handler(_ => Response.Redirect("/static")) }),
            Routes.Define("/throws", new RouteHandlerTable { Get = Routes.Handler(_ => throw new InvalidOperationException("boom")) }),
        ],
        configuration: new() { ["Cache:Cdn:Enabled"] = cdn ? "true" : "false" });

    private static Response WithCacheControl(string value) => new("own", new ResponseInit { Headers = { { "Cache-Control", value } } });

    [Theory]
    [InlineData("/static", "s-maxage=31536000")]
    [InlineData("/isr-short", "s-maxage=60, stale-while-revalidate=31535940")]
    [InlineData("/own-public", "public, max-age=86400")]
    [InlineData("/with-cookie", "public, max-age=60")]
    [InlineData("/by-agent", "public, s-maxage=60")]
    [InlineData("/no-such-route", "private, no-cache, no-store, max-age=0, must-revalidate")]
    [InlineData("/dynamic", null)]
    [InlineData("/redirect", null)]
    [InlineData("/throws", null)]
    public async Task Without_the_profile_every_response_keeps_the_header_Next_js_gives_it(string path, string? expected)
    {
        await using var app = await Start(cdn: false);

        using var response = await app.Client.GetAsync(path);

        Assert.Equal(expected, RawCacheControl(response));
    }

    [Theory]
    [InlineData("/static", "s-maxage=300")]
    [InlineData("/isr-short", "s-maxage=60, stale-while-revalidate=31535940")]
    [InlineData("/own-public", "public, max-age=86400, s-maxage=300")]
    [InlineData("/own-private", "private, max-age=10")]
    public async Task With_the_profile_a_shared_cache_keeps_nothing_longer_than_the_cap(string path, string expected)
    {
        await using var app = await Start(cdn: true);

        using var response = await app.Client.GetAsync(path);

        Assert.Equal(Parsed(expected), response.Headers.CacheControl);
    }

    [Fact]
    public async Task With_the_profile_an_ISR_route_longer_than_the_cap_is_capped_and_keeps_its_stale_window()
    {
        await using var app = await Start(cdn: true);

        using var response = await app.Client.GetAsync("/isr-long");

        var cacheControl = response.Headers.CacheControl!;
        Assert.Equal(TimeSpan.FromSeconds(300), cacheControl.SharedMaxAge);
        Assert.Contains(cacheControl.Extensions, e => e.Name == "stale-while-revalidate");
    }

    [Theory]
    [InlineData("/dynamic")]
    [InlineData("/redirect")]
    [InlineData("/throws")]
    [InlineData("/no-such-route")]
    public async Task With_the_profile_a_response_without_a_shared_lifetime_is_private_and_never_stored(string path)
    {
        await using var app = await Start(cdn: true);

        using var response = await app.Client.GetAsync(path);

        var cacheControl = response.Headers.CacheControl;
        Assert.NotNull(cacheControl);
        Assert.True(cacheControl.Private && cacheControl.NoStore, $"{path}: {RawCacheControl(response)}");
    }

    [Theory]
    [InlineData("/with-cookie")]
    [InlineData("/by-agent")]
    [InlineData("/own-no-cache")]
    public async Task With_the_profile_a_response_the_edge_would_get_wrong_is_private_to_the_browser(string path)
    {
        await using var app = await Start(cdn: true);

        using var response = await app.Client.GetAsync(path);

        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.Private, $"{path}: {RawCacheControl(response)}");
        Assert.False(cacheControl.Public);
        Assert.Null(cacheControl.SharedMaxAge);
    }

    private static string? RawCacheControl(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Cache-Control", out var values) ? values.ToString() : null;

    private static CacheControlHeaderValue Parsed(string value) => CacheControlHeaderValue.Parse(value);
}
