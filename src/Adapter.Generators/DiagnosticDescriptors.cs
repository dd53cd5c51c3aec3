using Microsoft.CodeAnalysis;

namespace NextRouteHandlers.Generators;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable: documentation and users' <c>NoWarn</c> lists refer to
/// them. Errors are what <c>next build</c> (or <c>next start</c>) rejects; warnings are likely mistakes that Next.js
/// silently ignores.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "RouteHandlers";

    public static readonly DiagnosticDescriptor PageConflict = Error("RH0001", "Route and page at the same URL",
        "Conflicting route and page at {0}: route at {1} and page at {2}");

    public static readonly DiagnosticDescriptor DuplicateRoute = Error("RH0002", "Two routes for one URL",
        "Conflicting routes at {0}: route at {1} and route at {2}");

    public static readonly DiagnosticDescriptor DifferentSlugNames = Error("RH0003", "Different parameter names at one level",
        "You cannot use different slug names for the same dynamic path ('{0}' !== '{1}'): {2} and {3}");

    public static readonly DiagnosticDescriptor CatchAllNotLast = Error("RH0004", "Catch-all segment is not last",
        "Catch-all must be the last part of the URL: '{0}' in {1}");

    public static readonly DiagnosticDescriptor OptionalCatchAllSpecificity = Error("RH0005", "Route as specific as an optional catch-all",
        "You cannot define a route with the same specificity as an optional catch-all route ('{0}' and '{1}')");

    public static readonly DiagnosticDescriptor RequiredAndOptionalCatchAll = Error("RH0006", "Required and optional catch-all at one level",
        "You cannot use both a required and an optional catch-all route at the same level ('{0}' and '{1}')");

    public static readonly DiagnosticDescriptor InvalidSegment = Error("RH0007", "Invalid segment name",
        "Invalid folder name in {0}: {1}");

    public static readonly DiagnosticDescriptor RepeatedParameter = Error("RH0008", "Repeated parameter name",
        "{0} in {1}");

    public static readonly DiagnosticDescriptor RouteInSlotOrInterception = Error("RH0009", "Route handler in a parallel or intercepting folder",
        "Route handlers cannot live in '{0}' ({1}): parallel route slots (@folder) and intercepting routes ((.)folder) are for pages only");

    public static readonly DiagnosticDescriptor InvalidConfigValue = Error("RH0010", "Invalid segment config value",
        "{0} in {1}: {2}");

    public static readonly DiagnosticDescriptor InvalidHandler = Error("RH0011", "Invalid route handler",
        "Handler '{0}' in {1}: {2}");

    public static readonly DiagnosticDescriptor NotAHandler = Warning("RH0012", "Method looks like a handler but is not one",
        "'{0}' in {1} is not a route handler and will not be called: {2}");

    public static readonly DiagnosticDescriptor NoRouteClass = Error("RH0013", "Route file declares no class",
        "{0} must declare one class holding its handlers (public static GET, POST, ...)");

    public static readonly DiagnosticDescriptor SeveralRouteClasses = Error("RH0014", "Route file declares several handler classes",
        "{0} declares handlers in more than one class ({1}); keep them in one class");

    public static readonly DiagnosticDescriptor InvalidMetadataFile = Error("RH0015", "Invalid metadata file",
        "{0}: {1}");

    public static readonly DiagnosticDescriptor MetadataConflict = Error("RH0016", "Route and metadata file at the same URL",
        "Conflicting route and metadata at {0}: {1} and {2}");

    public static readonly DiagnosticDescriptor InvalidProxyMatcher = Error("RH0017", "Invalid proxy matcher",
        "Proxy matcher in {0}: {1}");

    public static readonly DiagnosticDescriptor InvalidProxy = Error("RH0018", "Invalid proxy",
        "Proxy in {0}: {1}");

    public static readonly DiagnosticDescriptor ProxyNotAtRoot = Error("RH0019", "Proxy file not at the app root",
        "{0} is not run: the proxy is app/proxy.cs, at the root of the app folder (one per app, as in Next.js); move it there or rename it");

    private static readonly DiagnosticDescriptor[] All =
    [
        PageConflict, DuplicateRoute, DifferentSlugNames, CatchAllNotLast, OptionalCatchAllSpecificity, RequiredAndOptionalCatchAll,
        InvalidSegment, RepeatedParameter, RouteInSlotOrInterception, InvalidConfigValue, InvalidHandler, NotAHandler, NoRouteClass,
        SeveralRouteClasses, InvalidMetadataFile, MetadataConflict, InvalidProxyMatcher, InvalidProxy, ProxyNotAtRoot,
    ];

    public static DiagnosticDescriptor ById(string id) => All.First(d => d.Id == id);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
