using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// The route files of a fixture app and the HTTP methods each exports (for the nextjs-app corpus,
/// <c>tests/Conformance/nextjs-app.routes.json</c>), and which file a URL path reaches under Next.js's precedence:
/// static segments before <c>[x]</c>, before <c>[...x]</c>, before <c>[[...x]]</c>.
/// </summary>
public sealed class RouteTable
{
    private readonly IReadOnlyList<RouteFile> _routes;

    private RouteTable(IReadOnlyList<RouteFile> routes) => _routes = routes;

    /// <summary>Reads a route table file: <c>{"routes": [{"segments": [...], "file", "methods": [...]}]}</c>.</summary>
    /// <param name="path">The file.</param>
    public static RouteTable Load(string path)
    {
        var data = JsonTree.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path}: must be a JSON object");
        var routes = new List<RouteFile>();
        foreach (var item in data["routes"] as JsonArray ?? throw new InvalidDataException($"{path}: needs routes"))
        {
            if (item is not JsonObject route || JsonTree.AsString(route["file"]) is not { } file) throw new InvalidDataException($"{path}: route {routes.Count} needs a file");
            routes.Add(new RouteFile(Strings(route["segments"]), file, Strings(route["methods"]).ToHashSet(StringComparer.Ordinal)));
        }

        return new RouteTable(routes);
    }

    /// <summary>Every route file of the table, in file order.</summary>
    public IReadOnlyList<RouteFile> Files => _routes;

    /// <summary>
    /// The route file a request path reaches, or <see langword="null"/>. The query is ignored and each segment is
    /// percent-decoded; among the files that match, the one whose segment kinds come first wins (the first listed on a tie).
    /// </summary>
    /// <param name="requestPath">The path, with or without a query.</param>
    public RouteFile? Resolve(string requestPath)
    {
        var segments = UrlParts.Split(requestPath).Path.Split('/').Where(s => s.Length > 0).Select(Uri.UnescapeDataString).ToArray();
        RouteFile? best = null;
        foreach (var route in _routes.Where(r => Matches(r.Segments, segments)))
        {
            if (best is null || Compare(route.Segments, best.Segments) < 0) best = route;
        }

        return best;
    }

    /// <summary>
    /// What the automatic OPTIONS of a route answers in <c>Allow</c>: its methods, plus <c>OPTIONS</c>, plus
    /// <c>HEAD</c> when it has <c>GET</c>, sorted (<c>GET, HEAD, OPTIONS</c> for a GET-only route).
    /// </summary>
    /// <param name="methods">The methods the route file exports.</param>
    public static string AllowList(IEnumerable<string> methods)
    {
        var allowed = new SortedSet<string>(methods, StringComparer.Ordinal) { "OPTIONS" };
        if (allowed.Contains("GET")) allowed.Add("HEAD");
        return string.Join(", ", allowed);
    }

    private static bool Matches(IReadOnlyList<string> pattern, ReadOnlySpan<string> segments)
    {
        if (pattern.Count == 0) return segments.Length == 0;
        var kind = SegmentKind(pattern[0]);
        if (kind == 3) return true;
        if (kind == 2) return segments.Length >= 1;
        if (segments.Length == 0 || (kind == 0 && pattern[0] != segments[0])) return false;
        return Matches(pattern.Skip(1).ToArray(), segments[1..]);
    }

    // 0 static, 1 [x], 2 [...x], 3 [[...x]]: Next.js's precedence order.
    private static int SegmentKind(string segment) => segment switch
    {
        _ when segment.StartsWith("[[...", StringComparison.Ordinal) && segment.EndsWith("]]", StringComparison.Ordinal) => 3,
        _ when segment.StartsWith("[...", StringComparison.Ordinal) && segment.EndsWith(']') => 2,
        _ when segment.StartsWith('[') && segment.EndsWith(']') => 1,
        _ => 0,
    };

    private static int Compare(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var order = SegmentKind(left[i]).CompareTo(SegmentKind(right[i]));
            if (order != 0) return order;
        }

        return left.Count.CompareTo(right.Count);
    }

    private static string[] Strings(JsonNode? list) => (list as JsonArray ?? []).Select(JsonTree.AsString).OfType<string>().ToArray();
}
