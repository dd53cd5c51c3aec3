using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Reads an overrides file: a JSON array of <c>{"id", "step"?, "expect", "reason"}</c>, nothing else. Every entry must
/// name a known case (and, with <c>step</c>, one of its steps) and give a non-empty reason.
/// </summary>
public static class OverrideFile
{
    private static readonly string[] Keys = ["id", "step", "expect", "reason"];

    /// <summary>The overrides in <paramref name="path"/>, in file order.</summary>
    /// <param name="path">The file.</param>
    /// <param name="stepCounts">The known case ids, each with its number of steps.</param>
    /// <exception cref="InvalidDataException">An entry is malformed, names an unknown case or step, or has no reason.</exception>
    public static IReadOnlyList<CaseOverride> Load(string path, IReadOnlyDictionary<string, int> stepCounts)
    {
        JsonNode? data;
        try
        {
            data = JsonTree.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            throw new InvalidDataException($"overrides {path}: cannot read: {e.Message}", e);
        }

        if (data is not JsonArray entries) throw new InvalidDataException($"overrides {path}: must be a JSON array of overrides");
        var overrides = new List<CaseOverride>();
        foreach (var entry in entries)
        {
            var where = $"overrides {path}: entry {overrides.Count}";
            if (entry is not JsonObject obj) throw new InvalidDataException($"{where}: must be an object");
            var extra = obj.Select(p => p.Key).Where(k => !Keys.Contains(k)).ToList();
            if (extra.Count > 0) throw new InvalidDataException($"{where}: unknown key(s) {string.Join(", ", extra)} (allowed: {string.Join(", ", Keys)})");
            if (JsonTree.AsString(obj["id"]) is not { } id || !stepCounts.TryGetValue(id, out var steps)) throw new InvalidDataException($"{where}: unknown case id {JsonTree.Show(obj["id"])}");
            if (JsonTree.AsString(obj["reason"]) is not { } reason || string.IsNullOrWhiteSpace(reason)) throw new InvalidDataException($"{where} ({id}): reason must be a non-empty string");
            int? step = null;
            if (obj.ContainsKey("step"))
            {
                if (JsonTree.KindOf(obj["step"]) != JsonKind.Integer || JsonTree.ToInt(obj["step"]!) is var index && (index < 0 || index >= steps))
                {
                    throw new InvalidDataException($"{where} ({id}): step must be an integer from 0 to {steps - 1}");
                }

                step = index;
            }

            if (obj["expect"] is not JsonObject expect) throw new InvalidDataException($"{where} ({id}): expect must be an object");
            overrides.Add(new CaseOverride(id, step, (JsonObject)expect.DeepClone(), reason));
        }

        return overrides;
    }
}
