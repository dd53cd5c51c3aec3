using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// A profile file (<c>profiles/adapter.json</c>): an ordered list of rules that rewrite every step's recorded
/// expectation before it is checked. The file holds the data and the reason of each rule; the code of each kind is
/// a <see cref="ProfileRule"/>. <see cref="Bind"/> prepares the rules for one server and one corpus.
/// </summary>
public sealed class ReplayProfile
{
    /// <summary>The rule kinds there is code for.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        ["ignore-headers", "vary-tokens", "origin", "not-found-page", "unchecked-request", "injected-request-headers", "allow-on-405", "public-origin"];

    /// <summary>The rule types.</summary>
    public static readonly IReadOnlyList<string> Types = ["ignore", "normalize", "deviation"];

    private ReplayProfile(string name, IReadOnlyList<ProfileRuleSpec> rules)
    {
        Name = name;
        Rules = rules;
    }

    /// <summary>The profile's name.</summary>
    public string Name { get; }

    /// <summary>The rules, in the order they apply.</summary>
    public IReadOnlyList<ProfileRuleSpec> Rules { get; }

    /// <summary>Reads and validates a profile file.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InvalidDataException">A rule has no name, a duplicate name, an unknown kind or type, or no reason.</exception>
    public static ReplayProfile Load(string path)
    {
        if (JsonTree.Parse(File.ReadAllText(path)) is not JsonObject data) throw new InvalidDataException($"profile {path}: must be a JSON object");
        var name = JsonTree.AsString(data["name"]) is { Length: > 0 } given ? given : System.IO.Path.GetFileNameWithoutExtension(path);
        var rules = new List<ProfileRuleSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in data["rules"] as JsonArray ?? [])
        {
            var where = $"profile {name}, rule {rules.Count}";
            if (item is not JsonObject rule || JsonTree.AsString(rule["name"]) is not { Length: > 0 } ruleName) throw new InvalidDataException($"{where}: needs a name");
            if (!seen.Add(ruleName)) throw new InvalidDataException($"{where}: duplicate name {ruleName}");
            var kind = JsonTree.AsString(rule["kind"]);
            if (kind is null || !Kinds.Contains(kind)) throw new InvalidDataException($"{where} ({ruleName}): unknown kind {JsonTree.Show(rule["kind"])}");
            var type = JsonTree.AsString(rule["type"]);
            if (type is null || !Types.Contains(type)) throw new InvalidDataException($"{where} ({ruleName}): type must be one of {string.Join(", ", Types)}");
            if (JsonTree.AsString(rule["reason"]) is not { } reason || string.IsNullOrWhiteSpace(reason)) throw new InvalidDataException($"{where} ({ruleName}): needs a reason");
            rules.Add(new ProfileRuleSpec(ruleName, type, kind, reason, (JsonObject)rule.DeepClone()));
        }

        return new ReplayProfile(name, rules);
    }

    /// <summary>
    /// The rules ready to rewrite the cases of <paramref name="corpus"/> for the server <paramref name="target"/>: the
    /// <c>origin</c> rule's normalization also counts the server's host as local, and the <c>allow-on-405</c> rules take
    /// each route's method list from the corpus's automatic-OPTIONS steps, else from <paramref name="routes"/>.
    /// </summary>
    /// <param name="target">The server.</param>
    /// <param name="corpus">Every case of the case file (not only those replayed).</param>
    /// <param name="routes">The fixture's route files and their methods, when known.</param>
    public BoundProfile Bind(ReplayTarget target, IReadOnlyList<ConformanceCase> corpus, RouteTable? routes) => new(this, target, corpus, routes);
}
