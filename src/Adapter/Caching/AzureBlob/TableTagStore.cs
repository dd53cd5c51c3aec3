using System.Text;
using Azure;
using Azure.Data.Tables;

namespace NextRouteHandlers.Caching.AzureBlob;

/// <summary>
/// Tag state in Azure Table Storage, one row per tag in one partition. Tables rather than blob index tags: table
/// reads are strongly consistent (blob index tags update asynchronously, seconds or more), one query returns every
/// tag, and an ETag-conditional update merges concurrent invalidations without losing the later one. Row keys are the
/// tag in hex, because tags hold <c>/</c>, which row keys may not.
/// </summary>
public sealed class TableTagStore : ITagStore
{
    private const string Partition = "tags";
    private readonly TableClient _table;
    private volatile bool _ready;

    /// <summary>Creates the store.</summary>
    /// <param name="table">The table of tag state.</param>
    public TableTagStore(TableClient table) => _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <inheritdoc />
    public async ValueTask<IReadOnlyDictionary<string, TagState>> GetAllAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        var states = new Dictionary<string, TagState>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var state = ToState(row);
            states[state.Tag] = state;
        }

        return states;
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(IReadOnlyList<TagState> states, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        foreach (var state in states) await MergeAsync(state, cancellationToken).ConfigureAwait(false);
    }

    private async Task MergeAsync(TagState update, CancellationToken cancellationToken)
    {
        var rowKey = Convert.ToHexStringLower(Encoding.UTF8.GetBytes(update.Tag));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (!existing.HasValue)
                {
                    await _table.AddEntityAsync(ToRow(update, rowKey), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var merged = TagStates.Merge(ToState(existing.Value!), update);
                    await _table.UpdateEntityAsync(ToRow(merged, rowKey), existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (RequestFailedException failure) when (failure.Status is 409 or 412)
            {
                // Another instance wrote the tag meanwhile: read it again and merge.
            }
        }

        throw new InvalidOperationException($"Could not record the invalidation of tag '{update.Tag}' after 5 attempts.");
    }

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready) return;
        try
        {
            await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException failure) when (failure.Status is 403 or 409)
        {
            // Created by the deployment; the identity may not create tables.
        }

        _ready = true;
    }

    private static TableEntity ToRow(TagState state, string rowKey) => new(Partition, rowKey)
    {
        ["Tag"] = state.Tag,
        ["Stale"] = state.Stale?.ToUnixTimeMilliseconds(),
        ["Expired"] = state.Expired?.ToUnixTimeMilliseconds(),
    };

    private static TagState ToState(TableEntity row) =>
        new(row.GetString("Tag"), At(row.GetInt64("Stale")), At(row.GetInt64("Expired")));

    private static DateTimeOffset? At(long? milliseconds) => milliseconds is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
