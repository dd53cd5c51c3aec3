using BenchApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NextRouteHandlers.Hosting;

// Started the way src/FunctionApp is. The benchmark driver sets PORT (listen on http://127.0.0.1:<PORT>); without
// it the usual rules apply (FUNCTIONS_CUSTOMHANDLER_PORT under the Functions host, --urls, or 127.0.0.1:3000).
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (Environment.GetEnvironmentVariable("PORT") is { Length: > 0 } port) builder.WebHost.UseUrls("http://127.0.0.1:" + port);
builder.UseAzureFunctionsCustomHandler();
builder.Services.AddRouteHandlers(AppRoutes.Manifest);
builder.Services.AddSingleton<CacheStatsListener>();
using var telemetry = Environment.GetEnvironmentVariable("BENCH_TELEMETRY") switch
{
    "1" => new TelemetryListener(library: true),
    "aspnetcore" => new TelemetryListener(library: false),
    "spans" => new TelemetryListener(library: true, libraryMeters: false),
    "meters" => new TelemetryListener(library: true, librarySpans: false),
    _ => null,
};
telemetry?.Start();
#if BENCH_OPENTELEMETRY
OpenTelemetryPipeline.AddTo(builder, Environment.GetEnvironmentVariable("BENCH_TELEMETRY"));
#endif

var app = builder.Build();
// The cache counters cost every cached request a measurement: only the figures that read them (the blob ones) ask.
if (Environment.GetEnvironmentVariable("BENCH_CACHE_STATS") == "1") app.Services.GetRequiredService<CacheStatsListener>().Start();
app.MapRouteHandlers();
return await app.RunRouteHandlersAsync(args);
