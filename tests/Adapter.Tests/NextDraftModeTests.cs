using System.Net;
using NextRouteHandlers.Diagnostics;
using NextRouteHandlers.Http;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests;

/// <summary>
/// <c>Next.DraftMode()</c> over HTTP: the <c>__prerender_bypass</c> cookie as Next.js writes it, the id every instance
/// of a deployment shares, draft requests skipping the response cache with a private <c>Cache-Control</c>, and
/// renders for the cache, which see no draft mode and become dynamic when they switch it.
/// </summary>
public class NextDraftModeTests
{
    private const string Secret = "a-draft-mode-secret-for-tests";
    private const string RevalidateSecret = "a-revalidation-secret-for-tests";

    private static readonly RouteDefinition Switch = Routes.Define("/api/draft", new RouteHandlerTable
    {
        Get = Routes.Handler(_ =>
        {
            Next.DraftMode().Enable();
            return new Response("enabled " + Next.DraftMode().IsEnabled);
        }),
        Delete = Routes.Handler(_ =>
        {
            Next.DraftMode().Disable();
            return new Response("disabled");
        }),
    });

    private static readonly RouteDefinition Status = Routes.Get("/api/status", _ => new Response(Next.DraftMode().IsEnabled ? "draft" : "published"));

    private static Dictionary<string, string?> Config(string? draftSecret = Secret, string build = "build-1", string? revalidateSecret = RevalidateSecret) =>
        new() { ["Cache:DraftModeSecret"] = draftSecret, ["Cache:RevalidateSecret"] = revalidateSecret, ["Cache:BuildId"] = build };

    private static HttpRequestMessage Get(string path, string? cookie = null, string? revalidate = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (revalidate is not null) request.Headers.Add("x-prerender-revalidate", revalidate);
        return request;
    }

    private static string CacheControl(HttpResponseMessage response) => response.Headers.NonValidated["cache-control"].ToString();

