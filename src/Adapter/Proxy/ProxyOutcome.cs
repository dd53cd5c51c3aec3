using NextRouteHandlers.Http;

namespace NextRouteHandlers.Proxy;

/// <summary>What the pipeline does after the proxy ran.</summary>
internal enum ProxyOutcomeKind
{
    /// <summary>Go on routing (<c>NextResponse.Next()</c>, a rewrite, or null).</summary>
    Continue,

    /// <summary>Send the proxy's response as it is.</summary>
    Respond,

    /// <summary>The proxy failed (it threw, or asked for something unsupported): 500.</summary>
    Failed,

    /// <summary>The client went away while the proxy ran: send nothing.</summary>
    Aborted,
}

/// <summary>The result of running the proxy for one request.</summary>
/// <param name="Kind">What to do next.</param>
/// <param name="Response">The response to send, for <see cref="ProxyOutcomeKind.Respond"/>.</param>
/// <param name="RewritePath">The path to route instead of the request's (without the base path), for a rewrite.</param>
internal readonly record struct ProxyOutcome(ProxyOutcomeKind Kind, Response? Response = null, string? RewritePath = null);
