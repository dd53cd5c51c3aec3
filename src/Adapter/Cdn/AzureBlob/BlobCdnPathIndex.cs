using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using NextRouteHandlers.Caching.AzureBlob;

namespace NextRouteHandlers.Cdn.AzureBlob;

/// <summary>
/// The path index in the cache's blob container: an empty blob per (tag, path),
/// <c>cdn-index/&lt;sha256 of tag&gt;/&lt;sha256 of path&gt;</c>, with the path in its metadata (base64, as metadata must
/// be ASCII), so one listing of a tag's folder gives its paths. A record's time is its blob's last-modified time,
/// which every instance that writes the record again moves on. An old record is deleted only as it was listed (on
/// its ETag), so a record another instance has just written again survives a prune that listed it before.
/// </summary>
internal sealed class BlobCdnPathIndex(BlobContainerClient container) : ICdnPathIndex
{
    private const string PathMetadata = "path";
    private const string Root = "cdn-index/";
    private readonly ContainerInitializer _initializer = new(container);

    /// <inheritdoc />
    public async Task RecordAsync(string path, IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        await _initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var metadata = new Dictionary<string, string> { [PathMetadata] = Convert.ToBase64String(Encoding.UTF8.GetBytes(path)) };
        var pathName = BlobIncrementalCache.NameHash(path);
        foreach (var tag in tags)
        {
            var blob = container.GetBlobClient(Folder(tag) + pathName);
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Metadata = metadata }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyCollection<string>> PathsAsync(string tag, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var item in ListAsync(Folder(tag), BlobTraits.Metadata, cancellationToken).ConfigureAwait(false))
        {
            if (IsOlder(item, notBefore))
            {
                await DeleteAsListedAsync(item, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (item.Metadata.TryGetValue(PathMetadata, out var encoded) && TryDecode(encoded) is { } path) paths.Add(path);
        }

        return paths;
    }

    /// <inheritdoc />
    public async Task PruneAsync(DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        await foreach (var item in ListAsync(Root, BlobTraits.None, cancellationToken).ConfigureAwait(false))
        {
            if (IsOlder(item, notBefore)) await DeleteAsListedAsync(item, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Folder(string tag) => BlobIncrementalCache.BlobName("cdn-index", tag) + "/";

    private static bool IsOlder(BlobItem item, DateTimeOffset notBefore) => item.Properties.LastModified is { } written && written < notBefore;

    private async IAsyncEnumerable<BlobItem> ListAsync(string prefix, BlobTraits traits, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix, Traits = traits }, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (items.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await items.MoveNextAsync().ConfigureAwait(false)) yield break;
                }
                catch (RequestFailedException failure) when (failure.Status == 404)
                {
                    // No container yet: nothing was recorded.
                    yield break;
                }

                yield return items.Current;
            }
        }
    }

    private async Task DeleteAsListedAsync(BlobItem item, CancellationToken cancellationToken)
    {
        try
        {
            var unchanged = new BlobRequestConditions { IfMatch = item.Properties.ETag };
            await container.GetBlobClient(item.Name).DeleteIfExistsAsync(conditions: unchanged, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException failure) when (failure.Status == 412)
        {
            // Written again since it was listed: the record is current again, and stays.
        }
    }

    private static string? TryDecode(string encoded)
    {
        var bytes = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }
}
