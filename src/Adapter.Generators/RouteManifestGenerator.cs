using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NextRouteHandlers.Generators.Model;

namespace NextRouteHandlers.Generators;

/// <summary>
/// The source generator: every <c>route.cs</c> under the app folder (MSBuild property
/// <c>RouteHandlersAppDirectory</c>, default <c>app/</c>) becomes a route of the generated <c>AppRoutes.Manifest</c>,
/// and <c>app/proxy.cs</c> its proxy. Parsing is per file (<see cref="RouteFileParser"/>,
/// <see cref="ProxyFileParser"/>) so an edit re-reads one file; validation across the tree
/// (<see cref="AppTreeValidator"/>) and emission (<see cref="ManifestEmitter"/>) run on the collected models.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RouteManifestGenerator : IIncrementalGenerator
{
    private const string RouteFileName = "/route.cs";
    private const string ProxyFileName = "/" + ProxyFileParser.FileName;

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider.Select(static (provider, _) =>
        {
            var global = provider.GlobalOptions;
            global.TryGetValue("build_property.RouteHandlersAppDirectory", out var appDirectory);
            global.TryGetValue("build_property.ProjectDir", out var projectDirectory);
            global.TryGetValue("build_property.RootNamespace", out var rootNamespace);
            var project = PathText.AsDirectory(projectDirectory);
            var app = PathText.AsDirectory(appDirectory);
            if (app.Length == 0 && project.Length > 0) app = project + "app/";
            return new AppOptions(app, project, rootNamespace ?? string.Empty);
        });

        var routeFiles = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is CompilationUnitSyntax && IsCandidate(PathText.Normalize(node.SyntaxTree.FilePath)),
                static (syntax, cancellationToken) => (Unit: (CompilationUnitSyntax)syntax.Node, syntax.SemanticModel))
            .Combine(options)
            .Where(static pair => pair.Right.Contains(pair.Left.Unit.SyntaxTree.FilePath) && !pair.Right.IsInPrivateFolder(pair.Left.Unit.SyntaxTree.FilePath))
            .Select(static (pair, cancellationToken) => (pair.Left.Unit, pair.Left.SemanticModel, Options: pair.Right, Metadata: MetadataConventionOf(pair.Left.Unit.SyntaxTree.FilePath, pair.Right)))
            .Where(static file => file.Metadata is not null || PathText.Normalize(file.Unit.SyntaxTree.FilePath).EndsWith(RouteFileName, StringComparison.Ordinal))
            .Select(static (file, cancellationToken) => RouteFileParser.Parse(file.Unit, file.SemanticModel, file.Options, cancellationToken, file.Metadata))
            .Collect();

        var proxyFiles = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is CompilationUnitSyntax && PathText.Normalize(node.SyntaxTree.FilePath).EndsWith(ProxyFileName, StringComparison.Ordinal),
                static (syntax, cancellationToken) => (Unit: (CompilationUnitSyntax)syntax.Node, syntax.SemanticModel))
            .Combine(options)
            .Where(static pair => pair.Right.Contains(pair.Left.Unit.SyntaxTree.FilePath) && !pair.Right.IsInPrivateFolder(pair.Left.Unit.SyntaxTree.FilePath))
            .Select(static (pair, cancellationToken) => ProxyFileParser.Parse(pair.Left.Unit, pair.Left.SemanticModel, pair.Right, cancellationToken))
            .Collect();

        var pageFiles = context.AdditionalTextsProvider
            .Select(static (text, _) => PathText.Normalize(text.Path))
            .Where(static path => System.IO.Path.GetFileNameWithoutExtension(path) == "page")
            .Collect();

        context.RegisterSourceOutput(routeFiles.Combine(proxyFiles).Combine(pageFiles).Combine(options), static (output, input) =>
        {
            var (((routes, proxies), pages), appOptions) = input;
            Execute(output, routes, proxies, pages.Where(p => appOptions.Contains(p) && !appOptions.IsInPrivateFolder(p)), appOptions);
        });
    }

    private static bool IsCandidate(string path) =>
        path.EndsWith(RouteFileName, StringComparison.Ordinal) || MetadataConvention.ForFile(System.IO.Path.GetFileName(path)) is not null;

    /// <summary>The metadata convention a file follows, or null (also for <c>robots.cs</c> below the app root, which Next.js does not serve).</summary>
    private static MetadataConvention? MetadataConventionOf(string filePath, AppOptions options)
    {
        var relative = options.RelativeToApp(filePath);
        var convention = MetadataConvention.ForFile(System.IO.Path.GetFileName(relative));
        return convention is null || (convention.RootOnly && relative.IndexOf('/') >= 0) ? null : convention;
    }

    private static void Execute(SourceProductionContext output, ImmutableArray<RouteFileModel> routes, ImmutableArray<ProxyFileModel> proxies, IEnumerable<string> pages, AppOptions options)
    {
        foreach (var diagnostic in routes.SelectMany(r => r.Diagnostics).Concat(proxies.SelectMany(p => p.Diagnostics))) output.ReportDiagnostic(diagnostic.ToDiagnostic());
        var validator = new AppTreeValidator(options);
        var valid = validator.Validate(routes.Where(r => r.ClassName is not null), pages);
        foreach (var diagnostic in validator.Diagnostics) output.ReportDiagnostic(diagnostic.ToDiagnostic());
        output.AddSource("AppRoutes.g.cs", ManifestEmitter.Emit(options.RootNamespace, valid, proxies.FirstOrDefault(p => p.IsValid)));
    }
}
