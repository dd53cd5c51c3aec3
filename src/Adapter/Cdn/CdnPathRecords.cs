namespace NextRouteHandlers.Cdn;

/// <summary>
/// How long the path index keeps what it recorded, from the longest the edge may keep a response
/// (<c>Cache:Cdn:MaxSharedAge</c>): an instance writes a path's record again while it keeps serving the path, at most
/// every <see cref="Refresh"/>, so a record is never older than that while the edge may hold a copy fetched after it;
/// and a record older than <see cref="Retention"/> (that refresh, the edge's lifetime, and a minute for the clocks of
/// the instances and the store) stands for no copy the edge can still hold.
/// </summary>
internal readonly record struct CdnPathRecords
{
    private static readonly TimeSpan ClockAllowance = TimeSpan.FromMinutes(1);

    /// <summary>The periods for <paramref name="maxSharedAge"/> seconds of shared lifetime at most.</summary>
    public CdnPathRecords(int maxSharedAge)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSharedAge);
        var lifetime = TimeSpan.FromSeconds(maxSharedAge);
        Refresh = lifetime / 2;
        Retention = Refresh + lifetime + ClockAllowance;
    }

    /// <summary>How often an instance that keeps serving a path writes its record again.</summary>
    public TimeSpan Refresh { get; }

    /// <summary>How old a record may be and still stand for a copy at the edge.</summary>
    public TimeSpan Retention { get; }
}
