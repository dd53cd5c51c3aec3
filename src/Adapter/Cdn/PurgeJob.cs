namespace NextRouteHandlers.Cdn;

/// <summary>
/// One change to purge at the edge, as the instance that made it recorded it: the invalidated tags (resolved to paths
/// when the purge is sent, so that paths indexed by any instance meanwhile are included) and any paths known at once.
/// </summary>
/// <param name="Id">Unique; orders jobs by creation.</param>
/// <param name="Tags">The invalidated tags.</param>
/// <param name="Paths">Public paths to purge besides the tags' (an on-demand revalidation's own).</param>
/// <param name="CreatedAt">When the change was made.</param>
/// <param name="Rounds">How many purge rounds have failed to send it.</param>
internal sealed record PurgeJob(string Id, IReadOnlyList<string> Tags, IReadOnlyList<string> Paths, DateTimeOffset CreatedAt, int Rounds = 0)
{
    /// <summary>A new job with an id that sorts by <paramref name="now"/>.</summary>
    public static PurgeJob Create(IReadOnlyList<string> tags, IReadOnlyList<string> paths, DateTimeOffset now) =>
        new($"{now.UtcTicks:D19}-{Guid.NewGuid():N}", tags, paths, now);
}
