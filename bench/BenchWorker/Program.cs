using BenchApp;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using NextRouteHandlers.Functions;
using NextRouteHandlers.Hosting;

// bench/BenchApp's routes in an isolated worker, started like src/FunctionApp.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseRouteHandlers(AppRoutes.Manifest);
builder.Services.AddSingleton<CacheStatsListener>();

var app = builder.Build();
app.Services.GetRequiredService<CacheStatsListener>().Start();
return await app.RunRouteHandlersAsync(args);
