using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.Engine;

namespace NextRouteHandlers.Development;

/// <summary>
/// The development page's revalidate action: <c>POST /_next-route-handlers/revalidate</c> with a form field
/// <c>path</c> (as <c>Next.RevalidatePath(path)</c>: its entry expires now) or <c>tag</c> (as
/// <c>Next.RevalidateTag(tag, CacheLife.Now)</c>). It is refused (403) without the <see cref="DevelopmentPage.CsrfHeader"/>
/// header, or from another origin, so that a site open in the developer's browser cannot post to it.
/// </summary>
internal static class DevelopmentRevalidation
{
    /// <summary>Answers the form.</summary>
    /// <param name="context">The request.</param>
    /// <param name="cache">The cache to invalidate.</param>
    /// <param name="time">The clock.</param>
    public static async Task HandleAsync(HttpContext context, ResponseCache cache, TimeProvider time)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "POST";
            return;
        }

        if (request.Headers[DevelopmentPage.CsrfHeader] != "revalidate" || !IsSameOrigin(request))
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (!request.HasFormContentType)
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        var form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var now = time.GetUtcNow();
        IReadOnlyList<TagState> states = form["path"].ToString() is { Length: > 0 and <= 1024 } path && path[0] == '/'
            ? ImplicitTags.ForRevalidatePath(path, null).Select(tag => new TagState(tag, null, now)).ToArray()
            : form["tag"].ToString() is { Length: > 0 and <= 256 } tag
                ? [new TagState(tag, now, now)]
                : [];
        if (states.Count == 0)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await cache.InvalidateAsync(states).ConfigureAwait(false);
        response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static bool IsSameOrigin(HttpRequest request)
    {
        // Browsers send Origin with every POST from a page; a request without one (curl) carries the header on purpose.
        // Behind the Functions host (func start) the Host is the worker's own address and the public one is forwarded.
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)) return false;
        return string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(uri.Authority, request.Headers["X-Forwarded-Host"].ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
