using System.Text.Json;

namespace NextRouteHandlers.Caching;

/// <summary>
/// The stored form of every tag's state, shared by the file and blob tag stores: one JSON object mapping each tag to
/// <c>[stale, expired]</c> in Unix milliseconds (either may be null).
/// </summary>
internal static class TagStateDocument
{
    public static byte[] Serialize(IReadOnlyDictionary<string, TagState> states)
    {
        var stored = new Dictionary<string, long?[]>(states.Count, StringComparer.Ordinal);
        foreach (var (tag, state) in states) stored[tag] = [state.Stale?.ToUnixTimeMilliseconds(), state.Expired?.ToUnixTimeMilliseconds()];
        return JsonSerializer.SerializeToUtf8Bytes(stored, CacheJsonContext.Default.DictionaryStringNullableInt64Array);
    }

    public static Dictionary<string, TagState> Deserialize(ReadOnlySpan<byte> utf8)
    {
        var states = new Dictionary<string, TagState>(StringComparer.Ordinal);
        if (utf8.IsEmpty) return states;
        var stored = JsonSerializer.Deserialize(utf8, CacheJsonContext.Default.DictionaryStringNullableInt64Array) ?? [];
        foreach (var (tag, moments) in stored) states[tag] = new TagState(tag, At(moments, 0), At(moments, 1));
        return states;
    }

    /// <summary>Applies invalidations to a set of states with <see cref="TagStates.Merge"/>.</summary>
    public static void Apply(Dictionary<string, TagState> states, IReadOnlyList<TagState> updates)
    {
        foreach (var update in updates) states[update.Tag] = states.TryGetValue(update.Tag, out var existing) ? TagStates.Merge(existing, update) : update;
    }

    private static DateTimeOffset? At(long?[]? moments, int index) =>
        moments is not null && moments.Length > index && moments[index] is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
