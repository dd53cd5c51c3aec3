namespace NextRouteHandlers.Caching.Engine;

/// <summary>The cache as <see cref="ResponseCache.InspectAsync"/> saw it.</summary>
/// <param name="At">When it was read.</param>
/// <param name="StoreKind">The shared store: <c>memory</c>, <c>filesystem</c>, <c>azureblob</c>.</param>
/// <param name="Entries">The entries of the keys asked for.</param>
/// <param name="Tags">Every tag ever invalidated, with its state.</param>
internal sealed record CacheInspection(DateTimeOffset At, string StoreKind, IReadOnlyList<InspectedEntry> Entries, IReadOnlyDictionary<string, TagState> Tags);

/// <summary>One key's stored entry.</summary>
/// <param name="Key">The cache key.</param>
/// <param name="Entry">The entry, or null when none is stored (expired from memory, or never written).</param>
/// <param name="Freshness">Its freshness now, when there is an entry.</param>
internal sealed record InspectedEntry(string Key, CacheEntry? Entry, Freshness? Freshness);
