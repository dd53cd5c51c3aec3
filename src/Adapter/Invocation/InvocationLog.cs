using Microsoft.Extensions.Logging;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Invocation;

/// <summary>Every log event of running what handlers scheduled (ids in <see cref="EventIds"/>).</summary>
internal static partial class InvocationLog
{
    [LoggerMessage(EventId = EventIds.AfterTaskFailed, EventName = nameof(AfterTaskFailed), Level = LogLevel.Error, Message = "Work that '{SourceFile}' scheduled with Next.After threw; its response had been sent already.")]
    public static partial void AfterTaskFailed(ILogger logger, Exception exception, string sourceFile);

    [LoggerMessage(EventId = EventIds.AfterWorkAbandoned, EventName = nameof(AfterWorkAbandoned), Level = LogLevel.Warning, Message = "The app stopped with {Count} run(s) of Next.After work still going after its shutdown grace period, scheduled by {SourceFiles}; their cancellation tokens are cancelled and what they had left to do is lost.")]
    public static partial void AfterWorkAbandoned(ILogger logger, int count, string sourceFiles);
}
