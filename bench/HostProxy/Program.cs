using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

// usage: HostProxy (env PORT=<port to listen on> TARGET=http://127.0.0.1:<app port>)
// Forwards every request to TARGET as the Functions host does in proxy mode: YARP's forwarder with its default
// transformer (Host becomes the destination's, X-Forwarded-For/Host/Proto are set) over a plain SocketsHttpHandler.
var port = Environment.GetEnvironmentVariable("PORT") ?? "5300";
var target = Environment.GetEnvironmentVariable("TARGET");
if (string.IsNullOrEmpty(target) || !Uri.TryCreate(target, UriKind.Absolute, out var destination))
{
    Console.Error.WriteLine("Set TARGET to the app's address, e.g. TARGET=http://127.0.0.1:5200");
    return 2;
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.WebHost.UseUrls("http://127.0.0.1:" + port);
builder.Services.AddHttpForwarder();

var app = builder.Build();
var client = new HttpMessageInvoker(new SocketsHttpHandler
{
    UseProxy = false,
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.None,
    UseCookies = false,
    EnableMultipleHttp2Connections = true,
    ConnectTimeout = TimeSpan.FromSeconds(15),
});
var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
var prefix = destination.GetLeftPart(UriPartial.Authority);

// TLS ends in front of the host in Azure, which passes the scheme on in X-Forwarded-Proto: honour it as the host does.
var frontEnd = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto };
frontEnd.KnownIPNetworks.Clear();
frontEnd.KnownProxies.Clear();
app.UseForwardedHeaders(frontEnd);
// A failed forward is already answered (502/504) by the forwarder; the error value is only for logging, which is off.
app.Run(async context => await forwarder.SendAsync(context, prefix, client, ForwarderRequestConfig.Empty, HttpTransformer.Default));
await app.RunAsync();
return 0;
