using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// The <c>body</c> part of an expectation; every key given must hold: <c>empty</c>, <c>equals</c>, <c>contains</c>
/// (a string or a list of them), <c>regex</c> (searched, <c>.</c> matching line breaks), <c>json</c> (see
/// <see cref="JsonMatcher"/>), <c>sameAsStep</c> / <c>differsFromStep</c> (the raw bytes of an earlier step) and
/// <c>fields</c> (<c>[{"path", "sameAsStep" | "differsFromStep"}]</c>: one JSON value against an earlier step's).
/// Text comparisons use the normalized body.
/// </summary>
public static class BodyMatchers
{
    // "<missing>" is what replay.py compares with when an earlier step has no such field.
    private static readonly JsonNode Missing = JsonValue.Create("<missing>");

    /// <summary>Adds one message per rule that does not hold.</summary>
    /// <param name="context">The step being checked.</param>
    /// <param name="expected">The <c>body</c> object of the expectation.</param>
    /// <param name="errors">Where the messages go.</param>
    public static void Check(StepCheckContext context, JsonObject expected, List<string> errors)
    {
        var raw = context.Response.Body;
        var text = context.Response.BodyText;
        var normalizedText = context.Normalize(text)!;

        if (expected.TryGetPropertyValue("empty", out var empty) && (raw.Length == 0) != JsonTree.IsTruthy(empty))
        {
            errors.Add($"body: expected {(JsonTree.IsTruthy(empty) ? "empty" : "non-empty")}, got {raw.Length} bytes");
        }

        if (JsonTree.AsString(expected["equals"]) is { } equals && !string.Equals(normalizedText, context.Expected(equals), StringComparison.Ordinal))
        {
            errors.Add($"body: expected {JsonTree.Show(context.Substitute(equals))}, got {JsonTree.Show(text)}");
        }

        foreach (var needle in Needles(expected["contains"]))
        {
            if (!normalizedText.Contains(context.Expected(needle), StringComparison.Ordinal))
            {
                errors.Add($"body: does not contain {JsonTree.Show(needle)} (got {JsonTree.Show(text)})");
            }
        }

        if (JsonTree.AsString(expected["regex"]) is { } regex && !Regex.IsMatch(normalizedText, context.Pattern(regex), RegexOptions.Singleline))
        {
            errors.Add($"body: {JsonTree.Show(text)} !~ /{regex}/");
        }

        JsonNode? parsed = null;
        var isJson = (expected.ContainsKey("json") || expected.ContainsKey("fields")) && TryParse(text, out parsed, errors);
        if (isJson && expected.TryGetPropertyValue("json", out var json) && JsonMatcher.Match(json, parsed, context) is { } difference)
        {
            errors.Add("json " + difference);
        }

        foreach (var (key, wantSame) in new[] { ("sameAsStep", true), ("differsFromStep", false) })
        {
            if (!expected.TryGetPropertyValue(key, out var stepNode)) continue;
            var index = JsonTree.ToInt(stepNode!);
            var other = context.Step(index);
            if (other is null) errors.Add($"body: {key} {index} names no step of this case");
            else if (other.Body.AsSpan().SequenceEqual(raw) != wantSame) errors.Add($"body: expected {(wantSame ? "same as" : "different from")} step {index}");
        }

        if (isJson && expected["fields"] is JsonArray fields) CheckFields(context, parsed, fields, errors);
    }

    private static void CheckFields(StepCheckContext context, JsonNode? parsed, JsonArray fields, List<string> errors)
    {
        foreach (var field in fields.OfType<JsonObject>())
        {
            var path = JsonTree.AsString(field["path"]) ?? string.Empty;
            if (!JsonFieldPath.TryGet(parsed, path, out var mine))
            {
                errors.Add($"field {path} missing");
                continue;
            }

            foreach (var (key, wantSame) in new[] { ("sameAsStep", true), ("differsFromStep", false) })
            {
                if (!field.TryGetPropertyValue(key, out var stepNode)) continue;
                var index = JsonTree.ToInt(stepNode!);
                var other = FieldOfStep(context.Step(index), path);
                if (JsonTree.PythonEquals(other, mine) != wantSame)
                {
                    errors.Add($"field {path}: expected {(wantSame ? "same as" : "different from")} step {index} ({JsonTree.Show(mine)} vs {JsonTree.Show(other)})");
                }
            }
        }
    }

    private static JsonNode? FieldOfStep(WireResponse? step, string path)
    {
        if (step is null) return Missing;
        try
        {
            return JsonFieldPath.TryGet(JsonTree.Parse(step.BodyText), path, out var value) ? value : Missing;
        }
        catch (JsonException)
        {
            return Missing;
        }
    }

    // A body that is not JSON is reported once; the json and fields checks then do not run. (A body of JSON null is
    // still checked; replay.py would skip the checks for it.)
    private static bool TryParse(string text, out JsonNode? parsed, List<string> errors)
    {
        try
        {
            parsed = JsonTree.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            errors.Add($"body: not JSON: {JsonTree.Show(text)}");
            parsed = null;
            return false;
        }
    }

    private static IEnumerable<string> Needles(JsonNode? contains) => contains switch
    {
        JsonArray list => list.Select(JsonTree.AsString).OfType<string>(),
        _ when JsonTree.AsString(contains) is { } single => [single],
        _ => [],
    };
}
