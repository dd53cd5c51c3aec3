using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Deep equality of an expected <c>body.json</c> against the parsed body. Every key must match (extra and missing keys
/// fail), lists match item by item, strings compare after substitution and normalization, numbers by value. Markers
/// may stand anywhere for a value: <c>{"$regex": p}</c>, <c>{"$type": "number"|"string"|"boolean"|"null"|"array"|"object"}</c>,
/// <c>{"$any": true}</c> (the key must exist), <c>{"$ignore": true}</c> (the key may also be absent) and
/// <c>{"$listIgnoring": {"items": [...], "ignore": [...]}}</c> (the list without the ignored values equals the items).
/// </summary>
public static class JsonMatcher
{
    /// <summary>The first difference, as <c>path: what differs</c>, or <see langword="null"/> when the value matches.</summary>
    /// <param name="expected">The expected value (markers allowed).</param>
    /// <param name="actual">The parsed value.</param>
    /// <param name="context">The step being checked (placeholders, normalization).</param>
    /// <param name="path">Where in the body the values are (<c>$</c> for the root).</param>
    public static string? Match(JsonNode? expected, JsonNode? actual, StepCheckContext context, string path = "$")
    {
        if (JsonTree.IsMarker(expected, out var marker, out var argument))
        {
            switch (marker)
            {
                case "$regex":
                    if (JsonTree.AsString(argument) is not { } pattern) return $"{path}: $regex needs a string pattern";
                    var text = JsonTree.AsString(actual);
                    return text is not null && Regex.IsMatch(context.Normalize(text)!, context.Pattern(pattern))
                        ? null
                        : $"{path}: {JsonTree.Show(actual)} !~ /{pattern}/";
                case "$type":
                    var type = JsonTree.AsString(argument) ?? string.Empty;
                    return HasType(actual, type) ? null : $"{path}: expected type {type}, got {JsonTree.Show(actual)}";
                case "$any" or "$ignore":
                    return null;
                case "$listIgnoring":
                    if (actual is not JsonArray list) return $"{path}: expected list, got {JsonTree.Show(actual)}";
                    var spec = argument as JsonObject;
                    var ignore = spec?["ignore"] as JsonArray ?? [];
                    var kept = new JsonArray(list.Where(item => !ignore.Any(drop => JsonTree.PythonEquals(drop, item))).Select(JsonTree.Clone).ToArray());
                    return Match(spec?["items"] ?? new JsonArray(), kept, context, path);
            }

            // Any other "$" key is an ordinary one-key object.
        }

        return expected switch
        {
            JsonObject obj => MatchObject(obj, actual, context, path),
            JsonArray array => MatchArray(array, actual, context, path),
            _ => MatchScalar(expected, actual, context, path),
        };
    }

    private static string? MatchObject(JsonObject expected, JsonNode? actual, StepCheckContext context, string path)
    {
        if (actual is not JsonObject obj) return $"{path}: expected object, got {JsonTree.Show(actual)}";
        var missing = expected.Where(p => !obj.ContainsKey(p.Key) && !IsIgnore(p.Value)).Select(p => p.Key).ToList();
        var extra = obj.Where(p => !expected.ContainsKey(p.Key)).Select(p => p.Key).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            return $"{path}: keys differ (missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", extra)}])";
        }

        foreach (var (key, value) in expected)
        {
            if (!obj.TryGetPropertyValue(key, out var inner)) continue;
            if (Match(value, inner, context, path + "." + key) is { } difference) return difference;
        }

        return null;
    }

    private static string? MatchArray(JsonArray expected, JsonNode? actual, StepCheckContext context, string path)
    {
        if (actual is not JsonArray list || list.Count != expected.Count)
        {
            return $"{path}: expected list of {expected.Count}, got {JsonTree.Show(actual)}";
        }

        for (var i = 0; i < expected.Count; i++)
        {
            if (Match(expected[i], list[i], context, $"{path}[{i}]") is { } difference) return difference;
        }

        return null;
    }

    // Python's test: exp != act, or the types differ where not both are numbers (an expected bool or number equals an
    // actual int or float of the same value; an expected int does not equal an actual bool).
    private static string? MatchScalar(JsonNode? expected, JsonNode? actual, StepCheckContext context, string path)
    {
        var (expectedKind, actualKind) = (JsonTree.KindOf(expected), JsonTree.KindOf(actual));
        if (expectedKind == JsonKind.String)
        {
            var want = context.Expected(expected!.GetValue<string>());
            var got = actualKind == JsonKind.String ? context.Normalize(actual!.GetValue<string>()) : null;
            return got is not null && string.Equals(want, got, StringComparison.Ordinal)
                ? null
                : $"{path}: expected {JsonTree.Show(want)}, got {(got is null ? JsonTree.Show(actual) : JsonTree.Show(got))}";
        }

        var sameType = expectedKind == actualKind
            || (JsonTree.IsNumeric(expectedKind) && actualKind is JsonKind.Integer or JsonKind.Float);
        return sameType && JsonTree.PythonEquals(expected, actual)
            ? null
            : $"{path}: expected {JsonTree.Show(expected)}, got {JsonTree.Show(actual)}";
    }

    private static bool HasType(JsonNode? value, string type) => (type, JsonTree.KindOf(value)) switch
    {
        ("number", JsonKind.Integer or JsonKind.Float) => true,
        ("string", JsonKind.String) => true,
        ("boolean", JsonKind.Boolean) => true,
        ("array", JsonKind.Array) => true,
        ("object", JsonKind.Object) => true,
        ("null", JsonKind.Null) => true,
        _ => false,
    };

    private static bool IsIgnore(JsonNode? value) => JsonTree.IsMarker(value, out var key, out _) && key == "$ignore";
}
