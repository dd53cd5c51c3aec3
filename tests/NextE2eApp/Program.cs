using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Logging;
using NextE2eApp;
using NextRouteHandlers.Functions;
using NextRouteHandlers.Hosting;

// Started by the tests as: dotnet NextE2eApp.dll --urls http://127.0.0.1:<port>, or through the stand-in host.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.UseRouteHandlers(AppRoutes.Manifest);
return await builder.Build().RunRouteHandlersAsync(args);
