using System.Text.RegularExpressions;
using NextRouteHandlers.Generators.Model;
using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Generators;

/// <summary>A route that passed validation: its URL pattern and the file it comes from.</summary>
internal sealed record ValidRoute(string Pattern, string AppPath, string DisplayPath, RouteSegment[] Segments, RouteFileModel File);

/// <summary>
/// Turns file paths under <c>app/</c> into URL patterns and rejects what Next.js rejects: invalid folder names,
/// routes under slots or interception folders, catch-alls that are not last, repeated parameter names, and the
/// conflicts between routes (and pages) that share a URL or a level of the tree.
/// </summary>
internal sealed class AppTreeValidator
{
    private static readonly Regex NonWord = new(@"\W", RegexOptions.CultureInvariant);
    private readonly AppOptions _options;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly Node _root = new();
    private readonly Dictionary<(string Folder, string Kind), ValidRoute> _oneOfAKind = [];

    public AppTreeValidator(AppOptions options) => _options = options;

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    /// <summary>Validates every route and page, and returns the routes to emit in precedence order.</summary>
    public IReadOnlyList<ValidRoute> Validate(IEnumerable<RouteFileModel> routeFiles, IEnumerable<string> pageFiles)
    {
        var routes = new List<ValidRoute>();
        foreach (var file in routeFiles.OrderBy(f => f.FilePath, StringComparer.Ordinal))
        {
            var route = ToRoute(file.FilePath, file.Location, isPage: false, file.Metadata?.UrlSegment);
            if (route is null) continue;
            routes.Add(new ValidRoute(route.Value.Pattern, route.Value.AppPath, _options.DisplayPath(file.FilePath), route.Value.Segments, file));
        }

        routes.Sort((a, b) => RoutePrecedence.Instance.Compare(a.Segments, b.Segments) is var order and not 0 ? order : string.CompareOrdinal(a.AppPath, b.AppPath));
        var accepted = routes.Where(r => !IsSecondOfOneKind(r) && Insert(r)).ToList();

        foreach (var page in pageFiles.OrderBy(p => p, StringComparer.Ordinal))
        {
            var location = LocationInfo.AtFile(page);
            var pageRoute = ToRoute(page, location, isPage: true);
            if (pageRoute is null) continue;
            var clash = accepted.FirstOrDefault(r => r.Pattern == pageRoute.Value.Pattern);
            if (clash is not null)
            {
                Report(DiagnosticDescriptors.PageConflict, clash.File.Location, clash.Pattern, clash.AppPath, pageRoute.Value.AppPath);
            }
        }

        return accepted;
    }

    // A page only matters when it shares a route's URL: folders that are wrong for a route (slots, interception) or
    // that Next.js rejects are the page's own business, so for pages the checks skip the page without a diagnostic.
    private (string Pattern, string AppPath, RouteSegment[] Segments)? ToRoute(string filePath, LocationInfo location, bool isPage, string? metadataUrlSegment = null)
    {
        void Reject(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, params string[] arguments)
        {
            if (!isPage) Report(descriptor, location, arguments);
        }

        var relative = _options.RelativeToApp(filePath);
        var folders = relative.Split('/');
        var leaf = folders[folders.Length - 1];
        var leafName = leaf.IndexOf('.') is var dot and >= 0 ? leaf.Substring(0, dot) : leaf;
        var segments = new List<RouteSegment>();
        var display = _options.DisplayPath(filePath);
        var valid = true;
        for (var i = 0; i < folders.Length - 1; i++)
        {
            var segment = SegmentParser.ParseFolder(folders[i]);
            switch (segment.Kind)
            {
                case SegmentKind.Private:
                    return null;
                case SegmentKind.ParallelSlot:
                case SegmentKind.Interception:
                    Reject(DiagnosticDescriptors.RouteInSlotOrInterception, folders[i], display);
                    valid = false;
                    break;
                case SegmentKind.Invalid:
                    Reject(DiagnosticDescriptors.InvalidSegment, display, SegmentParser.Describe(segment));
                    valid = false;
                    break;
                case SegmentKind.Group:
                    break;
                default:
                    segments.Add(segment);
                    break;
            }
        }

        if (!valid) return null;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (!segment.IsParameter) continue;
            if (segment.Kind != SegmentKind.Dynamic && i != segments.Count - 1)
            {
                Reject(DiagnosticDescriptors.CatchAllNotLast, segment.ToPatternText(), display);
                return null;
            }

            var key = NonWord.Replace(segment.Value, string.Empty);
            if (names.TryGetValue(key, out var previous))
            {
                var message = previous == segment.Value
                    ? $"You cannot have the same slug name '{segment.Value}' repeat within a single dynamic path"
                    : $"You cannot have the slug names '{previous}' and '{segment.Value}' differ only by non-word symbols within a single dynamic path";
                Reject(DiagnosticDescriptors.RepeatedParameter, message, display);
                return null;
            }

            names.Add(key, segment.Value);
        }

        var folderPath = folders.Take(folders.Length - 1);
        if (metadataUrlSegment is not null)
        {
            // robots.cs serves /robots.txt: Next.js names its app path /robots.txt/route. In a route group, the name
            // gets the group's suffix (icon.png in app/(shop)/ serves /icon-<suffix>.png).
            metadataUrlSegment = MetadataUrlSuffix.Apply(metadataUrlSegment, folders.Take(folders.Length - 1));
            segments.Add(new RouteSegment(SegmentKind.Static, metadataUrlSegment));
            folderPath = folderPath.Concat([metadataUrlSegment]);
            leafName = "route";
        }

