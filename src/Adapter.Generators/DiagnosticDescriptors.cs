using Microsoft.CodeAnalysis;

namespace NextRouteHandlers.Generators;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable: documentation and users' <c>NoWarn</c> lists refer to
/// them. Errors are what <c>next build</c> (or <c>next start</c>) rejects; warnings are likely mistakes that Next.js
/// silently ignores. Each is written out with constants, so the release tracking analyzer checks its id, category
/// and severity against <c>AnalyzerReleases.Unshipped.md</c> / <c>AnalyzerReleases.Shipped.md</c>.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "RouteHandlers";

    public static readonly DiagnosticDescriptor PageConflict = new("RH0001", "Route and page at the same URL",
        "Conflicting route and page at {0}: route at {1} and page at {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateRoute = new("RH0002", "Two routes for one URL",
        "Conflicting routes at {0}: route at {1} and route at {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DifferentSlugNames = new("RH0003", "Different parameter names at one level",
        "You cannot use different slug names for the same dynamic path ('{0}' !== '{1}'): {2} and {3}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor CatchAllNotLast = new("RH0004", "Catch-all segment is not last",
        "Catch-all must be the last part of the URL: '{0}' in {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OptionalCatchAllSpecificity = new("RH0005", "Route as specific as an optional catch-all",
        "You cannot define a route with the same specificity as an optional catch-all route ('{0}' and '{1}')",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RequiredAndOptionalCatchAll = new("RH0006", "Required and optional catch-all at one level",
        "You cannot use both a required and an optional catch-all route at the same level ('{0}' and '{1}')",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidSegment = new("RH0007", "Invalid segment name",
        "Invalid folder name in {0}: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RepeatedParameter = new("RH0008", "Repeated parameter name",
        "{0} in {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RouteInSlotOrInterception = new("RH0009", "Route handler in a parallel or intercepting folder",
        "Route handlers cannot live in '{0}' ({1}): parallel route slots (@folder) and intercepting routes ((.)folder) are for pages only",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidConfigValue = new("RH0010", "Invalid segment config value",
        "{0} in {1}: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidHandler = new("RH0011", "Invalid route handler",
        "Handler '{0}' in {1}: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotAHandler = new("RH0012", "Method looks like a handler but is not one",
        "'{0}' in {1} is not a route handler and will not be called: {2}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoRouteClass = new("RH0013", "Route file declares no class",
        "{0} must declare one class holding its handlers (public static GET, POST, ...)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SeveralRouteClasses = new("RH0014", "Route file declares several handler classes",
        "{0} declares handlers in more than one class ({1}); keep them in one class",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidMetadataFile = new("RH0015", "Invalid metadata file",
        "{0}: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MetadataConflict = new("RH0016", "Route and metadata file at the same URL",
        "Conflicting route and metadata at {0}: {1} and {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidProxyMatcher = new("RH0017", "Invalid proxy matcher",
        "Proxy matcher in {0}: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidProxy = new("RH0018", "Invalid proxy",
        "Proxy in {0}: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ProxyNotAtRoot = new("RH0019", "Proxy file not at the app root",
        "{0} is not run: the proxy is app/proxy.cs, at the root of the app folder (one per app, as in Next.js); move it there or rename it",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MetadataFilesConflict = new("RH0020", "Two metadata files for one URL",
        "Conflicting metadata files at {0}: {1} and {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RootOnlyMetadataFileBelowRoot = new("RH0021", "Root-only metadata file below the app root",
        "{0} is not served: Next.js serves {1} only from the root of the app folder",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor[] All =
    [
        PageConflict, DuplicateRoute, DifferentSlugNames, CatchAllNotLast, OptionalCatchAllSpecificity, RequiredAndOptionalCatchAll,
        InvalidSegment, RepeatedParameter, RouteInSlotOrInterception, InvalidConfigValue, InvalidHandler, NotAHandler, NoRouteClass,
        SeveralRouteClasses, InvalidMetadataFile, MetadataConflict, InvalidProxyMatcher, InvalidProxy, ProxyNotAtRoot,
        MetadataFilesConflict, RootOnlyMetadataFileBelowRoot,
    ];

    public static DiagnosticDescriptor ById(string id) => All.First(d => d.Id == id);
}
