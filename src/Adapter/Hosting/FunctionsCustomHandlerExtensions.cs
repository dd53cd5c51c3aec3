using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NextRouteHandlers.Hosting;

/// <summary>Runs the app as an Azure Functions custom handler, or on a local port when started directly.</summary>
public static class FunctionsCustomHandlerExtensions
{
    /// <summary>The address the app listens on when started directly without <c>--urls</c>: <c>http://127.0.0.1:3000</c>, like <c>next dev</c>.</summary>
    public const string DefaultLocalUrl = "http://127.0.0.1:3000";

    /// <summary>
    /// Under the Functions host (<c>FUNCTIONS_CUSTOMHANDLER_PORT</c> set) listens on <c>127.0.0.1:&lt;port&gt;</c> only,
    /// as the host expects; otherwise on the configured URLs (<c>--urls</c>, <c>ASPNETCORE_URLS</c>) or
    /// <see cref="DefaultLocalUrl"/>. Also applies the host's request body limit and drops the <c>Server</c> header.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <exception cref="InvalidOperationException">A Functions variable holds an invalid value.</exception>
    public static WebApplicationBuilder UseAzureFunctionsCustomHandler(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var environment = FunctionsHostEnvironment.FromProcess();
        builder.Services.TryAddSingleton(environment);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = environment.BodySizeLimit;
            if (environment.Port is { } port) kestrel.Listen(IPAddress.Loopback, port);
        });

        var configuredUrls = builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? builder.Configuration["HTTP_PORTS"] ?? builder.Configuration["HTTPS_PORTS"];
        if (environment.Port is null && string.IsNullOrEmpty(configuredUrls)) builder.WebHost.UseUrls(DefaultLocalUrl);
        return builder;
    }
}
