using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Http;
using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Manifest;

/// <summary>Everything a generated handler binding may pass to the user's method.</summary>
/// <param name="Request">The request, as <c>NextRequest</c>.</param>
/// <param name="Context">The matched route and its parameters.</param>
/// <param name="HttpContext">The ASP.NET Core request, whose services resolve handler parameters of other types.</param>
public sealed record RouteInvocation(NextRequest Request, RouteContext Context, HttpContext HttpContext)
{
    /// <summary>The request's services, for handler parameters that are neither the request, the context nor a cancellation token.</summary>
    public IServiceProvider Services => HttpContext.RequestServices;

    /// <summary>Cancelled when the client disconnects (the same token as <see cref="NextRequest.Signal"/>).</summary>
    public CancellationToken Aborted => Request.Signal;
}
