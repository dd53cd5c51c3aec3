using Microsoft.Extensions.Logging;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Rendering;

/// <summary>Every log event of the rendering component, in one place (ids in <see cref="EventIds"/>).</summary>
internal static partial class RenderingLog
{
    [LoggerMessage(EventId = EventIds.CachedSetCookie, EventName = nameof(CachedSetCookie), Level = LogLevel.Warning, Message = "The cached response of '{RouteFile}' sets a cookie: every client served from the cache gets the same Set-Cookie.")]
    public static partial void CachedSetCookie(ILogger logger, string routeFile);

    [LoggerMessage(EventId = EventIds.Prerendered, EventName = nameof(Prerendered), Level = LogLevel.Information, Message = "Prerendered {Routes} cached route(s), {Paths} path(s), for build {BuildId}.")]
    public static partial void Prerendered(ILogger logger, int routes, int paths, string buildId);

    [LoggerMessage(EventId = EventIds.PrerenderBecameDynamic, EventName = nameof(PrerenderBecameDynamic), Level = LogLevel.Information, Message = "'{RouteFile}' is served dynamically: {Reason}")]
    public static partial void PrerenderBecameDynamic(ILogger logger, string routeFile, string reason);

    [LoggerMessage(EventId = EventIds.PrerenderRestored, EventName = nameof(PrerenderRestored), Level = LogLevel.Information, Message = "Build {BuildId} was prerendered at {PrerenderedAt:o}: the route state is restored from that record, and entries are read as they are requested.")]
    public static partial void PrerenderRestored(ILogger logger, string buildId, DateTimeOffset prerenderedAt);

    [LoggerMessage(EventId = EventIds.PrerenderRecordInvalid, EventName = nameof(PrerenderRecordInvalid), Level = LogLevel.Warning, Message = "The stored prerender record of build {BuildId} cannot be read; prerendering again.")]
    public static partial void PrerenderRecordInvalid(ILogger logger, Exception exception, string buildId);
}
