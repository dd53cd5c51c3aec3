using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Pipeline;

/// <summary>
/// Sends a handler's, the proxy's or a cached response with <see cref="ResponseWriter"/>, so that a failure while
/// writing never escapes: before the headers are sent it becomes a 500 with an empty body, after them the response is
/// cut short (as Node destroys the socket for Next.js); a client that went away is not an error.
/// </summary>
internal sealed partial class ResponseSender(ILogger logger, bool compress)
{
    /// <summary>Sends <paramref name="response"/>.</summary>
    /// <param name="context">The request.</param>
    /// <param name="response">The response.</param>
    /// <param name="omitBody">True for HEAD.</param>
    /// <param name="sourceFile">The file that produced it, for the log.</param>
    public Task SendAsync(HttpContext context, Response response, bool omitBody, string sourceFile) =>
        GuardAsync(context, (Response: response, OmitBody: omitBody, Compress: compress), static (http, write) => ResponseWriter.WriteAsync(http, write.Response, write.OmitBody, write.Compress), sourceFile);

    /// <summary>Sends a cached entry with its cache status.</summary>
    /// <param name="context">The request.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="status">HIT, STALE, MISS or REVALIDATED.</param>
    /// <param name="omitBody">True for HEAD.</param>
    /// <param name="sourceFile">The route file, for the log.</param>
    public Task SendCachedAsync(HttpContext context, CacheEntry entry, CacheStatus status, bool omitBody, string sourceFile) =>
        GuardAsync(context, (Entry: entry, Status: status, OmitBody: omitBody, Compress: compress), static (http, write) => ResponseWriter.WriteCachedAsync(http, write.Entry, write.Status, write.OmitBody, write.Compress), sourceFile);

    private async Task GuardAsync<TState>(HttpContext context, TState state, Func<HttpContext, TState, Task> write, string sourceFile)
    {
        try
        {
            await write(context, state).ConfigureAwait(false);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-stream; Next.js logs nothing for this either.
        }
        catch (Exception exception) when (context.Response.HasStarted)
        {
            PipelineLog.ResponseStreamFailed(logger, exception, sourceFile);
            context.Abort();
        }
        catch (Exception exception)
        {
            PipelineLog.ResponseWriteFailed(logger, exception, sourceFile);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

}
