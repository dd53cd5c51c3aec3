using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using NextRouteHandlers.Functions.LocalServer;
using NextRouteHandlers.Hosting;
using NextRouteHandlers.Proxy;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Pipeline;

namespace NextRouteHandlers.Functions;

/// <summary>Serves an app's route handlers from an Azure Functions isolated worker.</summary>
public static class FunctionsApplicationBuilderExtensions
{
    /// <summary>The configuration key the worker reads the host's gRPC address from (the host passes <c>--functions-uri</c>).</summary>
    public const string HostEndpointKey = "Functions:Worker:HostEndpoint";

    /// <summary>
    /// Registers the route-handler pipeline for the app's routes (see <c>AddRouteHandlers</c>) behind the one catch-all
    /// function, <see cref="RouteHandlersFunction"/>, and gives the worker's Kestrel the host's request body limit.
    /// Call it after <c>ConfigureFunctionsWebApplication()</c>. Started by the Functions host (<c>func start</c>, or in
    /// Azure), the host forwards every request to the worker and the function runs the pipeline. Started without the host
    /// (<c>dotnet run</c>), the worker serves the same pipeline on its own, on <c>http://127.0.0.1:3000</c> or the
    /// addresses in <c>--urls</c> / <c>ASPNETCORE_URLS</c>, with console logging.
    /// </summary>
    /// <param name="builder">The worker's builder.</param>
    /// <param name="manifest">The app's routes: <c>AppRoutes.Manifest</c>, generated from <c>app/</c>.</param>
    /// <param name="configure">Sets pipeline options in code, after configuration.</param>
    /// <param name="configureNext">Sets next.config options in code, after configuration.</param>
    /// <exception cref="InvalidOperationException">The ASP.NET Core integration is not configured, or a Functions variable holds an invalid value.</exception>
    public static FunctionsApplicationBuilder UseRouteHandlers(this FunctionsApplicationBuilder builder, RouteManifest manifest, Action<RouteHandlerOptions>? configure = null, Action<NextConfig>? configureNext = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(manifest);
        if (!builder.Services.Any(d => d.ServiceType == typeof(Microsoft.AspNetCore.Hosting.Server.IServer)))
        {
            throw new InvalidOperationException("Call builder.ConfigureFunctionsWebApplication() before builder.UseRouteHandlers(...): route handlers need the worker's ASP.NET Core integration.");
        }

        var startedByHost = !string.IsNullOrEmpty(builder.Configuration[HostEndpointKey]);
        var environment = startedByHost ? FunctionsHostEnvironment.ForIsolatedWorker(Environment.GetEnvironmentVariable) : FunctionsHostEnvironment.FromProcess();
        builder.Services.AddSingleton(environment);
        builder.Services.AddRouteHandlers(manifest, configure, configureNext);
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = environment.BodySizeLimit;
        });

        // The worker's integration would apply the host's X-Forwarded-* to the request (and remove them) before the
        // function runs. Route handlers read them themselves (RouteHandlers:TrustForwardedHeaders), as they do behind
        // the host as a custom handler, so handlers see the same request in both modes, X-Forwarded-For included.
        builder.Services.PostConfigure<ForwardedHeadersOptions>(forwarded => forwarded.ForwardedHeaders = ForwardedHeaders.None);

        if (!startedByHost) LocalServerMode.Apply(builder);
        return builder;
    }
}
