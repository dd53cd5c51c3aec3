namespace NextRouteHandlers.Caching;

/// <summary>Rules shared by every tag store.</summary>
internal static class TagStates
{
    /// <summary>
    /// Combines two states of one tag as Next.js's tags manifest does: the newer invalidation replaces the older one
    /// (so <c>expire: 0</c> after <c>"max"</c> expires at once). Invalidations from several instances are ordered by
    /// when they were issued, so every store ends with the same state whatever order they arrive in.
    /// </summary>
    /// <param name="existing">The state stored.</param>
    /// <param name="update">The new invalidation.</param>
    public static TagState Merge(TagState existing, TagState update)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(update);
        return IssuedAt(update) >= IssuedAt(existing) ? update with { Tag = existing.Tag } : existing;
    }

    /// <summary>When an invalidation was made: its stale moment, or its expiry when it has none (an immediate expiry).</summary>
    /// <param name="state">A tag state.</param>
    public static DateTimeOffset IssuedAt(TagState state) => state?.Stale ?? state?.Expired ?? DateTimeOffset.MinValue;
}
