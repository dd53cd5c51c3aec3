using NextRouteHandlers.Http;
using NextRouteHandlers.Invocation;

namespace NextRouteHandlers.Manifest;

/// <summary>
/// One method handler of a route file, as the source generator binds it: a direct call of the user's static
/// method with its arguments taken from <paramref name="invocation"/>. A null result is a handler bug (500).
/// </summary>
/// <param name="invocation">The request, the route context, the request's services and its cancellation.</param>
public delegate ValueTask<Response?> RouteHandler(RouteInvocation invocation);
