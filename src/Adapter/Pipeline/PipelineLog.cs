using Microsoft.Extensions.Logging;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Pipeline;

/// <summary>Every log event of the pipeline component, in one place (ids in <see cref="EventIds"/>).</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = EventIds.HandlerFailed, EventName = nameof(HandlerFailed), Level = LogLevel.Error, Message = "{Problem} The client gets a 500 with an empty body.")]
    public static partial void HandlerFailed(ILogger logger, Exception? exception, string problem);

    [LoggerMessage(EventId = EventIds.RequestRefused, EventName = nameof(RequestRefused), Level = LogLevel.Information, Message = "A request to '{RouteFile}' was refused: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string routeFile, string reason);

    [LoggerMessage(EventId = EventIds.ResponseWriteFailed, EventName = nameof(ResponseWriteFailed), Level = LogLevel.Error, Message = "Writing the response of '{RouteFile}' failed before its headers were sent; the client gets a 500 with an empty body.")]
    public static partial void ResponseWriteFailed(ILogger logger, Exception exception, string routeFile);

    [LoggerMessage(EventId = EventIds.ResponseStreamFailed, EventName = nameof(ResponseStreamFailed), Level = LogLevel.Error, Message = "The response body of '{RouteFile}' failed after its headers were sent; the response was cut short.")]
    public static partial void ResponseStreamFailed(ILogger logger, Exception exception, string routeFile);

    [LoggerMessage(EventId = EventIds.CachedRouteBecameDynamic, EventName = nameof(CachedRouteBecameDynamic), Level = LogLevel.Warning, Message = "'{RouteFile}' asks to be cached but reads `{Usage}` while rendering; it is served dynamically from now on.")]
    public static partial void CachedRouteBecameDynamic(ILogger logger, string routeFile, string usage);
}
