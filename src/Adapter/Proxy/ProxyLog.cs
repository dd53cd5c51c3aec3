using Microsoft.Extensions.Logging;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Proxy;

/// <summary>Every log event of the proxy component, in one place (ids in <see cref="EventIds"/>).</summary>
internal static partial class ProxyLog
{
    [LoggerMessage(EventId = EventIds.ProxyFailed, EventName = nameof(ProxyFailed), Level = LogLevel.Error, Message = "The proxy '{ProxyFile}' threw an exception; the client gets a 500 with an empty body.")]
    public static partial void ProxyFailed(ILogger logger, Exception exception, string proxyFile);

    [LoggerMessage(EventId = EventIds.ExternalRewrite, EventName = nameof(ExternalRewrite), Level = LogLevel.Error, Message = "The proxy '{ProxyFile}' rewrote to '{Destination}', another origin; only paths of this app can be served (the client gets a 500).")]
    public static partial void ExternalRewrite(ILogger logger, string proxyFile, string destination);
}
