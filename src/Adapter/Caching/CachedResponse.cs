namespace NextRouteHandlers.Caching;

/// <summary>What the cache answers a request with.</summary>
/// <param name="Entry">The entry to send, or null (an on-demand revalidation of a path never generated).</param>
/// <param name="Status">How it was found.</param>
internal readonly record struct CachedResponse(CacheEntry? Entry, CacheStatus Status);
