using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Kind <c>vary-tokens</c> (<c>{"header", "ignoreTokens"}</c>): an exact expectation of the header, or an expected
/// absence, becomes a case-insensitive token set without the ignored tokens, so only the other tokens must be equal
/// (nothing left on either side, or no header at all, passes).
/// </summary>
public sealed class VaryTokensRule(ProfileRuleSpec spec) : ProfileRule(spec)
{
    private static readonly JsonObject Absent = new() { ["present"] = false };

    /// <inheritdoc />
    public override bool Rewrite(StepRewrite step, List<string> warnings)
    {
        var name = Spec.String("header", "vary");
        if (step.Headers is not { } headers || headers[name] is not { } matcher) return false;
        string recorded;
        if (JsonTree.AsString(matcher) is { } exact) recorded = exact;
        else if (JsonTree.PythonEquals(matcher, Absent)) recorded = string.Empty;
        else return false;

        var ignore = Spec.Strings("ignoreTokens");
        var dropped = ignore.Select(t => t.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var kept = recorded.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0 && !dropped.Contains(t.ToLowerInvariant()));
        headers[name] = new JsonObject
        {
            ["tokenSet"] = string.Join(", ", kept),
            ["ignoreTokens"] = new JsonArray(ignore.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            ["caseInsensitive"] = true,
        };
        return true;
    }
}
