using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Invocation;

namespace NextRouteHandlers.Pipeline;

/// <summary>
/// The end of a request that scheduled <c>Next.After</c> work: the response is completed first (a streamed body gets
/// its last chunk, the client has all of it), then the work runs while the request, and under the Functions host the
/// invocation, stays open; a host that keeps an invocation alive until its function returns needs nothing more.
/// </summary>
internal static class AfterResponse
{
    /// <summary>Completes the response, then runs <paramref name="queue"/>; the task ends when the work is done.</summary>
    /// <param name="context">The request.</param>
    /// <param name="queue">What the proxy and the handler scheduled.</param>
    /// <param name="work">Runs it.</param>
    public static async Task RunAsync(HttpContext context, AfterQueue queue, AfterWork work)
    {
        try
        {
            await context.Response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or InvalidOperationException or ObjectDisposedException)
        {
            // The client is gone, or the response was cut short already: the work runs all the same, as in Next.js.
        }

        await work.RunAsync(queue).ConfigureAwait(false);
    }
}
