using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using NextRouteHandlers.Caching.AzureBlob;

namespace NextRouteHandlers.Cdn.AzureBlob;

/// <summary>
/// The purge queue in the cache's blob container: one blob per job (<c>cdn-purge/&lt;id&gt;.json</c>, ids sorting by
/// time), written by the instance that made the change and removed by the one that sent the purge, so a queued purge
/// survives the instance that queued it.
/// </summary>
internal sealed class BlobPurgeQueue(BlobContainerClient container) : IPurgeQueue
{
    private const string Folder = "cdn-purge/";
    private readonly ContainerInitializer _initializer = new(container);

    /// <inheritdoc />
    public async Task AddAsync(PurgeJob job, CancellationToken cancellationToken)
    {
        await _initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await Blob(job).UploadAsync(Content(job), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PurgeJob>> PendingAsync(CancellationToken cancellationToken)
    {
        var jobs = new List<PurgeJob>();
        try
        {
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = Folder }, cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    var content = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                    if (JsonSerializer.Deserialize(content.Value.Content.ToMemory().Span, CdnJsonContext.Default.PurgeJob) is { } job) jobs.Add(job);
                }
                catch (RequestFailedException failure) when (failure.Status == 404)
                {
                    // Sent and removed by another instance since the listing.
                }
                catch (JsonException)
                {
                    // Not a job this version wrote: leave it be.
                }
            }
        }
        catch (RequestFailedException failure) when (failure.Status == 404)
        {
            // No container yet: nothing was ever queued.
        }

        return jobs;
    }

    /// <inheritdoc />
    public async Task RemoveAsync(PurgeJob job, CancellationToken cancellationToken)
    {
        await Blob(job).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task FailedRoundAsync(PurgeJob job, CancellationToken cancellationToken)
    {
        await Blob(job).UploadAsync(Content(job with { Rounds = job.Rounds + 1 }), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    private BlobClient Blob(PurgeJob job) => container.GetBlobClient(Folder + job.Id + ".json");

    private static BinaryData Content(PurgeJob job) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(job, CdnJsonContext.Default.PurgeJob));
}
