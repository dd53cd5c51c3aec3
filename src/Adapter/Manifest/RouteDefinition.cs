using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Manifest;

/// <summary>One route of the manifest: a <c>route.cs</c> file, its URL pattern, its handlers and its segment config.</summary>
public sealed record RouteDefinition : IRoutePattern
{
    /// <summary>Creates a route.</summary>
    /// <param name="pattern">The URL pattern: <c>/</c>, <c>/items/[slug]</c>, <c>/docs/[[...path]]</c>.</param>
    /// <param name="appPath">The folder path under <c>app/</c> with groups and the leaf, as Next.js names it: <c>/(shop)/items/[slug]/route</c>.</param>
    /// <param name="sourceFile">The route file relative to the project, for messages: <c>app/items/[slug]/route.cs</c>.</param>
    /// <param name="handlers">The exported method handlers.</param>
    /// <param name="config">The segment config.</param>
    public RouteDefinition(string pattern, string appPath, string sourceFile, RouteHandlerTable handlers, RouteSegmentConfig? config = null)
    {
        Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
        AppPath = appPath ?? throw new ArgumentNullException(nameof(appPath));
        SourceFile = sourceFile ?? throw new ArgumentNullException(nameof(sourceFile));
        Handlers = handlers ?? throw new ArgumentNullException(nameof(handlers));
        Config = config ?? RouteSegmentConfig.Default;
        Segments = SegmentParser.ParsePattern(pattern);
        Allow = AllowHeader.For(handlers);
    }

    /// <summary>The URL pattern: <c>/</c>, <c>/items/[slug]</c>, <c>/docs/[[...path]]</c>.</summary>
    public string Pattern { get; }

    /// <summary>The folder path under <c>app/</c> with groups and the leaf: <c>/(shop)/items/[slug]/route</c>.</summary>
    public string AppPath { get; }

    /// <summary>The route file relative to the project: <c>app/items/[slug]/route.cs</c>.</summary>
    public string SourceFile { get; }

    /// <summary>The exported method handlers.</summary>
    public RouteHandlerTable Handlers { get; }

    /// <summary>The segment config.</summary>
    public RouteSegmentConfig Config { get; }

    /// <summary>The segments of <see cref="Pattern"/>.</summary>
    internal IReadOnlyList<RouteSegment> Segments { get; }

    IReadOnlyList<RouteSegment> IRoutePattern.Segments => Segments;

    /// <summary>The value of <c>Allow</c> for the automatic OPTIONS and for 405: exported methods, HEAD with GET, and OPTIONS, sorted.</summary>
    public string Allow { get; }

    /// <summary>A <c>route.cs</c> handler or a metadata file.</summary>
    public RouteKind Kind { get; init; } = RouteKind.Handler;

    /// <summary>True when the pattern has no dynamic segment.</summary>
    public bool IsStatic => Segments.All(s => s.Kind == SegmentKind.Static);
}
