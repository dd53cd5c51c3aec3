using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// The <c>Allow</c> list a route's automatic OPTIONS gives, for the <c>allow-on-405</c> rules: taken from a step of
/// the corpus that sent OPTIONS to the same route and recorded an exact <c>Allow</c> (unless the route exports its own
/// OPTIONS handler), else derived from the methods the route file exports.
/// </summary>
public sealed class AllowLists
{
    private readonly ReplayTarget _target;
    private readonly RouteTable? _routes;
    private readonly Dictionary<string, string> _fromCorpus = new(StringComparer.Ordinal);

    /// <summary>Indexes the automatic-OPTIONS steps of <paramref name="corpus"/>.</summary>
    /// <param name="target">The server (for placeholders in paths).</param>
    /// <param name="corpus">Every case of the case file, as recorded.</param>
    /// <param name="routes">The fixture's route files, when known.</param>
    public AllowLists(ReplayTarget target, IReadOnlyList<ConformanceCase> corpus, RouteTable? routes)
    {
        _target = target;
        _routes = routes;
        foreach (var step in corpus.SelectMany(c => c.Steps))
        {
            var allow = (step.Expect["headers"] as JsonObject)?["allow"];
            if (!string.Equals(step.Method.ToUpperInvariant(), "OPTIONS", StringComparison.Ordinal) || JsonTree.AsString(allow) is not { } list) continue;
            var (key, methods) = RouteKey(step.Path);
            if (methods is not null && methods.Contains("OPTIONS")) continue;
            _fromCorpus.TryAdd(key, list);
        }
    }

    /// <summary>
    /// The Allow list for a request path, or <see langword="null"/> when the route is unknown; and a warning when the
    /// corpus and the route file disagree (the corpus wins).
    /// </summary>
    /// <param name="path">The step's path, as the case writes it.</param>
    public (string? Allow, string? Warning) For(string path)
    {
        var (key, methods) = RouteKey(path);
        var fromCorpus = _fromCorpus.GetValueOrDefault(key);
        var derived = methods is not null ? RouteTable.AllowList(methods) : null;
        var empty = new HashSet<string>();
        var warning = fromCorpus is not null && derived is not null && !TokenSet.Of(fromCorpus, empty, false).SetEquals(TokenSet.Of(derived, empty, false))
            ? $"Allow for {path}: corpus OPTIONS says {JsonTree.Show(fromCorpus)}, route exports give {JsonTree.Show(derived)}; using the corpus"
            : null;
        return (string.IsNullOrEmpty(fromCorpus) ? derived : fromCorpus, warning);
    }

    // The route file a path reaches (or the path itself when no file does), with the file's methods.
    private (string Key, IReadOnlySet<string>? Methods) RouteKey(string path)
    {
        var requestPath = UrlParts.Split(Placeholders.Substitute(path, _target)).Path;
        return _routes?.Resolve(requestPath) is { } route ? (route.File, route.Methods) : (requestPath, null);
    }
}
