using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Pipeline;

/// <summary>
/// Which handler of a route answers a method, as Next.js's route module decides: the handler of that name; for
/// <c>HEAD</c> without one, <c>GET</c> with the body left out; for <c>OPTIONS</c> without one, 204 with <c>Allow</c>;
/// otherwise 405 with <c>Allow</c>. A metadata file's route is prerendered, and Next.js's server answers any other
/// method than GET and HEAD on a prerendered route itself, OPTIONS included (<see cref="Prerendered"/>).
/// </summary>
/// <param name="Handler">The handler to run, or null when the answer is <see cref="EmptyStatus"/>.</param>
/// <param name="OmitBody">True for <c>HEAD</c>: the response is sent without its body.</param>
/// <param name="EmptyStatus">The status of the empty answer (204 or 405) when there is no handler.</param>
/// <param name="Prerendered">True when the 405 is the prerendered route's (<see cref="RouterResponses.WritePrerenderedMethodNotAllowedAsync"/>).</param>
internal readonly record struct MethodResolution(RouteHandler? Handler, bool OmitBody, int EmptyStatus, bool Prerendered = false)
{
    /// <summary>Resolves <paramref name="method"/> on <paramref name="route"/>.</summary>
    /// <param name="route">The matched route.</param>
    /// <param name="method">The request method (one of the seven: the router refused any other).</param>
    public static MethodResolution For(RouteDefinition route, string method)
    {
        var omitBody = HttpMethods.IsHead(method);
        if (route.Kind == RouteKind.Metadata && !omitBody && !HttpMethods.IsGet(method)) return new(null, false, StatusCodes.Status405MethodNotAllowed, Prerendered: true);
        if (route.Handlers.Find(method) is { } handler) return new(handler, omitBody, 0);
        if (omitBody && route.Handlers.Get is { } get) return new(get, true, 0);
        return new(null, omitBody, HttpMethods.IsOptions(method) ? StatusCodes.Status204NoContent : StatusCodes.Status405MethodNotAllowed);
    }
}
