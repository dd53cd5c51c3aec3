namespace NextRouteHandlers.Testing.FunctionsHost;

/// <summary>One invocation as the host saw it end.</summary>
/// <param name="InvocationId">The id the host gave it (also sent as <c>x-ms-invocation-id</c>).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query.</param>
/// <param name="Succeeded">Whether the worker reported the invocation as successful.</param>
/// <param name="Failure">The worker's exception message, when it failed.</param>
/// <param name="ForwardingError">YARP's forwarding outcome (<c>None</c> when the request and response went through).</param>
/// <param name="ResponseBeforeInvocationEnded">
/// True when the worker's HTTP response had been relayed in full while its <c>InvocationResponse</c> had not arrived
/// yet, as for a function that keeps working after its response (<c>Next.After</c>); always false for a custom handler,
/// whose invocation is the forwarded request.
/// </param>
/// <param name="TraceParent">The W3C <c>traceparent</c> the host sent in <c>InvocationRequest.trace_context</c> (null for a custom handler).</param>
public sealed record InvocationRecord(string InvocationId, string Method, string Path, bool Succeeded, string? Failure, string ForwardingError, bool ResponseBeforeInvocationEnded = false, string? TraceParent = null);
