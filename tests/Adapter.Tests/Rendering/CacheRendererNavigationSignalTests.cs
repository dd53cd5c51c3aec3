using Microsoft.Extensions.Time.Testing;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Hosting;
using NextRouteHandlers.Http;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Rendering;

using NextRouteHandlers.Tests.Caching;

namespace NextRouteHandlers.Tests.Rendering;

/// <summary>
/// A cached route that answers with a navigation signal (<c>Next.NotFound()</c>, <c>Redirect</c>,
/// <c>PermanentRedirect</c>, <c>Forbidden</c>, <c>Unauthorized</c>) answers as a dynamic route does, at every point a
/// cached route is rendered: the startup prerender (which must not take the app down), a render on first request, an
/// ISR regeneration and the <c>prerender</c> command. As in Next.js, a prerender that answers 404 or a redirect is
/// stored; one that answers another status of 400 or more makes the route dynamic; at run time every status is stored.
/// </summary>
public sealed class CacheRendererNavigationSignalTests
{
    private static readonly RouteSegmentConfig ForceStatic = new() { Dynamic = DynamicMode.ForceStatic };

    private readonly FakeTimeProvider _clock = new(CacheTestKit.Start);
    private bool _deleted;

    private RouteDefinition[] SignalRoutes() =>
    [
        Routes.Define("/sig/not-found", new RouteHandlerTable { Get = Routes.Handler(_ => Next.NotFound()) }, ForceStatic),
        Routes.Define("/sig/redirect", new RouteHandlerTable { Get = Routes.Handler(_ => Next.Redirect("/elsewhere?from=cache")) }, ForceStatic),
        Routes.Define("/sig/permanent", new RouteHandlerTable { Get = Routes.Handler(_ => Next.PermanentRedirect("/moved")) }, ForceStatic),
        Routes.Define("/sig/forbidden", new RouteHandlerTable { Get = Routes.Handler(_ => Next.Forbidden()) }, ForceStatic),
        Routes.Define("/sig/unauthorized", new RouteHandlerTable { Get = Routes.Handler(_ => Next.Unauthorized()) }, ForceStatic),
        Routes.Define("/gsp/[id]", new RouteHandlerTable
        {
            Get = Routes.Handler(i => i.Context.Params["id"] is "a" ? new Response("a") : Next.NotFound()),
        }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic, GenerateStaticParams = _ => ValueTask.FromResult(StaticParams.From([new Dictionary<string, string> { ["id"] = "a" }, new Dictionary<string, string> { ["id"] = "gone" }])) }),
        Routes.Define("/isr", new RouteHandlerTable
        {
            Get = Routes.Handler(_ => _deleted ? Next.NotFound() : new Response("data")),
        }, new RouteSegmentConfig { Revalidate = RevalidateSetting.After(60) }),
    ];

    private Task<LoopbackApp> StartAsync() => LoopbackApp.StartAsync(SignalRoutes(), services: s => s.AddSingleton<TimeProvider>(_clock));

    [Theory]
    [InlineData("/sig/not-found", HttpStatusCode.NotFound, null)]
    [InlineData("/sig/redirect", HttpStatusCode.TemporaryRedirect, "/elsewhere?from=cache")]
    [InlineData("/sig/permanent", HttpStatusCode.PermanentRedirect, "/moved")]
    public async Task A_404_or_a_redirect_at_the_startup_prerender_is_stored_and_served_from_the_cache(string path, HttpStatusCode status, string? location)
    {
        await using var app = await StartAsync();

        using var first = await app.Client.GetAsync(path);
        using var second = await app.Client.GetAsync(path);

        Assert.Equal(status, first.StatusCode);
        Assert.Equal(status, second.StatusCode);
        Assert.Equal("HIT", first.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal(location, first.Headers.Location?.OriginalString);
        Assert.Empty(await first.Content.ReadAsByteArrayAsync());
        Assert.Empty(app.Logs.Errors);
    }

    [Theory]
    [InlineData("/sig/forbidden", HttpStatusCode.Forbidden)]
    [InlineData("/sig/unauthorized", HttpStatusCode.Unauthorized)]
    public async Task Another_4xx_at_the_startup_prerender_makes_the_route_dynamic_and_the_app_still_starts(string path, HttpStatusCode status)
    {
        await using var app = await StartAsync();

        using var response = await app.Client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.False(response.Headers.Contains("x-nextjs-cache"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(app.Logs.Entries, e => e.Message.Contains(path.TrimStart('/') + "/route.cs", StringComparison.Ordinal) && e.Message.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task Generate_static_params_paths_that_answer_not_found_are_stored_like_the_others()
    {
        await using var app = await StartAsync();

        using var listed = await app.Client.GetAsync("/gsp/a");
        using var gone = await app.Client.GetAsync("/gsp/gone");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal("HIT", listed.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("HIT", gone.Headers.GetValues("x-nextjs-cache").Single());
    }

    [Fact]
    public async Task A_path_rendered_on_first_request_that_answers_not_found_is_stored_as_a_404()
    {
        await using var app = await StartAsync();

        using var first = await app.Client.GetAsync("/gsp/never-listed");
        using var second = await app.Client.GetAsync("/gsp/never-listed");

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal("MISS", first.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal("HIT", second.Headers.GetValues("x-nextjs-cache").Single());
    }

    [Fact]
    public async Task An_isr_regeneration_that_starts_answering_not_found_serves_stale_once_then_stores_the_404()
    {
        await using var app = await StartAsync();
        using (var fresh = await app.Client.GetAsync("/isr")) Assert.Equal("data", await fresh.Content.ReadAsStringAsync());

        _deleted = true;
        _clock.Advance(TimeSpan.FromSeconds(61));
        using var stale = await app.Client.GetAsync("/isr");
        HttpResponseMessage? regenerated = null;
        for (var i = 0; i < 100 && regenerated?.StatusCode != HttpStatusCode.NotFound; i++)
        {
            regenerated?.Dispose();
            await Task.Delay(20);
            regenerated = await app.Client.GetAsync("/isr");
        }

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal("STALE", stale.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal("data", await stale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, regenerated!.StatusCode);
        Assert.Equal("HIT", regenerated.Headers.GetValues("x-nextjs-cache").Single());
        regenerated.Dispose();
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task The_prerender_command_stores_the_signals_and_lists_the_dynamic_routes()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Cache:Store"] = "Memory";
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddRouteHandlers(new RouteManifest(SignalRoutes()));
        await using var app = builder.Build();

        var table = await app.Services.GetRequiredService<Prerenderer>().PrerenderAsync(CancellationToken.None);
        var text = Prerenderer.Describe(table);

        Assert.Equal(["/sig/not-found"], table.Single(r => r.Route.Pattern == "/sig/not-found").Paths);
        Assert.Equal(["/gsp/a", "/gsp/gone"], table.Single(r => r.Route.Pattern == "/gsp/[id]").Paths);
        Assert.Equal('\u0192', table.Single(r => r.Route.Pattern == "/sig/forbidden").Symbol);
        Assert.Equal('\u0192', table.Single(r => r.Route.Pattern == "/sig/unauthorized").Symbol);
        Assert.Contains("\u25CB /sig/redirect", text, StringComparison.Ordinal);
    }
}
