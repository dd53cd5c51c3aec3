using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Kind <c>injected-request-headers</c> (<c>{"headers": [...]}</c>): inside an expected JSON body, these header names,
/// when the request did not send them, are not checked. As an object key, the value becomes <c>{"$ignore": true}</c>
/// (any value, or no key); in a list of header names they may be there or not (<c>$listIgnoring</c>). Markers are left
/// as they are.
/// </summary>
public sealed class InjectedRequestHeadersRule(ProfileRuleSpec spec) : ProfileRule(spec)
{
    /// <inheritdoc />
    public override bool Rewrite(StepRewrite step, List<string> warnings)
    {
        if (step.Expect["body"] is not JsonObject body || !body.ContainsKey("json")) return false;
        var names = Spec.Strings("headers").Select(n => n.ToLowerInvariant()).Where(n => step.Step.SentHeader(n) is null).ToList();
        if (names.Count == 0) return false;

        var json = body["json"];
        var rewritten = Strip(json, names);
        if (JsonTree.PythonEquals(rewritten, json)) return false;
        body["json"] = rewritten;
        return true;
    }

    private static JsonNode? Strip(JsonNode? value, List<string> names)
    {
        if (value is JsonObject obj && !JsonTree.IsMarker(obj, out _, out _))
        {
            var copy = new JsonObject();
            foreach (var (key, inner) in obj)
            {
                copy[key] = names.Contains(key.ToLowerInvariant()) ? new JsonObject { ["$ignore"] = true } : Strip(inner, names);
            }

            return copy;
        }

        if (value is JsonArray list)
        {
            var kept = list.Where(item => !(JsonTree.AsString(item) is { } text && names.Contains(text.ToLowerInvariant()))).Select(item => Strip(item, names)).ToArray();
            if (kept.Length == list.Count) return new JsonArray(kept);
            return new JsonObject
            {
                ["$listIgnoring"] = new JsonObject
                {
                    ["items"] = new JsonArray(kept),
                    ["ignore"] = new JsonArray(names.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
                },
            };
        }

        return JsonTree.Clone(value);
    }
}
