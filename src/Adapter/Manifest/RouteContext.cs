using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Manifest;

/// <summary>The second argument of a route handler (<c>ctx</c> in Next.js): the matched route and its parameters.</summary>
/// <param name="Params">The decoded dynamic segments of the URL.</param>
/// <param name="Route">The route that matched.</param>
public sealed record RouteContext(RouteParams Params, RouteDefinition Route);
