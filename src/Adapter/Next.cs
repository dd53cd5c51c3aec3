using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Http;
using NextRouteHandlers.Invocation;

namespace NextRouteHandlers;

/// <summary>
/// The request-scoped functions of <c>next/headers</c> and <c>next/navigation</c>, callable from a route handler or
/// any code it calls during the request: <c>Next.Cookies()</c>, <c>Next.Headers()</c>, <c>await Next.Connection()</c>,
/// <c>Next.Redirect("/login")</c>, <c>Next.NotFound()</c>, and <c>Next.After(...)</c>.
/// </summary>
public static partial class Next
{
    /// <summary><c>headers()</c>: the request headers, read-only (empty in a <c>force-static</c> route).</summary>
    /// <exception cref="InvalidOperationException">Called outside a route handler's request.</exception>
    public static Headers Headers()
    {
        var scope = Scope();
        scope.Request.Track("headers()");
        return scope.Request.Headers;
    }

    /// <summary><c>cookies()</c>: the request's cookies; changes become <c>Set-Cookie</c> headers of the response.</summary>
    /// <exception cref="InvalidOperationException">Called outside a route handler's request.</exception>
    public static CookieStore Cookies()
    {
        var scope = Scope();
        scope.Request.Track("cookies()");
        return scope.Cookies;
    }

    /// <summary>
    /// <c>draftMode()</c>: whether this is a draft request (<see cref="NextRouteHandlers.DraftMode.IsEnabled"/>), and
    /// <see cref="NextRouteHandlers.DraftMode.Enable"/> / <see cref="NextRouteHandlers.DraftMode.Disable"/> to switch
    /// the browser's <c>__prerender_bypass</c> cookie. Draft requests skip the response cache.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called outside a route handler's request.</exception>
    public static DraftMode DraftMode() => new(Scope());

    /// <summary>
    /// <c>await connection()</c>: marks what follows as needing a real request. At request time it completes at once.
    /// While a cached route renders, where there is no request, it makes the route dynamic from then on, as reading
    /// request data does (with <c>Dynamic = "error"</c> the render fails instead); in a <c>force-static</c> route it
    /// completes and changes nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called outside a route handler's request.</exception>
    /// <exception cref="DynamicUsageException">Called while a cached route that is not <c>force-static</c> renders.</exception>
    public static Task Connection()
    {
        Scope().Request.Track("connection()");
        return Task.CompletedTask;
    }

    /// <summary>
    /// Tags the cached response being rendered (<c>cacheTag</c>, or the <c>tags</c> of <c>unstable_cache</c>), so that
    /// <see cref="RevalidateTag(string, string)"/> can invalidate it. Has no effect in a dynamic route.
    /// </summary>
    /// <param name="tags">Up to 128 tags of up to 256 characters.</param>
    public static void CacheTag(params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags)
        {
            ArgumentException.ThrowIfNullOrEmpty(tag);
            if (tag.Length > 256) throw new ArgumentException($"Cache tags may be at most 256 characters long; '{tag[..32]}...' is {tag.Length}.", nameof(tags));
        }

        Scope().CacheTags.AddRange(tags);
    }

    /// <summary>
    /// <c>revalidateTag(tag, profile)</c>: cached responses tagged <paramref name="tag"/> become stale now (the next request
    /// gets the old response while one regeneration runs) and expire after the profile's <c>expire</c>: <c>"max"</c>
    /// (a year), <c>"seconds"</c>, <c>"minutes"</c>, <c>"hours"</c>, <c>"days"</c>, <c>"weeks"</c>, <c>"default"</c>.
    /// Applied when the handler returns, on every instance.
    /// </summary>
    /// <param name="tag">The tag.</param>
    /// <param name="profile">A named cache-life profile.</param>
    public static void RevalidateTag(string tag, string profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!CacheLife.Profiles.TryGetValue(profile, out var life)) throw new ArgumentException($"Unknown cache-life profile '{profile}'; use one of {string.Join(", ", CacheLife.Profiles.Keys)}, or a CacheLife.", nameof(profile));
        RevalidateTag(tag, life);
    }

    /// <summary><c>revalidateTag(tag, { expire })</c>: stale now, expired after <see cref="CacheLife.Expire"/> (<see cref="CacheLife.Now"/>: the next request renders).</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="life">How long the stale entries may still be served.</param>
    public static void RevalidateTag(string tag, CacheLife life)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        ArgumentNullException.ThrowIfNull(life);
        var scope = MutableScope("RevalidateTag");
        var now = scope.Time.GetUtcNow();
        scope.Invalidate(new TagState(tag, now, now + life.Expire));
    }

    /// <summary>
    /// <c>revalidateTag(tag)</c> with one argument, deprecated in Next.js 16: entries of the tag expire at once (the next
    /// request renders). Prefer <see cref="RevalidateTag(string, string)"/> with <c>"max"</c>.
    /// </summary>
    /// <param name="tag">The tag.</param>
    [Obsolete("Next.js 16 deprecates revalidateTag(tag) with one argument: pass a profile (\"max\") or CacheLife.Now.")]
    public static void RevalidateTag(string tag)
    {
        var scope = MutableScope("RevalidateTag");
        NextLog.RevalidateTagWithoutProfile(scope.Logger, tag);
        RevalidateTag(tag, CacheLife.Now);
    }

    /// <summary>
    /// <c>revalidatePath(path, type?)</c>: the cached response of <paramref name="path"/> expires now (the next request
    /// renders). With a route pattern and <c>"layout"</c> (<c>"/items/[id]", "layout"</c>) every path below it does;
    /// <c>("/", "layout")</c> invalidates everything. Applied when the handler returns, on every instance.
    /// </summary>
    /// <param name="path">A path (<c>/items/5</c>) or route pattern (<c>/items/[id]</c>).</param>
    /// <param name="type"><c>"layout"</c>, <c>"page"</c> or null.</param>
    public static void RevalidatePath(string path, string? type = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (type is not (null or "layout" or "page")) throw new ArgumentException("The type of RevalidatePath is \"layout\", \"page\" or null.", nameof(type));
        var scope = MutableScope("RevalidatePath");
        if (path.Length > 1024) return;
        var now = scope.Time.GetUtcNow();
        foreach (var tag in ImplicitTags.ForRevalidatePath(path, type)) scope.Invalidate(new TagState(tag, null, now));
    }

    /// <summary><c>updateTag(tag)</c> belongs to Server Actions; in a route handler it throws, as in Next.js.</summary>
    /// <param name="tag">The tag.</param>
    [DoesNotReturn]
    public static void UpdateTag(string tag) => throw new InvalidOperationException("updateTag can only be called from within a Server Action. Use Next.RevalidateTag(tag, \"max\") in a route handler.");

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

    private static RequestScope MutableScope(string function)
    {
        var scope = Scope();
        if (scope.IsCacheRender) throw new DynamicUsageException(scope.Request.NextUrl.Pathname, function + "()");
        return scope;
    }

    private static RequestScope Scope() => RequestScope.Current switch
    {
        null => throw new InvalidOperationException("Next.Cookies() and Next.Headers() can only be called while a route handler runs."),
        { IsProxy: true } => throw new InvalidOperationException("Next.Cookies(), Next.Headers() and the other request functions can only be called while a route handler runs; in proxy.cs read request.Cookies and request.Headers (Next.After works there)."),
        var scope => scope,
    };
}
