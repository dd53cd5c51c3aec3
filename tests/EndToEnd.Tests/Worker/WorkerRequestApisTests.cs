using System.Net;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Testing.FunctionsHost;

namespace NextRouteHandlers.EndToEnd.Tests.Worker;

/// <summary>
/// The request APIs of the published conformance app, as an isolated worker behind the stand-in Functions host:
/// <c>Next.After</c> work that runs after the client has its response, inside the invocation, and whose failure only
/// the worker's log sees; draft mode's cookie and
/// its skipping of the cache; <c>Next.Connection()</c> keeping a revalidating route dynamic.
/// </summary>
public sealed class WorkerRequestApisTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly TemporaryFolder _cache = new();
    private StandInFunctionsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await StandInFunctionsHost.StartAsync(new StandInHostOptions
        {
            AppDirectory = await PublishedWorker.ConformanceAppAsync(),
            AppSettings =
            {
                ["Cache__FileSystem__Path"] = _cache.Path,
                ["Cache__DraftModeSecret"] = "a-draft-mode-secret-for-the-worker",
            },
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _cache.Dispose();
    }

    [Fact]
    public async Task The_response_arrives_before_the_after_work_ends_and_the_invocation_lasts_until_the_work_is_done()
    {
        var hold = "/after/hold?id=" + Guid.NewGuid().ToString("N");
        var request = new HttpRequestMessage(HttpMethod.Get, hold) { Headers = { { "x-client", "test-client" } } };

        // The work waits at its gate, which only the release request below opens: the whole response came before.
        using var held = await _host.Client.SendAsync(request).WaitAsync(Bound);
        Assert.Equal("scheduled", await held.Content.ReadAsStringAsync());
        Assert.DoesNotContain(_host.Invocations, i => i.Path == hold);

        // On another connection, as Azure's front end would send it: the host reads no next request on a connection
        // whose invocation is still running.
        using var other = new HttpClient { BaseAddress = _host.BaseAddress };
        using var released = await other.PostAsync(hold.Replace("/hold", "/release", StringComparison.Ordinal), null).WaitAsync(Bound);
        var invocation = await _host.WaitForInvocationAsync(i => i.Path == hold, Bound);

        // The work still read the request and resolved the invocation's services: the invocation was alive.
        Assert.Equal("done for test-client", await released.Content.ReadAsStringAsync());
        Assert.True(invocation.Succeeded, invocation.Failure);
        Assert.Equal("None", invocation.ForwardingError);
        Assert.True(invocation.ResponseBeforeInvocationEnded);
    }

    [Fact]
    public async Task Work_that_throws_after_the_response_reaches_the_workers_log_and_not_the_client()
    {
        var id = Guid.NewGuid().ToString("N");

        using var response = await _host.Client.GetAsync("/after/fail?id=" + id).WaitAsync(Bound);
        var invocation = await _host.WaitForInvocationAsync(i => i.Path == "/after/fail?id=" + id, Bound);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("scheduled", await response.Content.ReadAsStringAsync());
        Assert.True(invocation.Succeeded, invocation.Failure);
        Assert.True(await _host.WaitForWorkerOutputAsync("after() work failed for " + id, Bound), _host.WorkerOutput);
        Assert.Contains("'app/after/fail/route.cs' scheduled with Next.After threw", _host.WorkerOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_mode_sets_its_cookie_and_a_draft_request_skips_the_cached_route()
    {
        using var enable = await _host.Client.GetAsync("/draft/enable");
        var cookie = Assert.Single(enable.Headers.GetValues("Set-Cookie"));
        Assert.Matches("^__prerender_bypass=[0-9a-f]{64}; Path=/; Secure; HttpOnly; SameSite=none$", cookie);

        using var published = await _host.Client.GetAsync("/draft/status");
        var request = new HttpRequestMessage(HttpMethod.Get, "/draft/status") { Headers = { { "Cookie", cookie.Split(';')[0] } } };
        using var draft = await _host.Client.SendAsync(request);
        using var disable = await _host.Client.GetAsync("/draft/disable");

        Assert.Equal("HIT", published.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Contains("\"isEnabled\":false", await published.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(draft.Headers.Contains("x-nextjs-cache"));
        Assert.Equal("private, no-cache, no-store, max-age=0, must-revalidate", draft.Headers.NonValidated["cache-control"].ToString());
        Assert.Contains("\"isEnabled\":true", await draft.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, disable.Headers.GetValues("Set-Cookie").Count(c => c.Contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_revalidating_route_that_awaits_connection_is_rendered_for_every_request()
    {
        using var first = await _host.Client.GetAsync("/dyn/connection");
        using var second = await _host.Client.GetAsync("/dyn/connection");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(first.Headers.Contains("x-nextjs-cache"));
        Assert.False(second.Headers.Contains("x-nextjs-cache"));
        Assert.NotEqual(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }
}
