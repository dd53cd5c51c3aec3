using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.Engine;

namespace NextRouteHandlers.Cdn;

/// <summary>
/// What the request pipeline tells the CDN, in one place: with <c>Cache:Cdn:Enabled</c> every response leaves with the
/// <see cref="CdnCacheControl"/> profile (set when its headers start, so the router's 404s, redirects and errors get
/// it too); with a Front Door endpoint configured, every invalidation the cache records queues a purge (it listens to
/// <see cref="ResponseCache.Invalidated"/>) and served cache entries are recorded in the path index. Every call returns at once: nothing here waits for the CDN on the request path.
/// </summary>
internal sealed class CdnEdge
{
    private readonly CdnPurger? _purger;
    private readonly int _maxSharedAge;
    private readonly Func<object, Task>? _applyProfile;

    /// <summary>Creates the edge from the <c>Cache:Cdn</c> options and the app's purge.</summary>
    /// <param name="options">The cache options.</param>
    /// <param name="purging">The app's purge (its purger is null without a Front Door endpoint).</param>
    /// <param name="cache">The response cache whose invalidations are purged.</param>
    public CdnEdge(IOptions<CacheOptions> options, CdnPurging purging, ResponseCache cache)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(purging);
        ArgumentNullException.ThrowIfNull(cache);
        var cdn = options.Value.Cdn;
        _purger = purging.Purger;
        _maxSharedAge = cdn.MaxSharedAge;
        if (cdn.Enabled) _applyProfile = ApplyProfile;
        if (_purger is not null) cache.Invalidated += Invalidated;
    }

    /// <summary>Arranges for the response's <c>Cache-Control</c> to follow the CDN profile, when it is on.</summary>
    /// <param name="context">The request.</param>
    public void Prepare(HttpContext context)
    {
        if (_applyProfile is not null) context.Response.OnStarting(_applyProfile, context);
    }

    // Queues the purge of what an invalidation recorded in the cache stands for.
    private void Invalidated(IReadOnlyList<TagState> invalidations)
    {
        // Subscribed only when there is a purger; the cache raises the event only for invalidations it recorded.
        var tags = new string[invalidations.Count];
        for (var i = 0; i < tags.Length; i++) tags[i] = invalidations[i].Tag;
        _purger!.Invalidated(tags, []);
    }

    /// <summary>Queues the purge of the path an on-demand revalidation (<c>x-prerender-revalidate</c>) rendered anew.</summary>
    /// <param name="context">The revalidation request.</param>
    public void Revalidated(HttpContext context) => _purger?.Invalidated([], [PublicPath(context)]);

    /// <summary>Records that a cache entry with <paramref name="tags"/> was served at the request's path.</summary>
    /// <param name="context">The request.</param>
    /// <param name="tags">The entry's tags.</param>
    public void Served(HttpContext context, IReadOnlyList<string> tags) => _purger?.Served(PublicPath(context), tags);

    // The path as the edge keys it: the base path kept, the query dropped (Front Door purges ignore queries).
    private static string PublicPath(HttpContext context) => context.Request.PathBase.Add(context.Request.Path).ToUriComponent();

    private Task ApplyProfile(object state)
    {
        var response = ((HttpContext)state).Response;
        var headers = response.Headers;
        headers.CacheControl = CdnCacheControl.For(headers.CacheControl, headers.Vary, headers.SetCookie.Count > 0, _maxSharedAge);
        return Task.CompletedTask;
    }
}
