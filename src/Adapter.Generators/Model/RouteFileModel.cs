namespace NextRouteHandlers.Generators.Model;

/// <summary>What one <c>route.cs</c> file declares, as plain values.</summary>
/// <param name="FilePath">The file's full path, with <c>/</c> separators.</param>
/// <param name="ClassName">The fully qualified handler class (<c>global::Ns.ItemRoute</c>), or null when the file declares none.</param>
/// <param name="Location">Where conflicts involving this route are reported: the class name, or the file.</param>
/// <param name="Handlers">The bound handler methods.</param>
/// <param name="Config">The segment config.</param>
/// <param name="Diagnostics">Problems found in the file itself.</param>
/// <param name="MetadataUrlSegment">For a metadata file, the URL segment it serves (<c>robots.txt</c>); null for <c>route.cs</c>.</param>
internal sealed record RouteFileModel(
    string FilePath,
    string? ClassName,
    LocationInfo Location,
    EquatableArray<HandlerModel> Handlers,
    ConfigModel Config,
    EquatableArray<DiagnosticInfo> Diagnostics,
    string? MetadataUrlSegment = null);
