using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;

namespace NextRouteHandlers.Caching.AzureBlob;

/// <summary>
/// Entries as block blobs (<c>entries/&lt;sha256 of key&gt;</c>) in one container, shared by every instance. A blob
/// write (Put Blob) replaces the whole blob atomically, so readers see the old entry or the new one. The blob name is
/// a hash, so no key can name another blob; the entry records its key, so a read never returns another key's entry.
/// </summary>
public sealed class BlobIncrementalCache : IIncrementalCache
{
    private readonly BlobContainerClient _container;
    private readonly ContainerInitializer _initializer;

    /// <summary>Creates the store.</summary>
    /// <param name="container">The container of entries.</param>
    public BlobIncrementalCache(BlobContainerClient container)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        _initializer = new ContainerInitializer(container);
    }

    /// <inheritdoc />
    public async ValueTask<CacheEntry?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(BlobName("entries", key)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return CacheEntrySerializer.Deserialize(key, content.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException failure) when (failure.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(string key, CacheEntry entry, CancellationToken cancellationToken)
    {
        await _initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _container.GetBlobClient(BlobName("entries", key)).UploadAsync(BinaryData.FromBytes(CacheEntrySerializer.Serialize(key, entry)), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The blob name of a key under a folder: the SHA-256 of the key in hex.</summary>
    /// <param name="folder">The virtual folder.</param>
    /// <param name="key">The key.</param>
    public static string BlobName(string folder, string key) => folder + "/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
