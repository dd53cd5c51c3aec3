using Microsoft.Extensions.Logging;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers;

/// <summary>Every log event of the <see cref="Next"/> functions (ids in <see cref="EventIds"/>).</summary>
internal static partial class NextLog
{
    [LoggerMessage(EventId = EventIds.RevalidateTagWithoutProfile, EventName = nameof(RevalidateTagWithoutProfile), Level = LogLevel.Warning, Message = "RevalidateTag(\"{Tag}\") without a profile is deprecated; pass \"max\" or CacheLife.Now.")]
    public static partial void RevalidateTagWithoutProfile(ILogger logger, string tag);

    [LoggerMessage(EventId = EventIds.DraftModeIdNotShared, EventName = nameof(DraftModeIdNotShared), Level = LogLevel.Warning, Message = "Draft mode was enabled with an id only this instance knows, until it restarts: set Cache:DraftModeSecret (or Cache:RevalidateSecret) so that every instance recognises the cookie.")]
    public static partial void DraftModeIdNotShared(ILogger logger);
}
