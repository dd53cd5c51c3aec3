using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Http;
using NextRouteHandlers.Invocation;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests.Invocation;

/// <summary>What running a handler comes to, for every way a handler can end.</summary>
public class HandlerInvokerTests
{
    private static readonly RouteDefinition Route = Routes.Define("/x", new RouteHandlerTable());

    private static (RouteInvocation Invocation, RequestScope Scope) Invocation(string method = "GET", string? contentType = null, CancellationToken aborted = default)
    {
        var http = new DefaultHttpContext { RequestAborted = aborted };
        http.Request.Method = method;
        http.Request.ContentType = contentType;
        var request = new NextRequest(http, new NextUrl("http:", "localhost", "/x", new UrlSearchParams()));
        return (new RouteInvocation(request, new RouteContext(RouteParams.Empty, Route), http), new RequestScope(request));
    }

    private static ValueTask<HandlerOutcome> Run(Func<RouteInvocation, Response?> handler, (RouteInvocation Invocation, RequestScope Scope) run) =>
        HandlerInvoker.InvokeAsync(Routes.Handler(handler), run.Invocation, run.Scope, "app/x/route.cs");

    [Fact]
    public async Task A_response_gets_the_cookies_the_handler_set_through_next_cookies()
    {
        var outcome = await Run(_ =>
        {
            Next.Cookies().Set("theme", "dark");
            return new Response("ok");
        }, Invocation());

        Assert.Equal(HandlerOutcomeKind.Responded, outcome.Kind);
        Assert.Equal("theme=dark; Path=/", outcome.Response!.Headers.Get("set-cookie"));
    }

    [Theory]
    [InlineData(false, "GET", null, 307)]
    [InlineData(true, "GET", null, 308)]
    [InlineData(false, "POST", "application/x-www-form-urlencoded", 303)]
    [InlineData(true, "POST", "multipart/form-data; boundary=x", 303)]
    [InlineData(false, "POST", "application/json", 307)]
    public async Task A_redirect_answers_307_308_or_303_after_a_form_post_with_the_cookies_set_so_far(bool permanent, string method, string? contentType, int status)
    {
        var outcome = await Run(_ =>
        {
            Next.Cookies().Set("seen", "1");
            return permanent ? Next.PermanentRedirect("/next") : Next.Redirect("/next");
        }, Invocation(method, contentType));

        Assert.Equal(status, outcome.Response!.Status);
        Assert.Equal("/next", outcome.Response.Headers.Get("location"));
        Assert.Equal("seen=1; Path=/", outcome.Response.Headers.Get("set-cookie"));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(403)]
    [InlineData(401)]
    public async Task Not_found_forbidden_and_unauthorized_answer_their_status_empty_and_without_cookies(int status)
    {
        var outcome = await Run(_ =>
        {
            Next.Cookies().Set("seen", "1");
            return status switch { 404 => Next.NotFound(), 403 => Next.Forbidden(), _ => Next.Unauthorized() };
        }, Invocation());

        Assert.Equal(status, outcome.Response!.Status);
        Assert.Null(outcome.Response.Body);
        Assert.Null(outcome.Response.Headers.Get("set-cookie"));
    }

    [Fact]
    public async Task A_request_the_server_or_a_reader_refused_keeps_its_status_and_says_why()
    {
        var tooLarge = await Run(_ => throw new Microsoft.AspNetCore.Http.BadHttpRequestException("Request body too large.", 413), Invocation());
        var badForm = await Run(_ => throw new BadRequestException("Form field 'qty' is not a number."), Invocation());

        Assert.Equal((413, "Request body too large."), (tooLarge.Response!.Status, tooLarge.Refusal));
        Assert.Equal((400, "Form field 'qty' is not a number."), (badForm.Response!.Status, badForm.Refusal));
        Assert.Equal("text/plain; charset=utf-8", badForm.Response.Headers.Get("content-type"));
    }

    [Fact]
    public async Task Nothing_returned_a_proxy_answer_and_an_exception_are_failures_with_a_reason()
    {
        var nothing = await Run(_ => null, Invocation());
        var proxyOnly = await Run(_ => NextResponse.Next(), Invocation());
        var thrown = await Run(_ => throw new InvalidOperationException("bug"), Invocation("POST"));

        Assert.Equal(HandlerOutcomeKind.Failed, nothing.Kind);
        Assert.Contains("No response is returned from route handler 'app/x/route.cs'", nothing.Problem, StringComparison.Ordinal);
        Assert.Contains("only proxy.cs may return", proxyOnly.Problem, StringComparison.Ordinal);
        Assert.Equal("The POST handler of 'app/x/route.cs' threw an exception.", thrown.Problem);
        Assert.Equal("bug", thrown.Exception!.Message);
    }

    [Fact]
    public async Task A_handler_stopped_because_the_client_left_is_aborted_not_failed()
    {
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();

        var outcome = await Run(i => throw new OperationCanceledException(i.Aborted), Invocation(aborted: gone.Token));

        Assert.Equal(HandlerOutcomeKind.Aborted, outcome.Kind);
    }

    [Fact]
    public async Task Dynamic_usage_in_a_cached_render_is_not_swallowed()
    {
        await Assert.ThrowsAsync<DynamicUsageException>(async () => await Run(_ => throw new DynamicUsageException("/x", "request.headers"), Invocation()));
    }

    [Fact]
    public async Task Invalidations_are_stamped_with_the_apps_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var (invocation, _) = Invocation();
        var scope = new RequestScope(invocation.Request) { Time = clock };

        await HandlerInvoker.InvokeAsync(Routes.Handler(_ =>
        {
            Next.RevalidateTag("products", CacheLife.Now);
            Next.RevalidatePath("/items/1");
            return new Response("ok");
        }), invocation, scope, "app/x/route.cs");

        Assert.All(scope.InvalidationsIfAny, state => Assert.True(state.Stale == clock.GetUtcNow() || state.Expired == clock.GetUtcNow(), state.ToString()));
        Assert.Equal(clock.GetUtcNow(), scope.InvalidationsIfAny.Single(s => s.Tag == "products").Stale);
    }
}
