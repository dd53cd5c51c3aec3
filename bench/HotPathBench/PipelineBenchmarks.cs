using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Hosting;
using NextRouteHandlers.Pipeline;

namespace HotPathBench;

/// <summary>
/// One request through the adapter's pipeline (normalisation, matching, the handler, headers and cookies, the
/// cache, the response writer), without sockets: what the adapter adds on top of Kestrel, per request. The
/// baseline writes the same JSON the way a minimal API endpoint does, on the same kind of context.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private static readonly byte[] EchoBody = Encoding.UTF8.GetBytes("""{"name":"bench","count":3}""");
    private WebApplication _app = null!;
    private RouteHandlerMiddleware _pipeline = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["Cache:Store"] = "Memory";
        builder.Services.AddRouteHandlers(AppRoutes.Manifest);
        _app = builder.Build();
        _pipeline = _app.Services.GetRequiredService<RouteHandlerMiddleware>();
        // Fill the cache once, so StaticHit measures hits only.
        var warm = Context("GET", "/api/static");
        await _pipeline.InvokeAsync(warm);
        if (warm.Response.Headers["x-nextjs-cache"] != "MISS" && warm.Response.StatusCode != 200) throw new InvalidOperationException("The cached route did not render.");
    }

    [GlobalCleanup]
    public Task Cleanup() => _app.DisposeAsync().AsTask();

    [Benchmark(Baseline = true)]
    public async Task<int> MinimalApiEquivalent()
    {
        var context = Context("GET", "/api/hello");
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, new BenchApp.Hello("world"), BenchApp.BenchJson.Default.Hello);
        return context.Response.StatusCode;
    }

    [Benchmark]
    public Task<int> DynamicGet() => Run(Context("GET", "/api/hello"));

    [Benchmark]
    public Task<int> ParamRouteWithQuery() => Run(Context("GET", "/api/items/caf%C3%A9", "?q=1&sort=asc"));

    [Benchmark]
    public Task<int> PostJsonEcho()
    {
        var context = Context("POST", "/api/echo");
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = EchoBody.Length;
        context.Request.Body = new MemoryStream(EchoBody, writable: false);
        return Run(context);
    }

    [Benchmark]
    public Task<int> StaticHit() => Run(Context("GET", "/api/static"));

    [Benchmark]
    public Task<int> CookiesReadAndSet()
    {
        var context = Context("GET", "/api/session");
        context.Request.Headers.Cookie = "visits=41; other=x";
        return Run(context);
    }

    [Benchmark]
    public Task<int> NotFound() => Run(Context("GET", "/no/such/page"));

    private async Task<int> Run(HttpContext context)
    {
        await _pipeline.InvokeAsync(context);
        return context.Response.StatusCode;
    }

    private DefaultHttpContext Context(string method, string path, string query = "")
    {
        var context = new DefaultHttpContext { RequestServices = _app.Services };
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1:3000");
        context.Request.Path = PathString.FromUriComponent(path);
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = Stream.Null;
        return context;
    }
}
