using System.Collections.Immutable;
using NextRouteHandlers.Generators.Model;

namespace NextRouteHandlers.Generators;

/// <summary>
/// Places the per-file models in the app once the analyzer options say where the app and the project are: a file
/// outside the app folder or in a private folder is dropped (it is ordinary code, with no diagnostics), a root-only
/// metadata file below the root is dropped (a static one with the warning RH0021), a <c>proxy.cs</c> below the root
/// becomes RH0019, and the file's own diagnostics get its name. Each method returns no model or one, for <c>SelectMany</c>.
/// </summary>
internal static class AppFiles
{
    public static ImmutableArray<RouteFileModel> Route(RouteFileModel file, AppOptions options) =>
        options.Serves(file.FilePath) ? [Named(file, options)] : [];

    public static ImmutableArray<RouteFileModel> Metadata(RouteFileModel file, AppOptions options)
    {
        if (!options.Serves(file.FilePath)) return [];
        var relative = options.RelativeToApp(file.FilePath);
        var convention = MetadataConvention.ForFile(System.IO.Path.GetFileName(relative));

        // robots.cs and manifest.cs below the root are ordinary files: Next.js serves them only from app/.
        if (convention is null || (convention.RootOnly && relative.IndexOf('/') >= 0)) return [];
        return [Named(file, options)];
    }

    /// <summary>A static metadata file, given relative to the app folder as the build lists it (<see cref="StaticFileParser"/>).</summary>
    public static ImmutableArray<RouteFileModel> StaticFile(string relativePath, AppOptions options)
    {
        if (options.AppDirectory.Length == 0) return [];
        var filePath = options.AppDirectory + relativePath;
        if (!options.Serves(filePath)) return [];
        var fileName = relativePath.Substring(relativePath.LastIndexOf('/') + 1);
        if (StaticFileConvention.ForFile(fileName) is not { } convention) return [];
        if (convention.RootOnly && relativePath.IndexOf('/') >= 0)
        {
            var location = LocationInfo.AtFile(filePath);
            var warning = DiagnosticInfo.Create(DiagnosticDescriptors.RootOnlyMetadataFileBelowRoot, location, options.DisplayPath(filePath), fileName);
            return [new RouteFileModel(filePath, null, location, EquatableArray<HandlerModel>.Empty, ConfigModel.Empty, EquatableArray.From([warning]))];
        }

        return [StaticFileParser.Model(filePath, relativePath, convention)];
    }

    public static ImmutableArray<ProxyFileModel> Proxy(ProxyFileModel file, AppOptions options)
    {
        if (!options.Serves(file.FilePath)) return [];
        var display = options.DisplayPath(file.FilePath);
        if (options.RelativeToApp(file.FilePath) != ProxyFileParser.FileName)
        {
            return [ProxyFileModel.Invalid(file.FilePath, file.FileLocation, DiagnosticInfo.Create(DiagnosticDescriptors.ProxyNotAtRoot, file.FileLocation, display))];
        }

        return [file with { Diagnostics = Named(file.Diagnostics, display) }];
    }

    public static ImmutableArray<string> Page(string path, AppOptions options) =>
        options.Serves(path) ? [path] : [];

    private static RouteFileModel Named(RouteFileModel file, AppOptions options) =>
        file.Diagnostics.Length == 0 ? file : file with { Diagnostics = Named(file.Diagnostics, options.DisplayPath(file.FilePath)) };

    private static EquatableArray<DiagnosticInfo> Named(EquatableArray<DiagnosticInfo> diagnostics, string display) =>
        diagnostics.Length == 0 ? diagnostics : EquatableArray.From(diagnostics.Select(d => d.Naming(display)));
}
