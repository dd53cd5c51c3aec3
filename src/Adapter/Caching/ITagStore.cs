namespace NextRouteHandlers.Caching;

/// <summary>
/// The shared invalidation state of tags (<c>RevalidateTag</c>, <c>RevalidatePath</c>). Implementations:
/// <c>Memory</c> and <c>FileSystem</c> (one instance) and a blob in Azure Blob Storage (every instance; strongly
/// consistent reads, so an invalidation is visible to another instance as soon as that instance re-reads the state).
/// </summary>
public interface ITagStore
{
    /// <summary>The state of every tag that was ever invalidated.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<IReadOnlyDictionary<string, TagState>> GetAllAsync(CancellationToken cancellationToken);

    /// <summary>Records invalidations; a later moment replaces an earlier one for the same tag.</summary>
    /// <param name="states">The new states.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask SetAsync(IReadOnlyList<TagState> states, CancellationToken cancellationToken);
}
