using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace NextRouteHandlers.Caching.AzureBlob;

/// <summary>
/// Builds the Azure stores from <c>Cache:AzureBlob</c>: a connection string (Azurite), or service URLs authenticated
/// with <c>DefaultAzureCredential</c> (a managed identity in Azure; <c>AZURE_CLIENT_ID</c> picks a user-assigned one).
/// Clients retry once and time out fast: the cache serves without the store rather than wait for it.
/// </summary>
public static class AzureBlobCacheStores
{
    /// <summary>Creates the stores.</summary>
    /// <param name="options">The <c>Cache:AzureBlob</c> options.</param>
    /// <param name="l1">The per-instance memory cache in front of the blobs.</param>
    public static CacheStores Create(AzureBlobStoreOptions options, IIncrementalCache l1)
    {
        ArgumentNullException.ThrowIfNull(options);
        var blobOptions = new BlobClientOptions();
        var tableOptions = new TableClientOptions();
        Configure(blobOptions.Retry);
        Configure(tableOptions.Retry);

        BlobServiceClient blobs;
        TableServiceClient tables;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
            tables = new TableServiceClient(options.ConnectionString, tableOptions);
        }
        else
        {
            var credential = new DefaultAzureCredential();
            var blobUri = options.ServiceUri ?? throw new InvalidOperationException("Cache:AzureBlob:ServiceUri is required when no connection string is given.");
            blobs = new BlobServiceClient(blobUri, credential, blobOptions);
            tables = new TableServiceClient(options.TableServiceUri ?? TableUriFor(blobUri), credential, tableOptions);
        }

        var container = blobs.GetBlobContainerClient(options.Container);
        return new CacheStores(new BlobIncrementalCache(container), new TableTagStore(tables.GetTableClient(options.Table)), new BlobRegenerationLock(container), l1);
    }

    /// <summary>The table endpoint of the account of a blob endpoint (<c>.blob.</c> → <c>.table.</c>).</summary>
    /// <param name="blobUri">The blob endpoint.</param>
    public static Uri TableUriFor(Uri blobUri)
    {
        ArgumentNullException.ThrowIfNull(blobUri);
        var builder = new UriBuilder(blobUri);
        if (!builder.Host.Contains(".blob.", StringComparison.OrdinalIgnoreCase)) throw new InvalidOperationException($"Cannot derive the table endpoint from '{blobUri}'; set Cache:AzureBlob:TableServiceUri.");
        builder.Host = builder.Host.Replace(".blob.", ".table.", StringComparison.OrdinalIgnoreCase);
        return builder.Uri;
    }

    private static void Configure(RetryOptions retry)
    {
        retry.MaxRetries = 1;
        retry.Delay = TimeSpan.FromMilliseconds(100);
        retry.NetworkTimeout = TimeSpan.FromSeconds(5);
    }
}
