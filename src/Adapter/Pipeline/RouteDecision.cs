using NextRouteHandlers.Http;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Pipeline;

/// <summary>What <see cref="NextRouter"/> decided a request is: an answer of the router's own, or a route to run.</summary>
internal enum RouteDecisionKind
{
    /// <summary>A redirect (the slash rules or next.config <c>redirects</c>): <see cref="RouteDecision.Status"/> and <see cref="RouteDecision.Location"/>.</summary>
    Redirect,

    /// <summary>No route: the 404 page.</summary>
    NotFound,

    /// <summary>A method no route handler can have, or a path that is not valid percent-encoding: 400, no body.</summary>
    BadRequest,

    /// <summary><c>proxy.cs</c> answered: <see cref="RouteDecision.Response"/>.</summary>
    ProxyResponse,

    /// <summary><c>proxy.cs</c> failed: 500, no body (already logged).</summary>
    ProxyFailed,

    /// <summary>The client went away while <c>proxy.cs</c> ran: nothing to answer.</summary>
    Aborted,

    /// <summary>A route matched: <see cref="RouteDecision.Route"/> with its <see cref="RouteDecision.Params"/>.</summary>
    Route,
}

/// <summary>The router's decision for one request, as a value the pipeline acts on.</summary>
/// <param name="Kind">What was decided.</param>
/// <param name="Status">The status of a redirect.</param>
/// <param name="Location">The location of a redirect.</param>
/// <param name="Response">The proxy's response.</param>
/// <param name="Route">The matched route.</param>
/// <param name="Params">Its decoded parameters.</param>
/// <param name="Url">The URL the client asked for (base path removed from the path, the public origin), which handlers see.</param>
/// <param name="RoutePath">The path the route was matched with: the client's path, or the destination of a rewrite; the cache key.</param>
internal readonly record struct RouteDecision(
    RouteDecisionKind Kind,
    int Status = 0,
    string? Location = null,
    Response? Response = null,
    RouteDefinition? Route = null,
    RouteParams? Params = null,
    RequestUrl Url = default,
    string? RoutePath = null)
{
    public static RouteDecision NotFound => new(RouteDecisionKind.NotFound);

    public static RouteDecision BadRequest => new(RouteDecisionKind.BadRequest);

    public static RouteDecision RedirectTo(int status, string location) => new(RouteDecisionKind.Redirect, status, location);
}
