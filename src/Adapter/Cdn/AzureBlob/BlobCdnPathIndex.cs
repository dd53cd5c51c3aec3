using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using NextRouteHandlers.Caching.AzureBlob;

namespace NextRouteHandlers.Cdn.AzureBlob;

/// <summary>
/// The path index in the cache's blob container: an empty blob per (tag, path),
/// <c>cdn-index/&lt;sha256 of tag&gt;/&lt;sha256 of path&gt;</c>, with the path in its metadata (base64, as metadata must
/// be ASCII), so one listing of a tag's folder gives its paths.
/// </summary>
internal sealed class BlobCdnPathIndex(BlobContainerClient container) : ICdnPathIndex
{
    private const string PathMetadata = "path";
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
    public async Task<IReadOnlyCollection<string>> PathsAsync(string tag, CancellationToken cancellationToken)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = Folder(tag), Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
            {
                if (item.Metadata.TryGetValue(PathMetadata, out var encoded) && TryDecode(encoded) is { } path) paths.Add(path);
            }
        }
        catch (RequestFailedException failure) when (failure.Status == 404)
        {
            // No container yet: nothing was recorded.
        }

        return paths;
    }

    private static string Folder(string tag) => BlobIncrementalCache.BlobName("cdn-index", tag) + "/";

    private static string? TryDecode(string encoded)
    {
        var bytes = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }
}
