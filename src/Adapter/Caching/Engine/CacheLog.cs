using Microsoft.Extensions.Logging;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Caching.Engine;

/// <summary>Every log event of the cache component, in one place (ids in <see cref="EventIds"/>).</summary>
internal static partial class CacheLog
{
    [LoggerMessage(EventId = EventIds.RenderFailed, EventName = nameof(RenderFailed), Level = LogLevel.Error, Message = "Rendering the cached route '{Key}' failed; a stale entry, if any, keeps being served.")]
    public static partial void RenderFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = EventIds.ResponseNotStored, EventName = nameof(ResponseNotStored), Level = LogLevel.Debug, Message = "The response of '{Key}' is marked private or no-store and was not stored.")]
    public static partial void ResponseNotStored(ILogger logger, string key);

    [LoggerMessage(EventId = EventIds.RenderDeclined, EventName = nameof(RenderDeclined), Level = LogLevel.Debug, Message = "The render of '{Key}' stored nothing: {Reason}")]
    public static partial void RenderDeclined(ILogger logger, string key, string reason);

    [LoggerMessage(EventId = EventIds.RouteRendered, EventName = nameof(RouteRendered), Level = LogLevel.Information, Message = "Rendered the cached route '{Key}'.")]
    public static partial void RouteRendered(ILogger logger, string key);

    [LoggerMessage(EventId = EventIds.RenderStopped, EventName = nameof(RenderStopped), Level = LogLevel.Information, Message = "The render of '{Key}' stopped: the app is stopping.")]
    public static partial void RenderStopped(ILogger logger, string key);

    [LoggerMessage(EventId = EventIds.CacheAnswered, EventName = nameof(CacheAnswered), Level = LogLevel.Debug, Message = "Cache {Status}.")]
    public static partial void CacheAnswered(ILogger logger, CacheStatus status);

    [LoggerMessage(EventId = EventIds.StoreReadFailed, EventName = nameof(StoreReadFailed), Level = LogLevel.Warning, Message = "Reading '{Key}' from the cache store failed; serving without it.")]
    public static partial void StoreReadFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = EventIds.StoreWriteFailed, EventName = nameof(StoreWriteFailed), Level = LogLevel.Warning, Message = "Writing '{Key}' to the cache store failed; the entry is kept in memory only.")]
    public static partial void StoreWriteFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = EventIds.TagReadFailed, EventName = nameof(TagReadFailed), Level = LogLevel.Warning, Message = "Reading tag state failed; the last state read is used.")]
    public static partial void TagReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = EventIds.TagWriteFailed, EventName = nameof(TagWriteFailed), Level = LogLevel.Error, Message = "Writing {Count} tag invalidation(s) to the shared store failed; only this instance honours them.")]
    public static partial void TagWriteFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = EventIds.LockFailed, EventName = nameof(LockFailed), Level = LogLevel.Warning, Message = "Taking the regeneration lock of '{Key}' failed; rendering without it.")]
    public static partial void LockFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = EventIds.WaitingForOtherInstance, EventName = nameof(WaitingForOtherInstance), Level = LogLevel.Information, Message = "Another instance is rendering '{Key}'; waiting for its entry.")]
    public static partial void WaitingForOtherInstance(ILogger logger, string key);
}
