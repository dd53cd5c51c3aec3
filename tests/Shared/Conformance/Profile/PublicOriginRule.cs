using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Kind <c>public-origin</c> (<c>{"requestHeader", "urlHost"}</c>): where the request sends that header, its value
/// replaces <c>urlHost</c> (as the case writes it, <c>localhost:{{port}}</c>) in the expected URLs
/// (<c>http(s)://urlHost</c>) and in expected strings that are only that host: in exact header expectations and in the
/// body's <c>equals</c>, <c>contains</c> and <c>json</c> (markers included).
/// </summary>
public sealed class PublicOriginRule(ProfileRuleSpec spec) : ProfileRule(spec)
{
    /// <inheritdoc />
    public override bool Rewrite(StepRewrite step, List<string> warnings)
    {
        if (step.Step.SentHeader(Spec.String("requestHeader", "host").ToLowerInvariant()) is not { } value) return false;
        var urlHost = Regex.Escape(Spec.String("urlHost", "localhost:{{port}}"));
        var url = new Regex($@"\b(https?)://{urlHost}(?![\w.:-])");
        var whole = new Regex($"^{urlHost}$");
        string Fix(string text) => whole.Replace(url.Replace(text, m => $"{m.Groups[1].Value}://{value}"), _ => value);

        var before = step.Expect.ToJsonString();
        if (step.Headers is { } headers)
        {
            foreach (var name in headers.Select(h => h.Key).ToList())
            {
                if (JsonTree.AsString(headers[name]) is { } exact) headers[name] = Fix(exact);
            }
        }

        if (step.Expect["body"] is JsonObject body)
        {
            foreach (var key in new[] { "equals", "contains", "json" })
            {
                if (body.TryGetPropertyValue(key, out var part)) body[key] = MapStrings(part, Fix);
            }
        }

        return step.Expect.ToJsonString() != before;
    }

    private static JsonNode? MapStrings(JsonNode? value, Func<string, string> map) => value switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, MapStrings(p.Value, map)))),
        JsonArray list => new JsonArray(list.Select(item => MapStrings(item, map)).ToArray()),
        _ when JsonTree.AsString(value) is { } text => JsonValue.Create(map(text)),
        _ => JsonTree.Clone(value),
    };
}