        var pattern = "/" + string.Join("/", segments.Select(s => s.ToPatternText()));
        var appPath = "/" + string.Join("/", folderPath.Concat([leafName]));
        return (pattern, appPath, segments.ToArray());
    }

    private bool Insert(ValidRoute route)
    {
        var node = _root;
        foreach (var segment in route.Segments)
        {
            switch (segment.Kind)
            {
                case SegmentKind.Static:
                    if (!node.Static.TryGetValue(segment.Value, out var child)) node.Static[segment.Value] = child = new Node();
                    node = child;
                    break;
                case SegmentKind.Dynamic:
                    if (node.DynamicOwner is { } owner && owner.name != segment.Value)
                    {
                        Report(DiagnosticDescriptors.DifferentSlugNames, route.File.Location, owner.name, segment.Value, owner.route.DisplayPath, route.DisplayPath);
                        return false;
                    }

                    node.DynamicOwner ??= (segment.Value, route);
                    node = node.Dynamic ??= new Node();
                    break;
                case SegmentKind.CatchAll:
                    if (node.OptionalCatchAll is { } optional)
                    {
                        Report(DiagnosticDescriptors.RequiredAndOptionalCatchAll, route.File.Location, route.Pattern, optional.Pattern);
                        return false;
                    }

                    if (node.CatchAll is { } existingCatchAll)
                    {
                        ReportSameLevel(existingCatchAll, route, segment);
                        return false;
                    }

                    node.CatchAll = route;
                    return true;
                case SegmentKind.OptionalCatchAll:
                    if (node.CatchAll is { } required)
                    {
                        Report(DiagnosticDescriptors.RequiredAndOptionalCatchAll, route.File.Location, required.Pattern, route.Pattern);
                        return false;
                    }

                    if (node.OptionalCatchAll is { } existingOptional)
                    {
                        ReportSameLevel(existingOptional, route, segment);
                        return false;
                    }

                    if (node.Route is { } sameSpecificity)
                    {
                        Report(DiagnosticDescriptors.OptionalCatchAllSpecificity, route.File.Location, sameSpecificity.Pattern, route.Pattern);
                        return false;
                    }

                    node.OptionalCatchAll = route;
                    return true;
            }
        }

        if (node.Route is { } duplicate)
        {
            if (duplicate.File.Metadata is not null && route.File.Metadata is not null)
            {
                Report(DiagnosticDescriptors.MetadataFilesConflict, route.File.Location, route.Pattern, duplicate.DisplayPath, route.DisplayPath);
            }
            else if (duplicate.File.Metadata is not null || route.File.Metadata is not null)
            {
                Report(DiagnosticDescriptors.MetadataConflict, route.File.Location, route.Pattern, duplicate.DisplayPath, route.DisplayPath);
            }
            else
            {
                Report(DiagnosticDescriptors.DuplicateRoute, route.File.Location, route.Pattern, duplicate.AppPath, route.AppPath);
            }

            return false;
        }

        if (node.OptionalCatchAll is { } optionalHere)
        {
            Report(DiagnosticDescriptors.OptionalCatchAllSpecificity, route.File.Location, route.Pattern, optionalHere.Pattern);
            return false;
        }

        node.Route = route;
        return true;
    }

    /// <summary>
    /// True, with RH0020, for the second file of a kind Next.js keeps one of per folder (the sitemap) or per app
    /// (favicon, robots, manifest): <c>robots.cs</c> beside <c>robots.txt</c>, <c>manifest.json</c> beside
    /// <c>manifest.webmanifest</c>. Next.js serves one of them, whichever it lists last, and ignores the other.
    /// </summary>
    private bool IsSecondOfOneKind(ValidRoute route)
    {
        var kind = route.File.Metadata?.Kind;
        if (kind is not ("sitemap" or "favicon" or "robots" or "manifest")) return false;
        var folder = route.File.FilePath.Substring(0, route.File.FilePath.LastIndexOf('/') + 1);
        if (!_oneOfAKind.TryGetValue((folder, kind), out var first))
        {
            _oneOfAKind.Add((folder, kind), route);
            return false;
        }

        var urls = first.Pattern == route.Pattern ? route.Pattern : first.Pattern + " and " + route.Pattern;
        Report(DiagnosticDescriptors.MetadataFilesConflict, route.File.Location, urls, first.DisplayPath, route.DisplayPath);
        return true;
    }

    private void ReportSameLevel(ValidRoute existing, ValidRoute route, RouteSegment segment)
    {
        var existingName = existing.Segments[existing.Segments.Length - 1].Value;
        if (existingName == segment.Value) Report(DiagnosticDescriptors.DuplicateRoute, route.File.Location, route.Pattern, existing.AppPath, route.AppPath);
        else Report(DiagnosticDescriptors.DifferentSlugNames, route.File.Location, existingName, segment.Value, existing.DisplayPath, route.DisplayPath);
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    private sealed class Node
    {
        public Dictionary<string, Node> Static { get; } = new(StringComparer.Ordinal);

        public (string name, ValidRoute route)? DynamicOwner { get; set; }

        public Node? Dynamic { get; set; }

        public ValidRoute? CatchAll { get; set; }

        public ValidRoute? OptionalCatchAll { get; set; }

        public ValidRoute? Route { get; set; }
    }
}
