using System.Collections.Concurrent;

namespace NextRouteHandlers.Caching.Memory;

/// <summary>Tag state in this process's memory: exact and immediate, but neither shared nor kept across restarts.</summary>
internal sealed class MemoryTagStore : ITagStore
{
    private readonly ConcurrentDictionary<string, TagState> _states = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, TagState>> GetAllAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyDictionary<string, TagState>>(new Dictionary<string, TagState>(_states, StringComparer.Ordinal));

    /// <inheritdoc />
    public ValueTask SetAsync(IReadOnlyList<TagState> states, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        foreach (var state in states) _states.AddOrUpdate(state.Tag, state, (_, existing) => TagStates.Merge(existing, state));
        return ValueTask.CompletedTask;
    }
}
