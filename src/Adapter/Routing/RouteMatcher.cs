using NextRouteHandlers.Http;
using NextRouteHandlers.Urls;

namespace NextRouteHandlers.Routing;

/// <summary>
/// Matches request paths against a set of routes (any <see cref="IRoutePattern"/>: the manifest's routes, in the app). Built once at startup as a segment trie; a lookup walks
/// the path's segments trying, at each level, the static child (a hash lookup), then <c>[x]</c>, then
/// <c>[...x]</c>, then <c>[[...x]]</c>, which is exactly the order Next.js tries its sorted routes in. The cost
/// depends on the path's depth, not on the number of routes.
/// </summary>
/// <typeparam name="TRoute">What a match returns: the route whose pattern matched.</typeparam>
internal sealed class RouteMatcher<TRoute>
    where TRoute : class, IRoutePattern
{
    private const int MaxStackCaptures = 16;
    private readonly Node _root = new();

    /// <summary>Builds the trie.</summary>
    /// <param name="routes">The routes.</param>
    /// <exception cref="RouteConflictException">Two routes share a URL, or dynamic siblings disagree on the parameter name.</exception>
    public RouteMatcher(IEnumerable<TRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        foreach (var route in routes) Insert(route);
    }

    /// <summary>Matches a path.</summary>
    /// <param name="path">The raw (still percent-encoded) path: starts with <c>/</c>, no empty segments; one trailing slash is accepted.</param>
    public RouteMatch<TRoute> Match(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path[0] != '/') return RouteMatch<TRoute>.NotFound;
        var end = path.Length > 1 && path[^1] == '/' ? path.Length - 1 : path.Length;
        Span<Range> captures = stackalloc Range[MaxStackCaptures];
        var captureCount = 0;
        var found = Walk(_root, path, end, end == 1 ? 1 : 0, captures, ref captureCount, out var route, out var restCapture);
        if (!found) return RouteMatch<TRoute>.NotFound;
        return Decode(route!, path, captures[..captureCount], restCapture);
    }

    private static bool Walk(Node node, string path, int end, int position, Span<Range> captures, ref int captureCount, out TRoute? route, out Range? rest)
    {
        rest = null;
        if (position >= end)
        {
            route = node.Route ?? node.OptionalCatchAll;
            return route is not null;
        }

        var start = position + 1;
        var next = path.IndexOf('/', start, end - start);
        if (next < 0) next = end;
        var segment = path.AsSpan(start, next - start);

        if (node.Static is not null && node.StaticLookup.TryGetValue(segment, out var child)
            && Walk(child, path, end, next, captures, ref captureCount, out route, out rest))
        {
            return true;
        }

        if (node.Dynamic is not null && segment.Length > 0 && captureCount < captures.Length)
        {
            captures[captureCount++] = new Range(start, next);
            if (Walk(node.Dynamic, path, end, next, captures, ref captureCount, out route, out rest)) return true;
            captureCount--;
        }

        route = node.CatchAll ?? node.OptionalCatchAll;
        if (route is null) return false;
        rest = new Range(start, end);
        return true;
    }

    private static RouteMatch<TRoute> Decode(TRoute route, string path, ReadOnlySpan<Range> captures, Range? rest)
    {
        if (captures.Length == 0 && rest is null) return new RouteMatch<TRoute>(RouteMatchStatus.Matched, route, RouteParams.Empty);
        var values = new List<RouteParam>(captures.Length + 1);
        var captureIndex = 0;
        foreach (var segment in route.Segments)
        {
            switch (segment.Kind)
            {
                case SegmentKind.Dynamic:
                    if (!UriComponent.TryDecode(path[captures[captureIndex++]], out var value)) return new RouteMatch<TRoute>(RouteMatchStatus.InvalidEncoding, route, null);
                    values.Add(new RouteParam(segment.Value, false, [value]));
                    break;
                case SegmentKind.CatchAll:
                case SegmentKind.OptionalCatchAll:
                    if (rest is null) break;
                    var parts = path[rest.Value].Split('/');
                    for (var i = 0; i < parts.Length; i++)
                    {
                        if (!UriComponent.TryDecode(parts[i], out parts[i])) return new RouteMatch<TRoute>(RouteMatchStatus.InvalidEncoding, route, null);
                    }

                    values.Add(new RouteParam(segment.Value, true, parts));
                    break;
            }
        }

        return new RouteMatch<TRoute>(RouteMatchStatus.Matched, route, new RouteParams(values));
    }

    private void Insert(TRoute route)
    {
        var node = _root;
        var segments = route.Segments;
        if (segments.Count(s => s.IsParameter) > MaxStackCaptures) throw new RouteConflictException($"Route '{route.Pattern}' has more than {MaxStackCaptures} dynamic segments.");
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var last = i == segments.Count - 1;
            switch (segment.Kind)
            {
                case SegmentKind.Static:
                    node.Static ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                    if (!node.Static.TryGetValue(segment.Value, out var child)) node.Static[segment.Value] = child = new Node();
                    node = child;
                    break;
                case SegmentKind.Dynamic:
                    if (node.DynamicName is not null && node.DynamicName != segment.Value)
                    {
                        throw new RouteConflictException($"You cannot use different slug names for the same dynamic path ('{node.DynamicName}' !== '{segment.Value}') in '{route.Pattern}'.");
                    }

                    node.DynamicName = segment.Value;
                    node = node.Dynamic ??= new Node();
                    break;
                case SegmentKind.CatchAll:
                case SegmentKind.OptionalCatchAll:
                    if (!last) throw new RouteConflictException($"Catch-all must be the last part of the URL in '{route.Pattern}'.");
                    if (segment.Kind == SegmentKind.CatchAll) node.CatchAll = Claim(node.CatchAll, route);
                    else node.OptionalCatchAll = Claim(node.OptionalCatchAll, route);
                    if (node.CatchAll is not null && node.OptionalCatchAll is not null)
                    {
                        throw new RouteConflictException($"You cannot use both a required and an optional catch-all route at the same level ('{node.CatchAll.Pattern}' and '{node.OptionalCatchAll.Pattern}').");
                    }

                    CheckOptionalCatchAllSpecificity(node);
                    return;
                default:
                    throw new RouteConflictException($"Route '{route.Pattern}' has a segment of kind {segment.Kind}, which cannot be part of a URL.");
            }
        }

        node.Route = Claim(node.Route, route);
        CheckOptionalCatchAllSpecificity(node);
    }

    private static void CheckOptionalCatchAllSpecificity(Node node)
    {
        if (node.Route is not null && node.OptionalCatchAll is not null)
        {
            throw new RouteConflictException($"You cannot define a route with the same specificity as an optional catch-all route ('{node.Route.Pattern}' and '{node.OptionalCatchAll.Pattern}').");
        }
    }

    private static TRoute Claim(TRoute? existing, TRoute route)
    {
        if (existing is not null)
        {
            throw new RouteConflictException($"Conflicting routes at {route.Pattern}: route at {existing.AppPath} and route at {route.AppPath}.");
        }

        return route;
    }

    private sealed class Node
    {
        private Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private Dictionary<string, Node>? _static;

        public Dictionary<string, Node>? Static
        {
            get => _static;
            set
            {
                _static = value;
                if (value is not null) _lookup = value.GetAlternateLookup<ReadOnlySpan<char>>();
            }
        }

        public Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> StaticLookup => _lookup;

        public string? DynamicName { get; set; }

        public Node? Dynamic { get; set; }

        public TRoute? CatchAll { get; set; }

        public TRoute? OptionalCatchAll { get; set; }

        public TRoute? Route { get; set; }
    }
}
