using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Diagnostics;
using NextRouteHandlers.Hosting;
using NextRouteHandlers.Pipeline;

namespace HotPathBench;

/// <summary>
/// What the library's telemetry costs per request: the dynamic JSON route (<c>GET /api/hello</c>) and a cache hit,
/// with nothing listening, and with an <see cref="ActivityListener"/> that records every span of
/// <see cref="RouteHandlerTelemetry.ActivitySourceName"/> plus a <see cref="MeterListener"/> on every meter of the
/// library (as an OpenTelemetry setup would, minus its exporters). Goal: at most 5% with listeners, nothing without.
/// </summary>
[MemoryDiagnoser]
public class TracingCostBenchmarks
{
    private WebApplication _app = null!;
    private RouteHandlerMiddleware _pipeline = null!;
    private ActivityListener? _spans;
    private MeterListener? _meters;

    /// <summary>What listens: nothing, the spans, the meters, or both.</summary>
    [Params("none", "spans", "meters", "both")]
    public string Listening { get; set; } = "none";

    [GlobalSetup]
    public async Task Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["Cache:Store"] = "Memory";
        builder.Services.AddRouteHandlers(AppRoutes.Manifest);
        _app = builder.Build();
        _pipeline = _app.Services.GetRequiredService<RouteHandlerMiddleware>();
        if (Listening is "spans" or "both")
        {
            _spans = new ActivityListener
            {
                ShouldListenTo = source => source.Name == RouteHandlerTelemetry.ActivitySourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(_spans);
        }

        if (Listening is "meters" or "both")
        {
            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (RouteHandlerTelemetry.MeterNames.Contains(instrument.Meter.Name)) listener.EnableMeasurementEvents(instrument);
                },
            };
            _meters.SetMeasurementEventCallback<double>((_, _, _, _) => { });
            _meters.SetMeasurementEventCallback<long>((_, _, _, _) => { });
            _meters.Start();
        }

        await _pipeline.InvokeAsync(Context("/api/static"));
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _spans?.Dispose();
        _meters?.Dispose();
        await _app.DisposeAsync();
    }

    [Benchmark]
    public Task<int> DynamicGet() => Run(Context("/api/hello"));

    [Benchmark]
    public Task<int> StaticHit() => Run(Context("/api/static"));

    private async Task<int> Run(HttpContext context)
    {
        await _pipeline.InvokeAsync(context);
        return context.Response.StatusCode;
    }

    private DefaultHttpContext Context(string path)
    {
        var context = new DefaultHttpContext { RequestServices = _app.Services };
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1:3000");
        context.Request.Path = PathString.FromUriComponent(path);
        context.Response.Body = Stream.Null;
        return context;
    }
}
