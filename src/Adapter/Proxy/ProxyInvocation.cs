using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Proxy;

/// <summary>Everything a generated proxy binding may pass to the user's <c>Proxy</c> method.</summary>
/// <param name="Request">The request, as <c>NextRequest</c>.</param>
/// <param name="HttpContext">The ASP.NET Core request, whose services resolve parameters of other types.</param>
public sealed record ProxyInvocation(NextRequest Request, HttpContext HttpContext)
{
    /// <summary>The request's services, for parameters that are neither the request nor a cancellation token.</summary>
    public IServiceProvider Services => HttpContext.RequestServices;

    /// <summary>Cancelled when the client disconnects (the same token as <see cref="NextRequest.Signal"/>).</summary>
    public CancellationToken Aborted => Request.Signal;
}
