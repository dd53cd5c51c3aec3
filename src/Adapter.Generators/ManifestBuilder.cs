using System.Collections.Immutable;
using NextRouteHandlers.Generators.Model;

namespace NextRouteHandlers.Generators;

/// <summary>
/// The pipeline's one step across files: from the placed models of every route, metadata and proxy file and the
/// page paths, the validated app (<see cref="AppTreeValidator"/>): the manifest to emit and every diagnostic, the
/// files' own first (by file), then the tree's. It runs again whenever one of its inputs changes; what it returns
/// is a value, so an edit that changes nothing the manifest holds emits nothing.
/// </summary>
internal static class ManifestBuilder
{
    public static ValidatedApp Build(
        ImmutableArray<RouteFileModel> routeFiles,
        ImmutableArray<RouteFileModel> metadataFiles,
        ImmutableArray<ProxyFileModel> proxyFiles,
        ImmutableArray<string> pageFiles,
        AppOptions options)
    {
        var files = routeFiles.Concat(metadataFiles).OrderBy(f => f.FilePath, StringComparer.Ordinal).ToList();
        var proxies = proxyFiles.OrderBy(p => p.FilePath, StringComparer.Ordinal).ToList();
        var diagnostics = files.SelectMany(f => f.Diagnostics).Concat(proxies.SelectMany(p => p.Diagnostics)).ToList();

        var validator = new AppTreeValidator(options);
        var routes = validator.Validate(files.Where(f => f.ClassName is not null), pageFiles)
            .Select(r => new RouteEntryModel(r.Pattern, r.AppPath, r.DisplayPath, r.File.ClassName!, r.File.Handlers, r.File.Config, r.File.Metadata));
        diagnostics.AddRange(validator.Diagnostics);

        var proxy = proxies.FirstOrDefault(p => p.IsValid);
        var proxyEntry = proxy is null ? null : new ProxyEntryModel(options.DisplayPath(proxy.FilePath), proxy.ClassName!, proxy.Handler!, proxy.Matcher);
        var manifest = new ManifestModel(options.RootNamespace, EquatableArray.From(routes), proxyEntry);
        return new ValidatedApp(manifest, EquatableArray.From(diagnostics));
    }
}
