using Azure.Core;
using ConformanceApp;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Functions;
using NextRouteHandlers.Hosting;

// Started by the tests as: dotnet ConformanceApp.dll --urls http://127.0.0.1:<port>, or through the stand-in host.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.UseRouteHandlers(AppRoutes.Manifest);
// The Front Door purge tests point Cache:Cdn at a local stand-in of Resource Manager, which takes this token.
if (builder.Configuration["Testing:ArmToken"] is { Length: > 0 } armToken) builder.Services.AddSingleton<TokenCredential>(new FixedTokenCredential(armToken));
// The trace-context tests read the spans this worker finished, as the sample app's OpenTelemetry would export them.
if (builder.Configuration["Testing:SpanLog"] is { Length: > 0 } spanLog) builder.Services.AddSingleton(SpanLog.Start(spanLog));
return await builder.Build().RunRouteHandlersAsync(args);
