using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>Reads a case file: a JSON array of <c>{id, group, description, steps: [{request, waitMsBefore?, expect}]}</c>.</summary>
public static class CaseFile
{
    /// <summary>The cases of the file at <paramref name="path"/>, in file order.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InvalidDataException">The file does not have the case file shape.</exception>
    public static IReadOnlyList<ConformanceCase> Load(string path)
    {
        if (JsonTree.Parse(File.ReadAllText(path)) is not JsonArray items) throw new InvalidDataException($"{path}: must be a JSON array of cases");
        var cases = new List<ConformanceCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var where = $"{path}, case {cases.Count}";
            if (item is not JsonObject obj || JsonTree.AsString(obj["id"]) is not { } id || obj["steps"] is not JsonArray steps)
            {
                throw new InvalidDataException($"{where}: needs an id and steps");
            }

            if (!ids.Add(id)) throw new InvalidDataException($"{where}: duplicate id {id}");
            cases.Add(new ConformanceCase(id, JsonTree.AsString(obj["group"]) ?? string.Empty, JsonTree.AsString(obj["description"]) ?? string.Empty, steps.Select((step, i) => Step(step, $"{where} ({id}), step {i}")).ToArray()));
        }

        return cases;
    }

    private static CaseStep Step(JsonNode? step, string where)
    {
        if (step is not JsonObject obj || obj["request"] is not JsonObject request) throw new InvalidDataException($"{where}: needs a request object");
        var expect = obj["expect"] as JsonObject ?? [];
        var wait = obj["waitMsBefore"] is { } value && JsonTree.IsTruthy(value) ? JsonTree.ToInt(value) : 0;
        return new CaseStep((JsonObject)request.DeepClone(), (JsonObject)expect.DeepClone(), wait);
    }
}
