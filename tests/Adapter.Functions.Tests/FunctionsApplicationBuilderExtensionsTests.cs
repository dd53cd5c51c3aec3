using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NextRouteHandlers.Hosting;
using NextRouteHandlers.Pipeline;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Functions.Tests;

public class FunctionsApplicationBuilderExtensionsTests
{
    private static readonly RouteManifest NoRoutes = new([]);

    [Fact]
    public void Without_the_aspnetcore_integration_it_says_which_call_is_missing()
    {
        var builder = FunctionsApplication.CreateBuilder([]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.UseRouteHandlers(NoRoutes));

        Assert.Contains("ConfigureFunctionsWebApplication()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Started_by_the_host_the_app_knows_it_is_an_isolated_worker_behind_the_host()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.ConfigureFunctionsWebApplication();
        builder.Configuration[FunctionsApplicationBuilderExtensions.HostEndpointKey] = "http://127.0.0.1:1/";

        builder.UseRouteHandlers(NoRoutes);
        using var host = builder.Build();

        var environment = host.Services.GetRequiredService<FunctionsHostEnvironment>();
        Assert.True(environment.IsIsolatedWorker);
        Assert.True(environment.IsBehindHost);
        Assert.NotNull(host.Services.GetRequiredService<RouteHandlerPipeline>());
        // The worker's own start-up service (its gRPC connection to the host) stays.
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s.GetType().Assembly.GetName().Name == "Microsoft.Azure.Functions.Worker.Core");
    }

    [Fact]
    public void Without_the_host_the_worker_leaves_out_its_host_connection_and_serves_on_its_own()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.ConfigureFunctionsWebApplication();

        builder.UseRouteHandlers(NoRoutes);
        using var host = builder.Build();

        Assert.False(host.Services.GetRequiredService<FunctionsHostEnvironment>().IsBehindHost);
        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s.GetType().Assembly.GetName().Name!.StartsWith("Microsoft.Azure.Functions.Worker", StringComparison.Ordinal));
        Assert.Contains(host.Services.GetServices<Microsoft.AspNetCore.Hosting.IStartupFilter>(), f => f.GetType().Name == "LocalServerStartupFilter");
    }

    [Fact]
    public void Handlers_read_the_forwarded_headers_themselves_and_kestrel_takes_the_hosts_body_limit()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.ConfigureFunctionsWebApplication();

        builder.UseRouteHandlers(NoRoutes);
        using var host = builder.Build();

        Assert.Equal(ForwardedHeaders.None, host.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.ForwardedHeaders);
        var kestrel = host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        Assert.Equal(FunctionsHostEnvironment.FromProcess().BodySizeLimit, kestrel.Limits.MaxRequestBodySize);
        Assert.False(kestrel.AddServerHeader);
    }
}
