using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace NextRouteHandlers.Caching.AzureBlob;

/// <summary>
/// Builds the Azure stores from <c>Cache:AzureBlob</c>, all in one blob container (entries, tag state, regeneration
/// locks): a connection string (Azurite), or the service URL authenticated
/// with <c>DefaultAzureCredential</c> (a managed identity in Azure; <c>AZURE_CLIENT_ID</c> picks a user-assigned one).
/// Clients retry once and time out fast: the cache serves without the store rather than wait for it.
/// </summary>
internal static class AzureBlobCacheStores
{
    /// <summary>Creates the stores.</summary>
    /// <param name="options">The <c>Cache:AzureBlob</c> options.</param>
    /// <param name="l1">The per-instance memory cache in front of the blobs.</param>
    public static CacheStores Create(AzureBlobStoreOptions options, IIncrementalCache l1)
    {
        ArgumentNullException.ThrowIfNull(options);
        var blobOptions = new BlobClientOptions();
        Configure(blobOptions.Retry);
        var blobs = !string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new BlobServiceClient(options.ConnectionString, blobOptions)
            : new BlobServiceClient(
                options.ServiceUri ?? throw new InvalidOperationException("Cache:AzureBlob:ServiceUri is required when no connection string is given."),
                new DefaultAzureCredential(),
                blobOptions);
        var container = blobs.GetBlobContainerClient(options.Container);
        return new CacheStores(new BlobIncrementalCache(container), new BlobTagStore(container), new BlobRegenerationLock(container), l1, container);
    }

    private static void Configure(RetryOptions retry)
    {
        retry.MaxRetries = 1;
        retry.Delay = TimeSpan.FromMilliseconds(100);
        retry.NetworkTimeout = TimeSpan.FromSeconds(5);
    }
}
