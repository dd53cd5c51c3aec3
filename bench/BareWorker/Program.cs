using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// A plain isolated worker with the ASP.NET Core integration, as `func init --worker-runtime dotnet-isolated` makes it.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Build().Run();
