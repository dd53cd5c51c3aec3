using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Hosting;

namespace NextRouteHandlers.Functions.LocalServer;

/// <summary>
/// Replaces the worker's request pipeline, which pairs each request with the host's invocation of it, with the route
/// handlers themselves, and moves Kestrel from the worker's internal port to the local addresses.
/// </summary>
internal sealed class LocalServerStartupFilter(RouteHandlerPipeline pipeline, LocalServerAddresses addresses) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (app.ServerFeatures.Get<IServerAddressesFeature>()?.Addresses is { IsReadOnly: false } listening)
        {
            listening.Clear();
            foreach (var url in addresses.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) listening.Add(url);
        }

        RequestDelegate handle = pipeline.HandleAsync;
        app.Run(handle);
    };
}
