using ConformanceApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Hosting;

// Started as: dotnet run --project tests/ConformanceApp -c Release -- --urls http://127.0.0.1:<port>
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.UseAzureFunctionsCustomHandler();
builder.Services.AddRouteHandlers(AppRoutes.Manifest);

var app = builder.Build();
app.MapRouteHandlers();
return await app.RunRouteHandlersAsync(args);
