using System.Collections.Concurrent;
using System.Globalization;

namespace ConformanceApp.Lib;

/// <summary>Port of lib/stamp.ts: observable per-process state, so caching can be seen from outside.</summary>
public static class Stamp
{
    private static readonly ConcurrentDictionary<string, int> Counters = new();

    public static Dictionary<string, object> For(string name) => new()
    {
        ["generatedAt"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["nonce"] = Guid.NewGuid().ToString("N")[..8],
        ["counter"] = Counters.AddOrUpdate(name, 1, (_, n) => n + 1),
        ["pid"] = Environment.ProcessId,
    };

    /// <summary>The stamp merged into a JSON object, like <c>{ route, ...stamp(name) }</c>.</summary>
    public static Dictionary<string, object?> With(string name, params (string Key, object? Value)[] fields)
    {
        var body = new Dictionary<string, object?>();
        foreach (var (key, value) in fields) body[key] = value;
        foreach (var (key, value) in For(name)) body[key] = value;
        return body;
    }
}
