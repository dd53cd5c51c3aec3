using FunctionApp;
using NextRouteHandlers.Hosting;
#if ROUTE_HANDLERS_CUSTOM_HANDLER
using Microsoft.AspNetCore.Builder;
#else
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NextRouteHandlers.Diagnostics;
using NextRouteHandlers.Functions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
#endif

// Every route of app/ is served by one catch-all function. Started by the Functions host (func start, or in Azure)
// the host forwards each request to it; started directly (dotnet run) it serves http://127.0.0.1:3000 by itself.
#if ROUTE_HANDLERS_CUSTOM_HANDLER
// The opt-in Native AOT build (dotnet publish -p:RouteHandlersHosting=CustomHandler): a custom handler on Kestrel.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.UseAzureFunctionsCustomHandler();
builder.Services.AddRouteHandlers(AppRoutes.Manifest);
var app = builder.Build();
app.MapRouteHandlers();
#else
// The default: a .NET isolated worker with the ASP.NET Core integration.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseRouteHandlers(AppRoutes.Manifest);

// Traces, metrics and logs (with their trace ids) through OpenTelemetry, exported only where configured: to
// Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set (authenticated with the managed identity
// when APPLICATIONINSIGHTS_AUTHENTICATION_STRING asks for Entra ID, as infra/ sets it up), to an OTLP collector when
// OTEL_EXPORTER_OTLP_ENDPOINT is set. Otherwise nothing leaves the process. See docs/observability.md.
var appInsights = builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
var otlp = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
if (!string.IsNullOrEmpty(appInsights) || !string.IsNullOrEmpty(otlp))
{
    var telemetry = builder.Services.AddOpenTelemetry()
        .UseFunctionsWorkerDefaults()
        .WithTracing(tracing => tracing.AddSource(RouteHandlerTelemetry.ActivitySourceName))
        .WithMetrics(metrics => metrics.AddMeter([.. RouteHandlerTelemetry.MeterNames]));
    if (!string.IsNullOrEmpty(appInsights))
    {
        var entraId = builder.Configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]?.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase) == true;
        telemetry.UseAzureMonitorExporter(exporter =>
        {
            exporter.ConnectionString = appInsights;
            if (entraId) exporter.Credential = new DefaultAzureCredential();
        });
    }

    if (!string.IsNullOrEmpty(otlp)) telemetry.UseOtlpExporter();
}

var app = builder.Build();
#endif

// Serves requests, or runs the "prerender" command.
return await app.RunRouteHandlersAsync(args);
