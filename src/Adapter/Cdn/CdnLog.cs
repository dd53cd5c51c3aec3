using Microsoft.Extensions.Logging;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Cdn;

/// <summary>Every log event of the CDN component, in one place (ids in <see cref="EventIds"/>).</summary>
internal static partial class CdnLog
{
    [LoggerMessage(EventId = EventIds.PurgeAccepted, EventName = nameof(PurgeAccepted), Level = LogLevel.Information, Message = "Front Door accepted a purge of {Count} path(s) ({Status}): {Paths}")]
    public static partial void PurgeAccepted(ILogger logger, int count, int? status, string paths);

    [LoggerMessage(EventId = EventIds.PurgeRejected, EventName = nameof(PurgeRejected), Level = LogLevel.Error, Message = "Front Door refused a purge of {Count} path(s) with {Status}; they stay at the edge until their s-maxage ends. Check the app's role on the endpoint and Cache:Cdn:FrontDoor:EndpointResourceId. Front Door said: {Detail}")]
    public static partial void PurgeRejected(ILogger logger, int count, int? status, string? detail);

    [LoggerMessage(EventId = EventIds.PurgeDeferred, EventName = nameof(PurgeDeferred), Level = LogLevel.Warning, Message = "Front Door was unavailable for a purge of {Count} path(s) ({Status}: {Detail}); it stays queued for the next round.")]
    public static partial void PurgeDeferred(ILogger logger, int count, int? status, string? detail);

    [LoggerMessage(EventId = EventIds.PurgeDropped, EventName = nameof(PurgeDropped), Level = LogLevel.Error, Message = "Dropped a queued purge (tags {Tags}, paths {Paths}) after {Rounds} failed rounds.")]
    public static partial void PurgeDropped(ILogger logger, string tags, string paths, int rounds);

    [LoggerMessage(EventId = EventIds.PurgeCompleted, EventName = nameof(PurgeCompleted), Level = LogLevel.Information, Message = "A purge of {Count} path(s) ended at Front Door: {Status}.")]
    public static partial void PurgeCompleted(ILogger logger, int count, string status);

    [LoggerMessage(EventId = EventIds.PurgeQueueFailed, EventName = nameof(PurgeQueueFailed), Level = LogLevel.Warning, Message = "Could not {Operation} for the CDN purge.")]
    public static partial void PurgeQueueFailed(ILogger logger, Exception exception, string operation);

    [LoggerMessage(EventId = EventIds.PurgesLostAtShutdown, EventName = nameof(PurgesLostAtShutdown), Level = LogLevel.Error, Message = "The app stopped before it queued {Count} purge(s) (tags {Tags}); those paths stay at the edge until their s-maxage ends.")]
    public static partial void PurgesLostAtShutdown(ILogger logger, int count, string tags);
}
