using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Merges an override's partial expectation over a step's expectation. <c>status</c> is replaced. In <c>headers</c>
/// each matcher is replaced (names lower-cased) and <c>null</c> removes a check. In <c>body</c>, <c>json</c> is merged
/// as a JSON Merge Patch (RFC 7396: objects merge member by member, <c>null</c> removes a member, lists and
/// <c>$</c> markers replace), and every other key is replaced or, with <c>null</c>, removed; <c>stream</c> likewise.
/// A top-level <c>null</c> removes that part.
/// </summary>
public static class ExpectationPatch
{
    private static readonly string[] Parts = ["headers", "body", "stream"];

    /// <summary>A new expectation: <paramref name="expect"/> with <paramref name="patch"/> merged over it.</summary>
    /// <param name="expect">The expectation.</param>
    /// <param name="patch">The override's <c>expect</c>.</param>
    public static JsonObject Apply(JsonObject expect, JsonObject patch)
    {
        var result = (JsonObject)expect.DeepClone();
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else if (Parts.Contains(key) && value is JsonObject members)
            {
                if (result[key] is not JsonObject part) result[key] = part = [];
                foreach (var (name, member) in members)
                {
                    var target = key == "headers" ? name.ToLowerInvariant() : name;
                    if (member is null) part.Remove(target);
                    else part[target] = key == "body" && name == "json" ? MergePatch(part[target], member) : member.DeepClone();
                }
            }
            else
            {
                result[key] = value.DeepClone();
            }
        }

        return result;
    }

    /// <summary>RFC 7396 JSON Merge Patch, where a <c>$</c> marker in the patch replaces rather than merges.</summary>
    /// <param name="target">The value patched.</param>
    /// <param name="patch">The patch.</param>
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members || JsonTree.IsMarker(patch, out _, out _)) return JsonTree.Clone(patch);
        var result = target is JsonObject obj && !JsonTree.IsMarker(obj, out _, out _) ? (JsonObject)obj.DeepClone() : [];
        foreach (var (key, value) in members)
        {
            if (value is null) result.Remove(key);
            else result[key] = MergePatch(result[key], value);
        }

        return result;
    }
}
