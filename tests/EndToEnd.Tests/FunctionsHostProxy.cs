using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace NextRouteHandlers.EndToEnd.Tests;

/// <summary>
/// Stands in for the Azure Functions host in proxy mode (<c>enableProxyingHttpRequest</c>): every request is
/// forwarded with YARP's <see cref="IHttpForwarder"/>, its default transformer and a plain
/// <see cref="SocketsHttpHandler"/>, the same component and settings the host uses, to the app on 127.0.0.1.
/// The default transformer sends <c>Host</c> as the destination's and sets <c>X-Forwarded-Host/Proto/For</c> from
/// the request the host received (replacing what a client sent). TLS ends at Azure's front end, which tells the host
/// the original scheme in <c>X-Forwarded-Proto</c>; the forwarded-headers middleware plays that part here.
/// </summary>
public sealed class FunctionsHostProxy : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FunctionsHostProxy(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The proxy's own address, where tests send requests.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts a proxy in front of <paramref name="destination"/>.</summary>
    public static async Task<FunctionsHostProxy> StartAsync(Uri destination)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        var invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        });
        var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
        var prefix = destination.ToString().TrimEnd('/');
        var frontEnd = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto };
        frontEnd.KnownIPNetworks.Clear();
        frontEnd.KnownProxies.Clear();
        app.UseForwardedHeaders(frontEnd);
        app.Run(async context => await forwarder.SendAsync(context, prefix, invoker, ForwarderRequestConfig.Empty, HttpTransformer.Default));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new FunctionsHostProxy(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
