using Microsoft.AspNetCore.Http;

namespace NextRouteHandlers.Pipeline;

/// <summary>The answers the router gives itself, as Next.js's router sends them.</summary>
internal static class RouterResponses
{
    private static readonly byte[] MethodNotAllowed = "Method Not Allowed"u8.ToArray();

    /// <summary>A redirect: <c>Location</c>, the location as a text body, and for 308 a <c>Refresh</c> header.</summary>
    /// <param name="context">The request.</param>
    /// <param name="status">307, 308, 301, ...</param>
    /// <param name="location">Where to.</param>
    public static async Task WriteRedirectAsync(HttpContext context, int status, string location)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.Location = location;
        if (status == StatusCodes.Status308PermanentRedirect) response.Headers["Refresh"] = "0;url=" + location;
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(location, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// What Next.js's server answers a method other than GET and HEAD on a prerendered route, before any handler:
    /// 405 with <c>Allow: GET, HEAD</c> and the text <c>Method Not Allowed</c>, without a content type.
    /// </summary>
    /// <param name="context">The request.</param>
    public static async Task WritePrerenderedMethodNotAllowedAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        response.Headers.Allow = "GET, HEAD";
        response.ContentLength = MethodNotAllowed.Length;
        await response.Body.WriteAsync(MethodNotAllowed, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The 404 page (without its body for HEAD), never cached.</summary>
    /// <param name="context">The request.</param>
    public static async Task WriteNotFoundAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status404NotFound;
        response.ContentType = NotFoundPage.ContentType;
        response.Headers.CacheControl = "private, no-cache, no-store, max-age=0, must-revalidate";
        if (HttpMethods.IsHead(context.Request.Method)) return;
        response.ContentLength = NotFoundPage.Html.Length;
        await response.Body.WriteAsync(NotFoundPage.Html, context.RequestAborted).ConfigureAwait(false);
    }
}
