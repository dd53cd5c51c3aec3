namespace NextRouteHandlers.Caching;

/// <summary>The three parts of a configured cache: entries, tag state, and the regeneration lock, plus the L1 in front.</summary>
/// <param name="Entries">Where entries live.</param>
/// <param name="Tags">Where tag state lives.</param>
/// <param name="Locks">The cross-instance regeneration lock.</param>
/// <param name="L1">The per-instance memory cache in front of <paramref name="Entries"/>, or null when the store is memory.</param>
/// <param name="BlobContainer">The blob container of the <c>AzureBlob</c> store, which the CDN purge queue shares; null for the others.</param>
internal sealed record CacheStores(IIncrementalCache Entries, ITagStore Tags, IRegenerationLock Locks, IIncrementalCache? L1, Azure.Storage.Blobs.BlobContainerClient? BlobContainer = null);
