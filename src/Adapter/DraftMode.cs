using NextRouteHandlers.Caching;
using NextRouteHandlers.Invocation;

namespace NextRouteHandlers;

/// <summary>
/// What <see cref="Next.DraftMode"/> returns, Next.js's <c>draftMode()</c>: whether this request is a draft request,
/// and the switch for the browser. A draft request carries the <c>__prerender_bypass</c> cookie with this deployment's
/// id; it skips the response cache, so cached routes render for it what is not published yet.
/// </summary>
public sealed class DraftMode
{
    private readonly RequestScope _scope;

    internal DraftMode(RequestScope scope) => _scope = scope;

    /// <summary>
    /// True when the request carries the draft-mode cookie (and is not an on-demand revalidation). Always false while a
    /// cached route renders for the cache. <see cref="Enable"/> and <see cref="Disable"/> change the browser's cookie for
    /// its next requests, not this value.
    /// </summary>
    public bool IsEnabled => _scope.IsDraftRequest && !_scope.IsCacheRender;

    /// <summary>
    /// Turns draft mode on for the browser: the response sets <c>__prerender_bypass=&lt;id&gt;; Path=/; Secure;
    /// HttpOnly; SameSite=none</c> (in the Development environment <c>SameSite=lax</c> and not <c>Secure</c>, as under
    /// <c>next dev</c>). Protect the route that calls it: whoever gets the cookie sees drafts.
    /// </summary>
    /// <exception cref="DynamicUsageException">Called while a cached route renders: the route becomes dynamic.</exception>
    /// <exception cref="InvalidOperationException">Called outside the route-handler pipeline, or in <c>Next.After</c> work.</exception>
    public void Enable()
    {
        var id = Switch("draftMode().enable()");
        if (!id.IsShared && id.FirstWarning()) NextLog.DraftModeIdNotShared(_scope.Logger);
        _scope.Cookies.SetUnchecked(id.EnableCookie());
    }

    /// <summary>Turns draft mode off for the browser: both draft cookies are sent empty, expired at the epoch.</summary>
    /// <exception cref="DynamicUsageException">Called while a cached route renders: the route becomes dynamic.</exception>
    /// <exception cref="InvalidOperationException">Called outside the route-handler pipeline, or in <c>Next.After</c> work.</exception>
    public void Disable()
    {
        var id = Switch("draftMode().disable()");
        foreach (var cookie in id.DisableCookies()) _scope.Cookies.SetUnchecked(cookie);
    }

    private DraftModeId Switch(string usage)
    {
        // A render for the cache has no browser to switch: as in Next.js, switching makes the route dynamic.
        if (_scope.IsCacheRender) throw new DynamicUsageException(_scope.Request.NextUrl.Pathname, usage);
        if (_scope.IsAfterPhase) throw new InvalidOperationException($"Route {_scope.Request.NextUrl.Pathname} used {usage} in Next.After work: draft mode can be read there, but the response that would carry the cookie has been sent.");
        return _scope.DraftModeId ?? throw new InvalidOperationException("Draft mode can only be switched in a route handler the pipeline runs.");
    }
}
