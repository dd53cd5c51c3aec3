using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace NextRouteHandlers.Caching.AzureBlob;

/// <summary>
/// At most one instance regenerates a key at a time: a 60-second lease on a lock blob of its own
/// (<c>locks/&lt;sha256 of key&gt;</c>; a lease on the entry blob would block writing the entry). A second instance gets
/// 409 and leaves the render to the first. A lease outlives a crashed instance by at most 60 seconds.
/// </summary>
internal sealed class BlobRegenerationLock : IRegenerationLock
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private readonly BlobContainerClient _container;
    private readonly ContainerInitializer _initializer;

    /// <summary>Creates the lock.</summary>
    /// <param name="container">The container of lock blobs.</param>
    public BlobRegenerationLock(BlobContainerClient container)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        _initializer = new ContainerInitializer(container);
    }

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, CancellationToken cancellationToken)
    {
        await _initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var blob = _container.GetBlobClient(BlobIncrementalCache.BlobName("locks", key));
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException failure) when (failure.Status is 409 or 412)
        {
            // The lock blob exists already (or is leased): fine, the lease decides.
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new Handle(lease);
        }
        catch (RequestFailedException failure) when (failure.Status == 409)
        {
            return null;
        }
    }

    private sealed class Handle(BlobLeaseClient lease) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await lease.ReleaseAsync().ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // The lease expired or the store is down: it ends by itself within the lease duration.
            }
        }
    }
}
