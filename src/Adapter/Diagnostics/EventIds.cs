namespace NextRouteHandlers.Diagnostics;

/// <summary>
/// The id of every log event of the library, one number per event across all components (a test checks it), grouped
/// by component: 1-19 the pipeline, 20-39 the proxy, 100-199 the cache engine, 200-299 rendering and the prerender,
/// 300-399 the <c>Next</c> functions and the work they schedule, 400-499 the CDN. Filter or alert on these ids; the
/// names are the events' <c>EventName</c>s.
/// </summary>
internal static class EventIds
{
    /// <summary>A handler threw, returned nothing, or returned what only the proxy may: the client gets a 500.</summary>
    public const int HandlerFailed = 1;

    /// <summary>The server or a body reader refused a request while the handler read it (413, 400).</summary>
    public const int RequestRefused = 2;

    /// <summary>Writing a response failed before its headers were sent: the client gets a 500.</summary>
    public const int ResponseWriteFailed = 3;

    /// <summary>A response body failed after its headers were sent: the response was cut short.</summary>
    public const int ResponseStreamFailed = 4;

    /// <summary>A cached route read request data while rendering: it is served dynamically from then on.</summary>
    public const int CachedRouteBecameDynamic = 5;

    /// <summary><c>proxy.cs</c> threw: the client gets a 500.</summary>
    public const int ProxyFailed = 20;

    /// <summary><c>proxy.cs</c> rewrote to another origin, which is not served: the client gets a 500.</summary>
    public const int ExternalRewrite = 21;

    /// <summary>Rendering a cached route failed; a stale entry, if any, keeps being served.</summary>
    public const int RenderFailed = 100;

    /// <summary>A rendered response was marked private or no-store, so it was not stored.</summary>
    public const int ResponseNotStored = 101;

    /// <summary>A render stored nothing on purpose (the route is dynamic).</summary>
    public const int RenderDeclined = 102;

    /// <summary>A cached route was rendered (a miss, a regeneration, an on-demand revalidation or the prerender).</summary>
    public const int RouteRendered = 103;

    /// <summary>A render stopped because the app is stopping.</summary>
    public const int RenderStopped = 104;

    /// <summary>A lookup was answered: HIT, STALE, MISS or REVALIDATED.</summary>
    public const int CacheAnswered = 105;

    /// <summary>Reading an entry from the shared store failed.</summary>
    public const int StoreReadFailed = 106;

    /// <summary>Writing an entry to the shared store failed.</summary>
    public const int StoreWriteFailed = 107;

    /// <summary>Reading the shared tag state failed.</summary>
    public const int TagReadFailed = 108;

    /// <summary>Writing invalidations to the shared tag state failed.</summary>
    public const int TagWriteFailed = 109;

    /// <summary>Taking a regeneration lock failed: this instance renders without it.</summary>
    public const int LockFailed = 110;

    /// <summary>Another instance holds a key's lock: this instance waits for its entry.</summary>
    public const int WaitingForOtherInstance = 111;

    /// <summary>A cached response sets a cookie, which every client served from the cache gets.</summary>
    public const int CachedSetCookie = 200;

    /// <summary>The startup prerender finished.</summary>
    public const int Prerendered = 201;

    /// <summary>The prerender found a route dynamic (it read request data, or answered 4xx other than 404).</summary>
    public const int PrerenderBecameDynamic = 202;

    /// <summary>A later instance of a build restored the route state from the record of its complete prerender.</summary>
    public const int PrerenderRestored = 203;

    /// <summary>The stored prerender record could not be read: the instance prerenders again.</summary>
    public const int PrerenderRecordInvalid = 204;

    /// <summary><c>Next.RevalidateTag(tag)</c> without a profile, deprecated in Next.js 16, was called.</summary>
    public const int RevalidateTagWithoutProfile = 300;

    /// <summary>Draft mode was enabled with no secret configured: other instances, and this one after a restart, do not recognise the cookie.</summary>
    public const int DraftModeIdNotShared = 301;

    /// <summary>Work scheduled with <c>Next.After</c> threw. The response had been sent; nothing reaches the client.</summary>
    public const int AfterTaskFailed = 302;

    /// <summary>The app stopped while <c>Next.After</c> work was still running after the shutdown grace period.</summary>
    public const int AfterWorkAbandoned = 303;

    // 400-499: the CDN (purging Azure Front Door on revalidation).

    /// <summary>Front Door accepted a purge.</summary>
    public const int PurgeAccepted = 400;

    /// <summary>Front Door refused a purge for good (a missing role, a wrong endpoint id): its paths stay at the edge until their s-maxage ends.</summary>
    public const int PurgeRejected = 401;

    /// <summary>Front Door was unavailable for every try of a round: the purge stays queued for the next round.</summary>
    public const int PurgeDeferred = 402;

    /// <summary>A queued purge failed too many rounds and was dropped.</summary>
    public const int PurgeDropped = 403;

    /// <summary>An accepted purge finished at every edge, or failed there.</summary>
    public const int PurgeCompleted = 404;

    /// <summary>Queueing a purge or recording a served path failed (the store was unavailable).</summary>
    public const int PurgeQueueFailed = 405;

    /// <summary>The app stopped with purges it had not queued yet.</summary>
    public const int PurgesLostAtShutdown = 406;
}
