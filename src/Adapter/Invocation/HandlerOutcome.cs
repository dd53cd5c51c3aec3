using NextRouteHandlers.Http;

namespace NextRouteHandlers.Invocation;

/// <summary>What running a route handler came to.</summary>
internal enum HandlerOutcomeKind
{
    /// <summary>There is a response to send: the handler's, or the one a navigation signal or a refused request stands for.</summary>
    Responded,

    /// <summary>The handler threw, returned nothing, or returned what only a proxy may return: see <see cref="HandlerOutcome.Problem"/>.</summary>
    Failed,

    /// <summary>The client went away and the handler stopped for it: there is no one to answer.</summary>
    Aborted,
}

/// <summary>
/// The result of <see cref="HandlerInvoker.InvokeAsync"/>: the response or what went wrong, and the request scope the
/// handler ran in (its cookies are already on the response; its cache tags and invalidations are for the caller).
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Response">The response, when <see cref="HandlerOutcomeKind.Responded"/>.</param>
/// <param name="Scope">The request scope the handler ran in.</param>
/// <param name="Problem">Why it failed, in words a log line or an exception can carry.</param>
/// <param name="Exception">The exception the handler threw, when it threw one.</param>
/// <param name="Refusal">When the response refuses the request (a body over the limit, a form that does not parse), why.</param>
internal sealed record HandlerOutcome(HandlerOutcomeKind Kind, Response? Response, RequestScope Scope, string? Problem = null, Exception? Exception = null, string? Refusal = null);
