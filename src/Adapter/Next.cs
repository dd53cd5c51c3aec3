using System.Diagnostics.CodeAnalysis;
using NextRouteHandlers.Http;
using NextRouteHandlers.Pipeline;

namespace NextRouteHandlers;

/// <summary>
/// The request-scoped functions of <c>next/headers</c> and <c>next/navigation</c>, callable from a route handler or
/// any code it calls during the request: <c>Next.Cookies()</c>, <c>Next.Headers()</c>, <c>Next.Redirect("/login")</c>,
/// <c>Next.NotFound()</c>.
/// </summary>
public static class Next
{
    /// <summary><c>headers()</c>: the request headers, read-only (empty in a <c>force-static</c> route).</summary>
    /// <exception cref="InvalidOperationException">Called outside a route handler's request.</exception>
    public static Headers Headers() => Scope().Request.Headers;

    /// <summary><c>cookies()</c>: the request's cookies; changes become <c>Set-Cookie</c> headers of the response.</summary>
    /// <exception cref="InvalidOperationException">Called outside a route handler's request.</exception>
    public static CookieStore Cookies() => Scope().Cookies;

    /// <summary>
    /// <c>redirect(url)</c>: ends the handler with a 307 to <paramref name="url"/> (303 for a form POST), keeping
    /// cookie changes. Never returns; the return type lets you write <c>return Next.Redirect(...)</c>.
    /// </summary>
    /// <param name="url">The target; relative URLs are sent as given.</param>
    [DoesNotReturn]
    public static Response Redirect(string url) => throw new RedirectException(url, permanent: false);

    /// <summary><c>permanentRedirect(url)</c>: like <see cref="Redirect"/> with 308.</summary>
    /// <param name="url">The target; relative URLs are sent as given.</param>
    [DoesNotReturn]
    public static Response PermanentRedirect(string url) => throw new RedirectException(url, permanent: true);

    /// <summary><c>notFound()</c>: ends the handler with a 404 and an empty body; cookie changes are dropped.</summary>
    [DoesNotReturn]
    public static Response NotFound() => throw new HttpAccessFallbackException(404);

    /// <summary><c>forbidden()</c>: ends the handler with a 403 and an empty body.</summary>
    [DoesNotReturn]
    public static Response Forbidden() => throw new HttpAccessFallbackException(403);

    /// <summary><c>unauthorized()</c>: ends the handler with a 401 and an empty body.</summary>
    [DoesNotReturn]
    public static Response Unauthorized() => throw new HttpAccessFallbackException(401);

    private static RequestScope Scope() =>
        RequestScope.Current ?? throw new InvalidOperationException("Next.Cookies() and Next.Headers() can only be called while a route handler runs.");
}
