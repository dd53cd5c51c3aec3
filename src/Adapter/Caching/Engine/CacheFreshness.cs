namespace NextRouteHandlers.Caching.Engine;

/// <summary>How usable a stored entry is now.</summary>
internal enum Freshness
{
    /// <summary>Serve it: HIT.</summary>
    Fresh,

    /// <summary>Serve it and render a new one in the background: STALE.</summary>
    Stale,

    /// <summary>Do not serve it: render while the client waits (MISS).</summary>
    Expired,
}

/// <summary>
/// Next.js 16's freshness rules, as a pure function of the entry, the tag state and the time: past <c>expire</c> an
/// entry is expired; past <c>revalidate</c>, or tagged with a tag marked stale after it was rendered, it is stale; a tag
/// expired (at a time that has come) after it was rendered expires it.
/// </summary>
internal static class CacheFreshness
{
    /// <summary>The freshness of <paramref name="entry"/> at <paramref name="now"/>.</summary>
    /// <param name="entry">The stored entry.</param>
    /// <param name="tags">The current tag state.</param>
    /// <param name="now">The time.</param>
    public static Freshness Of(CacheEntry entry, IReadOnlyDictionary<string, TagState> tags, DateTimeOffset now)
    {
        if (entry.Expire is { } expire && now > entry.LastModified.AddSeconds(expire)) return Freshness.Expired;
        var stale = entry.Revalidate is { } revalidate && now > entry.LastModified.AddSeconds(revalidate);
        foreach (var tag in entry.Tags)
        {
            if (!tags.TryGetValue(tag, out var state)) continue;
            if (state.Expired is { } expired && expired <= now && expired > entry.LastModified) return Freshness.Expired;
            if (state.Stale is { } staleAt && staleAt > entry.LastModified) stale = true;
        }

        return stale ? Freshness.Stale : Freshness.Fresh;
    }
}
