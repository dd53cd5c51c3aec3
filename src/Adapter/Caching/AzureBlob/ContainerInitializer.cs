using Azure;
using Azure.Storage.Blobs;

namespace NextRouteHandlers.Caching.AzureBlob;

/// <summary>Creates the container on first write when it does not exist (infra/ creates it in Azure; Azurite starts empty).</summary>
internal sealed class ContainerInitializer(BlobContainerClient container)
{
    private volatile bool _ready;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready) return;
        try
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException failure) when (failure.Status is 403 or 409)
        {
            // No right to create containers (least privilege in Azure): the deployment created it.
        }

        _ready = true;
    }
}
