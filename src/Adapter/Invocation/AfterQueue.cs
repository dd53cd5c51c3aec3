using Microsoft.AspNetCore.Http;

namespace NextRouteHandlers.Invocation;

/// <summary>One piece of work scheduled with <c>Next.After</c>, with the request scope it was scheduled in.</summary>
/// <param name="Work">The work; its token is cancelled when the app stops and its grace period is over.</param>
/// <param name="Scope">The scope <c>Next.*</c> calls inside the work see.</param>
internal sealed record AfterTask(Func<CancellationToken, Task> Work, RequestScope Scope);

/// <summary>
/// The work one request (or one render for the cache) scheduled with <c>Next.After</c>. It hangs on the
/// <see cref="HttpContext"/>, so <c>proxy.cs</c> and the handler add to the same queue, and nothing is allocated for a
/// request that schedules nothing. <see cref="AfterWork"/> takes it once the response is complete; work scheduled
/// after that (by a task the work left running) is run on its own. An HTTP/1.x response of a request with such work says
/// <c>Connection: close</c>: the request lasts until the work is done, and a client (the Functions host's forwarder
/// among them) that sent its next request on the same connection would wait for it.
/// </summary>
internal sealed class AfterQueue
{
    /// <summary>What logs name when a scope has no source file.</summary>
    public const string UnknownSource = "(unknown)";

    private static readonly Lock Creating = new();
    private readonly Lock _gate = new();
    private readonly AfterWork _runner;
    private readonly SortedSet<string> _sources = new(StringComparer.Ordinal);
    private List<AfterTask> _waiting = [];
    private bool _closed;

    private AfterQueue(AfterWork runner) => _runner = runner;

    /// <summary>The queue of <paramref name="context"/>, or null when nothing was scheduled.</summary>
    /// <param name="context">The request, or a render's own context.</param>
    // Looked up on every request: the indexer, because the generic Get<T> is a generic virtual call, which Native AOT
    // resolves through a lookup table each time.
    public static AfterQueue? Of(HttpContext context) => context.Features[typeof(AfterQueue)] as AfterQueue;

    /// <summary>Schedules <paramref name="task"/> on the queue of <paramref name="context"/>, making the queue on first use.</summary>
    /// <param name="context">The request, or a render's own context.</param>
    /// <param name="runner">What runs the queue.</param>
    /// <param name="task">The work.</param>
    public static void Schedule(HttpContext context, AfterWork runner, AfterTask task)
    {
        var queue = Of(context);
        if (queue is null)
        {
            // A handler's parallel branches may both schedule work: one queue per request, whoever comes first.
            lock (Creating)
            {
                queue = Of(context);
                if (queue is null)
                {
                    context.Features.Set(queue = new AfterQueue(runner));
                    if (!context.Response.HasStarted) context.Response.OnStarting(CloseConnection, context);
                }
            }
        }

        queue.Add(task);
    }

    private static Task CloseConnection(object state)
    {
        var context = (HttpContext)state;
        if (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol)) context.Response.Headers.Connection = "close";
        return Task.CompletedTask;
    }

    /// <summary>The files (route, proxy) that scheduled work on the queue, for the log of work that could not finish.</summary>
    public string Sources
    {
        get
        {
            lock (_gate) return string.Join(", ", _sources);
        }
    }

    /// <summary>
    /// The work scheduled since the last call, in the order it was scheduled; null, closing the queue, when there is none.
    /// </summary>
    public List<AfterTask>? TakeWaiting()
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _closed = true;
                return null;
            }

            var batch = _waiting;
            _waiting = [];
            return batch;
        }
    }

    private void Add(AfterTask task)
    {
        lock (_gate)
        {
            if (!_closed)
            {
                _sources.Add(task.Scope.SourceFile ?? UnknownSource);
                _waiting.Add(task);
                return;
            }
        }

        _runner.RunLate(task);
    }
}
