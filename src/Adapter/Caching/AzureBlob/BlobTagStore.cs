using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace NextRouteHandlers.Caching.AzureBlob;

/// <summary>
/// Tag state in one block blob (<c>tags.json</c>) beside the entries, shared by every instance. Blob reads are strongly
/// consistent, so an invalidation written by one instance is what the next read on any instance returns. Reads are
/// conditional (<c>If-None-Match</c> with the last ETag): the refresh every instance runs twice a second costs a
/// 304 with no body until a tag changes. Writes read, merge (<see cref="TagStates.Merge"/>) and write back with
/// <c>If-Match</c>; when another instance wrote in between, the write gets 412 and is retried on the new state, so
/// concurrent invalidations are never lost. Invalidations are rare next to reads, so one document beats a row per tag.
/// </summary>
internal sealed class BlobTagStore : ITagStore
{
    /// <summary>The name of the blob, in the cache container.</summary>
    public const string BlobName = "tags.json";

    private const int MaxAttempts = 10;
    private static readonly IReadOnlyDictionary<string, TagState> None = new Dictionary<string, TagState>(StringComparer.Ordinal);
    private readonly BlobClient _blob;
    private readonly ContainerInitializer _initializer;
    private Snapshot _last = new(default, None);

    /// <summary>Creates the store.</summary>
    /// <param name="container">The cache container; the state is its <see cref="BlobName"/> blob.</param>
    public BlobTagStore(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        _blob = container.GetBlobClient(BlobName);
        _initializer = new ContainerInitializer(container);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyDictionary<string, TagState>> GetAllAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken).ConfigureAwait(false)).States;

    /// <inheritdoc />
    public async ValueTask SetAsync(IReadOnlyList<TagState> states, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0) return;
        await _initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await ReadAsync(cancellationToken).ConfigureAwait(false);
            var merged = new Dictionary<string, TagState>(current.States, StringComparer.Ordinal);
            TagStateDocument.Apply(merged, states);
            var conditions = current.ETag == default ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = current.ETag };
            try
            {
                var written = await _blob.UploadAsync(BinaryData.FromBytes(TagStateDocument.Serialize(merged)), new BlobUploadOptions { Conditions = conditions }, cancellationToken).ConfigureAwait(false);
                Remember(new Snapshot(written.Value.ETag, merged));
                return;
            }
            catch (RequestFailedException failure) when (failure.Status is 409 or 412)
            {
                // Another instance wrote the state after we read it: read it again and merge into that. The jitter keeps
                // instances that collided from colliding again in lockstep.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException($"Could not record the invalidation of {string.Join(", ", states.Select(s => $"'{s.Tag}'"))}: the tag state kept changing ({MaxAttempts} attempts).");
    }

    private async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var last = Volatile.Read(ref _last);
        var options = last.ETag == default ? new BlobDownloadOptions() : new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = last.ETag } };
        try
        {
            var response = await _blob.DownloadContentAsync(options, cancellationToken).ConfigureAwait(false);
            // A conditional download answered 304 comes back as a response, not an exception: nothing changed.
            if (response.GetRawResponse().Status == 304) return last;
            return Remember(new Snapshot(response.Value.Details.ETag, TagStateDocument.Deserialize(response.Value.Content.ToMemory().Span)));
        }
        catch (RequestFailedException failure) when (failure.Status == 404)
        {
            // Nothing was ever invalidated (or the container does not exist yet).
            return Remember(new Snapshot(default, None));
        }
    }

    private Snapshot Remember(Snapshot snapshot)
    {
        // Last writer wins: should an older read land after a newer one, the next read sends the older ETag and gets
        // the current state back, so the snapshot heals within one refresh.
        Volatile.Write(ref _last, snapshot);
        return snapshot;
    }

    private sealed record Snapshot(ETag ETag, IReadOnlyDictionary<string, TagState> States);
}
