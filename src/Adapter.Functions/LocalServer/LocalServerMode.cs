using Microsoft.AspNetCore.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NextRouteHandlers.Functions.LocalServer;

/// <summary>
/// Turns a worker started without the Functions host (<c>dotnet run</c>, a test, a container) into a plain web server
/// of the same pipeline: no host means no gRPC connection to open, no invocations to pair requests with, and nobody to
/// send logs to. So the worker's own start-up service and log forwarding are left out, console logging comes back, and
/// every request goes straight to the route handlers.
/// </summary>
internal static class LocalServerMode
{
    /// <summary>Where the app listens when no address is configured, as <c>next dev</c> does.</summary>
    public const string DefaultUrl = "http://127.0.0.1:3000";

    public static void Apply(FunctionsApplicationBuilder builder)
    {
        var workerAssemblies = WorkerAssemblies();
        var removed = 0;
        for (var i = builder.Services.Count - 1; i >= 0; i--)
        {
            var descriptor = builder.Services[i];
            var fromWorker = descriptor.ImplementationType is { } type && workerAssemblies.Contains(type.Assembly);
            if (fromWorker && (descriptor.ServiceType == typeof(IHostedService) || descriptor.ServiceType == typeof(ILoggerProvider)))
            {
                builder.Services.RemoveAt(i);
                removed++;
            }
        }

        if (removed == 0)
        {
            throw new InvalidOperationException("The Functions worker registered no start-up service to leave out; this version of Microsoft.Azure.Functions.Worker is not one route handlers know how to run without the host.");
        }

        builder.Logging.AddConsole();
        builder.Services.AddSingleton(new LocalServerAddresses(ConfiguredUrls()));
        builder.Services.AddSingleton<IStartupFilter, LocalServerStartupFilter>();
    }

    /// <summary>
    /// The addresses a plain ASP.NET Core app would listen on: <c>--urls</c>, then <c>ASPNETCORE_URLS</c> (the worker's
    /// integration sets its own internal address over both, so they are read from their sources), else <see cref="DefaultUrl"/>.
    /// </summary>
    private static string ConfiguredUrls()
    {
        var commandLine = new ConfigurationBuilder().AddCommandLine(Environment.GetCommandLineArgs().Skip(1).ToArray()).Build();
        var urls = commandLine[WebHostDefaults.ServerUrlsKey] ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        return string.IsNullOrWhiteSpace(urls) ? DefaultUrl : urls;
    }

    private static HashSet<System.Reflection.Assembly> WorkerAssemblies() =>
    [
        typeof(WorkerOptions).Assembly,                  // Microsoft.Azure.Functions.Worker.Core
        typeof(FunctionsApplication).Assembly,           // Microsoft.Azure.Functions.Worker
    ];
}
