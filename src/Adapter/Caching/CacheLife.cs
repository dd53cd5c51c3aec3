namespace NextRouteHandlers.Caching;

/// <summary>
/// How long invalidated entries may still be served (a <c>cacheLife</c> profile's <c>expire</c>), for
/// <c>Next.RevalidateTag(tag, profile)</c>. Entries of the tag become stale at once and expire after <see cref="Expire"/>.
/// </summary>
/// <param name="Expire">Until expiry; <see cref="TimeSpan.Zero"/> makes the next request render (a MISS).</param>
public sealed record CacheLife(TimeSpan Expire)
{
    /// <summary>Next.js's named profiles, by their <c>expire</c>.</summary>
    public static IReadOnlyDictionary<string, CacheLife> Profiles { get; } = new Dictionary<string, CacheLife>(StringComparer.Ordinal)
    {
        ["seconds"] = new(TimeSpan.FromMinutes(1)),
        ["minutes"] = new(TimeSpan.FromHours(1)),
        ["hours"] = new(TimeSpan.FromDays(1)),
        ["days"] = new(TimeSpan.FromDays(7)),
        ["weeks"] = new(TimeSpan.FromDays(30)),
        ["max"] = new(TimeSpan.FromSeconds(CachePolicy.OneYear)),
        ["default"] = new(TimeSpan.FromSeconds(CachePolicy.OneYear)),
    };

    /// <summary>Stale now, expired now: the next request renders, as <c>revalidateTag(tag, { expire: 0 })</c>.</summary>
    public static CacheLife Now { get; } = new(TimeSpan.Zero);
}
