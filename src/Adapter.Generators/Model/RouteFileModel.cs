namespace NextRouteHandlers.Generators.Model;

/// <summary>What one <c>route.cs</c> or metadata file declares, as plain values.</summary>
/// <param name="FilePath">The file's full path, with <c>/</c> separators.</param>
/// <param name="ClassName">The fully qualified handler class (<c>global::Ns.ItemRoute</c>), or null when there is nothing to serve.</param>
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
/// <param name="UrlSegment">The last URL segment it serves (<c>robots.txt</c>).</param>
/// <param name="Responder">The <c>MetadataResponses</c> method that turns the content into a response (<c>Robots</c>).</param>
/// <param name="ContentType">For images, the content type the responder is given; null otherwise.</param>
internal sealed record MetadataRouteModel(string UrlSegment, string Responder, string? ContentType);

/// <summary>A per-file model: the pipeline places it in the app by its path.</summary>
internal interface IFileModel
{
    /// <summary>The file's full path, with <c>/</c> separators.</summary>
    string FilePath { get; }
}
