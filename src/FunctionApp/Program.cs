using FunctionApp;
using NextRouteHandlers.Hosting;
#if ROUTE_HANDLERS_CUSTOM_HANDLER
using Microsoft.AspNetCore.Builder;
#else
using Microsoft.Azure.Functions.Worker.Builder;
using NextRouteHandlers.Functions;
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
var app = builder.Build();
#endif

// Serves requests, or runs the "prerender" command.
return await app.RunRouteHandlersAsync(args);
