using System.Net;
using NextRouteHandlers.Http;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Manifest;

using NextRouteHandlers.Tests.Caching;

namespace NextRouteHandlers.Tests.Invocation;

/// <summary>Next.Redirect, Next.NotFound and friends, thrown from handlers and from code they call, over real HTTP.</summary>
public class HandlerInvokerNavigationTests
{
    private static Response Nested(Func<Response> navigate) => navigate();

    private static Task<LoopbackApp> Start() => LoopbackApp.StartAsync([
        Routes.Define("/redirect", new RouteHandlerTable
        {
            Get = Routes.Handler(_ => Nested(() => Next.Redirect("/login?next=%2Fa"))),
            Post = Routes.Handler(_ =>
            {
                Next.Cookies().Set("flash", "saved");
                return Next.Redirect("/done");
            }),
        }),
        Routes.Get("/permanent", _ => Next.PermanentRedirect("/new")),
        Routes.Get("/missing", _ =>
        {
            Next.Cookies().Set("a", "1");
            return Next.NotFound();
        }),
        Routes.Get("/forbidden", _ => Next.Forbidden()),
        Routes.Get("/unauthorized", _ => Next.Unauthorized()),
        Routes.Define("/form", new RouteHandlerTable
        {
            Post = Routes.HandlerAsync(async i =>
            {
                var form = await i.Request.FormData();
                return (Response?)new Response($"qty={form.Get<int>("qty")}");
            }),
        }),
    ]);

    [Fact]
    public async Task Redirect_is_a_307_with_the_location_as_given_and_no_body()
    {
        await using var app = await Start();

        using var response = await app.Client.GetAsync("/redirect");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("/login?next=%2Fa", response.Headers.Location!.OriginalString);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Permanent_redirect_is_a_308()
    {
        await using var app = await Start();

        Assert.Equal(HttpStatusCode.PermanentRedirect, (await app.Client.GetAsync("/permanent")).StatusCode);
    }

    [Fact]
    public async Task A_form_post_gets_303_and_keeps_cookie_changes()
    {
        await using var app = await Start();

        using var response = await app.Client.PostAsync("/redirect", new FormUrlEncodedContent([new("a", "1")]));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(["flash=saved; Path=/"], response.Headers.GetValues("Set-Cookie"));
    }

    [Fact]
    public async Task A_json_post_gets_307()
    {
        await using var app = await Start();

        using var response = await app.Client.PostAsync("/redirect", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
    }

    [Fact]
    public async Task Not_found_is_an_empty_404_without_cookie_changes()
    {
        await using var app = await Start();

        using var response = await app.Client.GetAsync("/missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Empty(app.Logs.Errors);
    }

    [Theory]
    [InlineData("/forbidden", HttpStatusCode.Forbidden)]
    [InlineData("/unauthorized", HttpStatusCode.Unauthorized)]
    public async Task Forbidden_and_unauthorized_answer_their_status(string path, HttpStatusCode status)
    {
        await using var app = await Start();

        Assert.Equal(status, (await app.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_typed_form_field_that_does_not_convert_is_a_400_that_says_why()
    {
        await using var app = await Start();

        using var bad = await app.Client.PostAsync("/form", new FormUrlEncodedContent([new("qty", "lots")]));
        using var good = await app.Client.PostAsync("/form", new FormUrlEncodedContent([new("qty", "3")]));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("Form field 'qty' must be a whole number; got 'lots'.", await bad.Content.ReadAsStringAsync());
        Assert.Equal("qty=3", await good.Content.ReadAsStringAsync());
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public void Request_functions_outside_a_request_say_so() =>
        Assert.Contains("while a route handler runs", Assert.Throws<InvalidOperationException>(() => Next.Cookies()).Message, StringComparison.Ordinal);
}
