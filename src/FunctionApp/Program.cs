using FunctionApp;
using Microsoft.AspNetCore.Builder;
using NextRouteHandlers.Hosting;

// One process serves every route of app/: under the Azure Functions host (func start, or in Azure) it listens
// where the host proxies to; started directly (dotnet run) it listens on http://127.0.0.1:3000.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.UseAzureFunctionsCustomHandler();
builder.Services.AddRouteHandlers(AppRoutes.Manifest);

var app = builder.Build();
app.MapRouteHandlers();
return await app.RunRouteHandlersAsync(args);
