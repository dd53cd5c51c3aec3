using System.Security.Cryptography;
using System.Text;
using Azure;
using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace NextRouteHandlers.Caching.AzureBlob;

/// <summary>
/// Entries as block blobs (<c>entries/&lt;sha256 of key&gt;</c>) in one container, shared by every instance. A blob
/// write (Put Blob) replaces the whole blob atomically, so readers see the old entry or the new one. The blob name is
/// a hash, so no key can name another blob; the entry records its key, so a read never returns another key's entry.
/// Writes are ETag-conditional: a blob is created only if absent, and replaced only if the render it holds (blob
/// metadata <c>renderedat</c>) is older than the one being written, so a slow instance can never put an older render
/// over a newer one. The entry's own header (status, headers, tags) travels inside the blob, not in blob metadata,
/// whose 8 KiB limit and name rules headers such as <c>Set-Cookie</c> would break.
/// </summary>
internal sealed class BlobIncrementalCache : IIncrementalCache
{
    private const string RenderedAtMetadata = "renderedat";
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
        ArgumentNullException.ThrowIfNull(entry);
        await _initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var blob = _container.GetBlobClient(BlobName("entries", key));
        var content = BinaryData.FromBytes(CacheEntrySerializer.Serialize(key, entry));
        var renderedAt = entry.LastModified.ToUnixTimeMilliseconds();
        var metadata = new Dictionary<string, string> { [RenderedAtMetadata] = renderedAt.ToString(CultureInfo.InvariantCulture) };
        try
        {
            await blob.UploadAsync(content, new BlobUploadOptions { Metadata = metadata, Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (RequestFailedException failure) when (failure.Status is 409 or 412)
        {
            // An entry exists: replace it below if it is older.
        }

        var stored = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (stored.Value.Metadata.TryGetValue(RenderedAtMetadata, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var storedAt) && storedAt > renderedAt)
        {
            return;
        }

        try
        {
            await blob.UploadAsync(content, new BlobUploadOptions { Metadata = metadata, Conditions = new BlobRequestConditions { IfMatch = stored.Value.ETag } }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException failure) when (failure.Status == 412)
        {
            // Another instance wrote it after we looked; its render is at least as new as the one we compared with.
        }
    }

    /// <summary>The blob name of a key under a folder: the SHA-256 of the key in hex.</summary>
    /// <param name="folder">The virtual folder.</param>
    /// <param name="key">The key.</param>
    public static string BlobName(string folder, string key) => folder + "/" + NameHash(key);

    /// <summary>The hex SHA-256 of a name, which makes any text a safe blob name segment.</summary>
    public static string NameHash(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
}
