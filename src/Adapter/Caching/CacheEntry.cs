namespace NextRouteHandlers.Caching;

/// <summary>
/// One cached GET response (Next.js's <c>AppRouteCacheEntry</c>): status, headers, the whole body, when it was
/// rendered, how long it stays fresh, and the tags that invalidate it. Immutable; a regeneration writes a new one.
/// </summary>
public sealed record CacheEntry
{
    /// <summary>The response status.</summary>
    public required int Status { get; init; }

    /// <summary>Every response header as rendered (Set-Cookie included, one pair per value), minus framing headers.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    /// <summary>The whole body.</summary>
    public required byte[] Body { get; init; }

    /// <summary>When the response was rendered.</summary>
    public required DateTimeOffset LastModified { get; init; }

    /// <summary>Seconds the entry stays fresh, or null when it never goes stale by time (<c>Revalidate = false</c>, <c>force-static</c>).</summary>
    public int? Revalidate { get; init; }

    /// <summary>Seconds after which the entry is not served at all (a blocking render instead), or null.</summary>
    public int? Expire { get; init; }

    /// <summary>The implicit and explicit tags of the render (<c>x-next-cache-tags</c>); never sent to clients.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The size the entry takes in memory, roughly, for the memory store's byte budget.</summary>
    public long ApproximateSize => Body.Length + Headers.Sum(h => (h.Key.Length + h.Value.Length) * 2L) + Tags.Sum(t => t.Length * 2L) + 128;
}
