using NextRouteHandlers.Http;

namespace NextRouteHandlers.Proxy;

/// <summary>
/// The <c>Proxy</c> method of <c>app/proxy.cs</c>, as the source generator binds it. Null or
/// <see cref="NextResponse.Next(ResponseInit?)"/> continues to the route; <see cref="NextResponse.Rewrite(string, ResponseInit?)"/>
/// serves another path; any other response is sent as it is.
/// </summary>
/// <param name="invocation">The request and its services.</param>
public delegate ValueTask<Response?> ProxyHandler(ProxyInvocation invocation);
