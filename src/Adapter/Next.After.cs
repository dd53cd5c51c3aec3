using NextRouteHandlers.Invocation;

namespace NextRouteHandlers;

/// <content><c>after()</c> of <c>next/server</c>: work that runs once the response has been sent.</content>
public static partial class Next
{
    /// <summary>
    /// <c>after(callback)</c> (<c>next/server</c>): runs <paramref name="work"/> once the response has been sent, without
    /// delaying it; the invocation (under the Functions host) or the request (on Kestrel) lasts until it is done, and
    /// the app waits for it when it stops. Inside it <c>Next.Headers()</c>, <c>Next.Cookies().Get(...)</c> and
    /// <c>Next.DraftMode().IsEnabled</c> read the request; setting cookies or switching draft mode throws, since the
    /// response is gone; <c>RevalidatePath</c>/<c>RevalidateTag</c> are applied when the work is done. It runs even
    /// when the handler threw, redirected or answered not found. An exception it throws is logged, never sent. A
    /// cached route's work runs once per render, not per cache hit. Works in <c>proxy.cs</c> too.
    /// </summary>
    /// <param name="work">The work.</param>
    /// <exception cref="InvalidOperationException">Called outside a route handler's or the proxy's request.</exception>
    public static void After(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Schedule(_ => work());
    }

    /// <summary>
    /// <c>after(callback)</c> with a token that is cancelled when the app stops and its shutdown grace period is over;
    /// otherwise as <see cref="After(Func{Task})"/>.
    /// </summary>
    /// <param name="work">The work.</param>
    /// <exception cref="InvalidOperationException">Called outside a route handler's or the proxy's request.</exception>
    public static void After(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Schedule(work);
    }

    /// <summary><c>after(callback)</c> with synchronous work; otherwise as <see cref="After(Func{Task})"/>.</summary>
    /// <param name="work">The work.</param>
    /// <exception cref="InvalidOperationException">Called outside a route handler's or the proxy's request.</exception>
    public static void After(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Schedule(_ =>
        {
            work();
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// <c>after(promise)</c>: work already running, which the invocation waits for after the response and whose
    /// failure is logged; otherwise as <see cref="After(Func{Task})"/>.
    /// </summary>
    /// <param name="running">The running work.</param>
    /// <exception cref="InvalidOperationException">Called outside a route handler's or the proxy's request.</exception>
    public static void After(Task running)
    {
        ArgumentNullException.ThrowIfNull(running);
        Schedule(_ => running);
    }

    private static void Schedule(Func<CancellationToken, Task> work)
    {
        var scope = RequestScope.Current ?? throw new InvalidOperationException("Next.After can only be called while a route handler or proxy.cs runs.");
        var runner = scope.AfterWork ?? throw new InvalidOperationException("Next.After needs the route-handler pipeline, which runs the work after the response.");
        AfterQueue.Schedule(scope.Request.HttpContext, runner, new AfterTask(work, scope));
    }
}
