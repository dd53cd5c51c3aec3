using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>One rule of a profile file, as written: its name, type, kind, reason, and the whole object for the kind's data.</summary>
/// <param name="Name">The rule's unique name (<c>405-allow</c>).</param>
/// <param name="Type"><c>ignore</c>, <c>normalize</c> or <c>deviation</c>.</param>
/// <param name="Kind">What the rule does; one of <see cref="ReplayProfile.Kinds"/>.</param>
/// <param name="Reason">Why the rule exists.</param>
/// <param name="Data">The rule object, for the kind's data (header lists, tokens, hosts).</param>
public sealed record ProfileRuleSpec(string Name, string Type, string Kind, string Reason, JsonObject Data)
{
    /// <summary>The strings of a list in the rule's data (empty when absent).</summary>
    /// <param name="key">The key.</param>
    public IReadOnlyList<string> Strings(string key) =>
        Data[key] is JsonArray list ? list.Select(JsonTree.AsString).OfType<string>().ToArray() : [];

    /// <summary>A string of the rule's data, or <paramref name="fallback"/> when absent.</summary>
    /// <param name="key">The key.</param>
    /// <param name="fallback">The default.</param>
    public string String(string key, string fallback) => JsonTree.AsString(Data[key]) ?? fallback;
}
