using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace NextRouteHandlers.Testing;

/// <summary>
/// A stand-in for Azure Resource Manager's Front Door purge API on 127.0.0.1 (the real one cannot be reached here):
/// it records every purge request (path, query, bearer token, body) and answers from a script, by default 202 with an
/// <c>Azure-AsyncOperation</c> URL whose status is <c>Succeeded</c>. Scripted answers (429 with <c>Retry-After</c>, 500,
/// 403, or a gate the test opens) let tests drive the client's retries and the long-running operation.
/// </summary>
public sealed class FrontDoorStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<PurgeCall> _calls = new();
    private readonly SemaphoreSlim _callArrived = new(0);
    private int _polls;

    private FrontDoorStandIn(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The stand-in's address, the <c>Cache:Cdn:FrontDoor:ManagementEndpoint</c> of the app under test.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The purge requests received so far, in order.</summary>
    public IReadOnlyList<PurgeCall> Calls => _calls.ToArray();

    /// <summary>How many times the operation status was polled.</summary>
    public int Polls => Volatile.Read(ref _polls);

    /// <summary>The operation status answered to polls; <c>Succeeded</c> unless a test says otherwise.</summary>
    public string OperationStatus { get; set; } = "Succeeded";

    /// <summary>Starts the stand-in on a free loopback port.</summary>
    public static async Task<FrontDoorStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        FrontDoorStandIn? standIn = null;
        app.MapPost("/subscriptions/{**rest}", context => standIn!.PurgeAsync(context));
        app.MapGet("/operations/{id}", context => standIn!.PollAsync(context));
        await app.StartAsync();
        var address = new Uri(app.Urls.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        standIn = new FrontDoorStandIn(app, address);
        return standIn;
    }

    /// <summary>Answers the next purge request with <paramref name="status"/> (and <c>Retry-After</c> seconds, when given).</summary>
    public void ThenAnswer(HttpStatusCode status, int? retryAfterSeconds = null, string body = "")
    {
        _script.Enqueue(async context =>
        {
            context.Response.StatusCode = (int)status;
            if (retryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.Response.WriteAsync(body);
        });
    }

    /// <summary>Holds the next purge request until <paramref name="gate"/> completes, then accepts it.</summary>
    public void ThenHold(Task gate)
    {
        _script.Enqueue(async context =>
        {
            await gate;
            await AcceptAsync(context);
        });
    }

    /// <summary>Waits until at least <paramref name="count"/> purge requests have arrived.</summary>
    public async Task<IReadOnlyList<PurgeCall>> WaitForCallsAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (_calls.Count < count)
        {
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _callArrived.WaitAsync(left)) throw new TimeoutException($"Expected {count} purge request(s), got {_calls.Count}.");
        }

        return Calls;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task PurgeAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var paths = body.RootElement.GetProperty("contentPaths").EnumerateArray().Select(p => p.GetString()!).ToArray();
        var domains = body.RootElement.TryGetProperty("domains", out var d) ? d.EnumerateArray().Select(x => x.GetString()!).ToArray() : null;
        _calls.Enqueue(new PurgeCall(context.Request.Path, context.Request.QueryString.Value ?? string.Empty, context.Request.Headers.Authorization.ToString(), paths, domains));
        _callArrived.Release();
        if (_script.TryDequeue(out var answer)) await answer(context);
        else await AcceptAsync(context);
    }

    private async Task AcceptAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.Headers["Azure-AsyncOperation"] = new Uri(BaseAddress, "operations/" + Guid.NewGuid().ToString("N")).ToString();
        context.Response.Headers.RetryAfter = "0";
        await context.Response.CompleteAsync();
    }

    private Task PollAsync(HttpContext context)
    {
        Interlocked.Increment(ref _polls);
        return context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["status"] = OperationStatus });
    }
}

/// <summary>One purge request the stand-in received.</summary>
/// <param name="Path">The request path (the endpoint's resource id and <c>/purge</c>).</param>
/// <param name="Query">The query string (<c>?api-version=…</c>).</param>
/// <param name="Authorization">The <c>Authorization</c> header.</param>
/// <param name="ContentPaths">The body's <c>contentPaths</c>.</param>
/// <param name="Domains">The body's <c>domains</c>, or null when absent.</param>
public sealed record PurgeCall(string Path, string Query, string Authorization, IReadOnlyList<string> ContentPaths, IReadOnlyList<string>? Domains);