    private static async Task<string> EnableAsync(LoopbackApp app)
    {
        using var response = await app.Client.GetAsync("/api/draft");
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        return header[..header.IndexOf(';', StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Enable_sets_the_bypass_cookie_as_nextjs_writes_it_and_leaves_this_request_as_it_was()
    {
        await using var app = await LoopbackApp.StartAsync([Switch], configuration: Config());

        using var response = await app.Client.GetAsync("/api/draft");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Matches("^__prerender_bypass=[0-9a-f]{64}; Path=/; Secure; HttpOnly; SameSite=none$", cookie);
        Assert.DoesNotContain(Secret, cookie, StringComparison.Ordinal);
        Assert.Equal("enabled False", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Disable_expires_both_draft_cookies()
    {
        await using var app = await LoopbackApp.StartAsync([Switch], configuration: Config());

        using var response = await app.Client.DeleteAsync("/api/draft");

        Assert.Equal(
            [
                "__prerender_bypass=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; HttpOnly; SameSite=none",
                "__prerender_bypass_preview=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; HttpOnly; SameSite=none",
            ],
            response.Headers.GetValues("Set-Cookie"));
    }

    [Fact]
    public async Task IsEnabled_only_with_this_deployments_cookie_and_never_in_an_on_demand_revalidation()
    {
        await using var app = await LoopbackApp.StartAsync([Switch, Status], configuration: Config());
        var cookie = await EnableAsync(app);

        using var draft = await app.Client.SendAsync(Get("/api/status", "theme=dark; " + cookie));
        using var none = await app.Client.SendAsync(Get("/api/status"));
        using var forged = await app.Client.SendAsync(Get("/api/status", "__prerender_bypass=" + new string('0', 64)));
        using var revalidation = await app.Client.SendAsync(Get("/api/status", cookie, revalidate: RevalidateSecret));

        Assert.Equal("draft", await draft.Content.ReadAsStringAsync());
        Assert.Equal("published", await none.Content.ReadAsStringAsync());
        Assert.Equal("published", await forged.Content.ReadAsStringAsync());
        Assert.Equal("published", await revalidation.Content.ReadAsStringAsync());
        Assert.Null(draft.Headers.CacheControl);
    }

    [Fact]
    public async Task A_draft_request_to_a_cached_route_runs_the_handler_privately_and_leaves_the_cache_as_it_was()
    {
        var renders = 0;
        await using var app = await LoopbackApp.StartAsync(
            [
                Switch,
                Routes.Define("/page", new RouteHandlerTable
                {
                    Get = Routes.Handler(i => new Response(
                        $"render {Interlocked.Increment(ref renders)} {(Next.DraftMode().IsEnabled ? "draft" : "published")} cookies {i.Request.Cookies.Size}",
                        new ResponseInit { Headers = { { "cache-control", "public, max-age=60" } } })),
                }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }),
            ],
            configuration: Config());
        var cookie = await EnableAsync(app);

        using var published = await app.Client.GetAsync("/page");
        using var draft = await app.Client.SendAsync(Get("/page", cookie));
        using var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/page") { Headers = { { "Cookie", cookie } } });
        using var again = await app.Client.GetAsync("/page");

        Assert.Equal("HIT", published.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal("render 1 published cookies 0", await published.Content.ReadAsStringAsync());
        Assert.Equal("render 2 draft cookies 0", await draft.Content.ReadAsStringAsync());
        Assert.False(draft.Headers.Contains("x-nextjs-cache"));
        Assert.Equal("private, no-cache, no-store, max-age=0, must-revalidate", CacheControl(draft));
        Assert.Equal("private, no-cache, no-store, max-age=0, must-revalidate", CacheControl(head));
        Assert.Equal("HIT", again.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal("render 1 published cookies 0", await again.Content.ReadAsStringAsync());
        Assert.Equal("public, max-age=60", CacheControl(again));
        Assert.Equal(3, Volatile.Read(ref renders));
    }

    [Fact]
    public async Task A_render_for_the_cache_sees_no_draft_mode_and_switching_it_there_makes_the_route_dynamic()
    {
        await using var app = await LoopbackApp.StartAsync(
            [
                Routes.Define("/static-status", new RouteHandlerTable { Get = Routes.Handler(_ => new Response(Next.DraftMode().IsEnabled ? "draft" : "published")) }, new RouteSegmentConfig { Revalidate = RevalidateSetting.Never }),
                Routes.Define("/static-switch", new RouteHandlerTable
                {
                    Get = Routes.Handler(_ =>
                    {
                        Next.DraftMode().Enable();
                        return new Response("switched");
                    }),
                }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }),
            ],
            configuration: Config());

        using var status = await app.Client.GetAsync("/static-status");
        using var switched = await app.Client.GetAsync("/static-switch");

        Assert.Equal("HIT", status.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal("published", await status.Content.ReadAsStringAsync());
        // The prerender found the switch dynamic; served live, the force-static route sets the cookie all the same.
        Assert.False(switched.Headers.Contains("x-nextjs-cache"));
        Assert.StartsWith("__prerender_bypass=", Assert.Single(switched.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        var dynamic = Assert.Single(app.Logs.Entries, e => e.EventId.Id == EventIds.PrerenderBecameDynamic);
        Assert.Contains("draftMode().enable()", dynamic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_instance_with_the_same_secret_and_build_shares_the_id_which_falls_back_to_the_revalidation_secret()
    {
        await using var one = await LoopbackApp.StartAsync([Switch], configuration: Config());
        await using var two = await LoopbackApp.StartAsync([Switch], configuration: Config());
        await using var fallback = await LoopbackApp.StartAsync([Switch], configuration: Config(draftSecret: null, revalidateSecret: Secret));
        await using var otherBuild = await LoopbackApp.StartAsync([Switch], configuration: Config(build: "build-2"));
        await using var otherSecret = await LoopbackApp.StartAsync([Switch], configuration: Config(draftSecret: "another-draft-mode-secret"));

        var id = await EnableAsync(one);

        Assert.Equal(id, await EnableAsync(two));
        Assert.Equal(id, await EnableAsync(fallback));
        Assert.NotEqual(id, await EnableAsync(otherBuild));
        Assert.NotEqual(id, await EnableAsync(otherSecret));
        Assert.DoesNotContain(one.Logs.Entries, e => e.EventId.Id == EventIds.DraftModeIdNotShared);
    }

    [Fact]
    public async Task Without_any_secret_the_id_is_this_instances_own_and_a_warning_says_so_once()
    {
        await using var one = await LoopbackApp.StartAsync([Switch, Status], configuration: Config(draftSecret: null, revalidateSecret: null));
        await using var two = await LoopbackApp.StartAsync([Switch], configuration: Config(draftSecret: null, revalidateSecret: null));

        var id = await EnableAsync(one);
        await EnableAsync(one);
        using var draft = await one.Client.SendAsync(Get("/api/status", id));

        Assert.NotEqual(id, await EnableAsync(two));
        Assert.Equal("draft", await draft.Content.ReadAsStringAsync());
        var warning = Assert.Single(one.Logs.Entries, e => e.EventId.Id == EventIds.DraftModeIdNotShared);
        Assert.Contains("Cache:DraftModeSecret", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_shorter_than_16_characters_stops_the_app()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LoopbackApp.StartAsync([Switch], configuration: Config(draftSecret: "short")));

        Assert.Contains("Cache:DraftModeSecret must be at least 16 characters long.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_a_request_it_throws() =>
        Assert.Throws<InvalidOperationException>(() => Next.DraftMode());
}
