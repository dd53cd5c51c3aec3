namespace NextRouteHandlers.Generators.Model;

/// <summary>What one <c>route.cs</c> or metadata file declares, as plain values.</summary>
/// <param name="FilePath">The file's full path, with <c>/</c> separators.</param>
/// <param name="ClassName">The fully qualified handler class (<c>global::Ns.ItemRoute</c>), empty for a static metadata file, or null when there is nothing to serve.</param>
/// <param name="Location">Where conflicts involving this route are reported: the class name, or the file.</param>
/// <param name="Handlers">The bound handler methods.</param>
/// <param name="Config">The segment config.</param>
/// <param name="Diagnostics">Problems found in the file itself.</param>
/// <param name="Metadata">For a metadata file, what it serves and how; null for <c>route.cs</c>.</param>
internal sealed record RouteFileModel(
    string FilePath,
    string? ClassName,
    LocationInfo Location,
    EquatableArray<HandlerModel> Handlers,
    ConfigModel Config,
    EquatableArray<DiagnosticInfo> Diagnostics,
    MetadataRouteModel? Metadata = null) : IFileModel;

/// <summary>What makes a metadata file's route different from a handler's.</summary>
/// <param name="UrlSegment">The last URL segment it serves (<c>robots.txt</c>), before a route group's suffix.</param>
/// <param name="Responder">The <c>MetadataResponses</c> method that turns the content into a response (<c>Robots</c>); empty for a static file.</param>
/// <param name="ContentType">For images and static files, the content type of the response; null otherwise.</param>
/// <param name="ResourceName">For a static file (<c>robots.txt</c>, <c>icon.png</c>), the name it is embedded under; null for a code file.</param>
internal sealed record MetadataRouteModel(string UrlSegment, string Responder, string? ContentType, string? ResourceName = null)
{
    /// <summary>
    /// The name of the file kind: the segment before its first dot (<c>robots</c>, <c>sitemap</c>, <c>icon1</c>).
    /// </summary>
    public string Kind => UrlSegment.IndexOf('.') is var dot and > 0 ? UrlSegment.Substring(0, dot) : UrlSegment;
}

/// <summary>A per-file model: the pipeline places it in the app by its path.</summary>
internal interface IFileModel
{
    /// <summary>The file's full path, with <c>/</c> separators.</summary>
    string FilePath { get; }
}
