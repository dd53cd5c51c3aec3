namespace NextRouteHandlers.Caching;

/// <summary>Rules shared by every tag store.</summary>
public static class TagStates
{
    /// <summary>Combines two states of one tag: the later stale moment and the later expiry win.</summary>
    /// <param name="existing">The state stored.</param>
    /// <param name="update">The new invalidation.</param>
    public static TagState Merge(TagState existing, TagState update)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(update);
        return new TagState(existing.Tag, Later(existing.Stale, update.Stale), Later(existing.Expired, update.Expired));
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
