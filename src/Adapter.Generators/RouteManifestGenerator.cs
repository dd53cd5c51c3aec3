using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NextRouteHandlers.Generators.Model;

namespace NextRouteHandlers.Generators;

/// <summary>
/// The source generator: every <c>route.cs</c> under the app folder (MSBuild property
/// <c>RouteHandlersAppDirectory</c>, default <c>app/</c>) becomes a route of the generated <c>AppRoutes.Manifest</c>,
/// each metadata file (<c>robots.cs</c>, <c>robots.txt</c>, <c>icon.png</c>, ...) a metadata route, and <c>app/proxy.cs</c> its proxy.
/// </summary>
/// <remarks>
/// The pipeline carries values only (records of strings, numbers and <see cref="EquatableArray{T}"/>, no symbol,
/// syntax node, semantic model or compilation), so the driver can compare each step's output with the last run's:
/// <list type="number">
/// <item><see cref="TrackingNames.AppOptions"/>: the app folder, project folder and root namespace.</item>
/// <item>Per file (route, metadata, proxy; <see cref="TrackingNames.FileSteps"/>): the syntax transform binds the one
/// file with the semantic model into its model (<see cref="RouteFileParser"/>, <see cref="MetadataFileParser"/>,
/// <see cref="ProxyFileParser"/>); Roslyn runs it again for each such file when the compilation changes, but an
/// output equal to the last one stops there. Then the model is paired with the options and placed in the app
/// (<see cref="AppFiles"/>), and the models of each kind are collected. Page files give their paths only, static
/// metadata files (<see cref="StaticFileParser"/>) the paths the build lists.</item>
/// <item><see cref="TrackingNames.App"/>: validation across the tree (<see cref="ManifestBuilder"/>), the one step that
/// sees every file, returning the <see cref="ManifestModel"/> and the diagnostics.</item>
/// <item><see cref="TrackingNames.Manifest"/> and <see cref="TrackingNames.Diagnostics"/>: each feeds one output, so
/// <see cref="ManifestEmitter"/> runs only when the manifest's values change.</item>
/// </list>
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class RouteManifestGenerator : IIncrementalGenerator
{
    /// <summary>The name of the generated file.</summary>
    internal const string HintName = "AppRoutes.g.cs";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => AppOptions.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.AppOptions);

        var routeFiles = CSharpFiles(
            context,
            options,
            TrackingNames.Route,
            static name => name == RouteFileParser.FileName,
            static (syntax, cancellationToken) => RouteFileParser.Parse((CompilationUnitSyntax)syntax.Node, syntax.SemanticModel, cancellationToken),
            AppFiles.Route);

        var metadataFiles = CSharpFiles(
            context,
            options,
            TrackingNames.Metadata,
            static name => MetadataConvention.ForFile(name) is not null,
            static (syntax, cancellationToken) => MetadataFileParser.Parse((CompilationUnitSyntax)syntax.Node, syntax.SemanticModel, MetadataConvention.ForFile(FileName(syntax.Node.SyntaxTree.FilePath))!, cancellationToken),
            AppFiles.Metadata);

        var proxyFiles = CSharpFiles(
            context,
            options,
            TrackingNames.Proxy,
            static name => name == ProxyFileParser.FileName,
            static (syntax, cancellationToken) => ProxyFileParser.Parse((CompilationUnitSyntax)syntax.Node, syntax.SemanticModel, cancellationToken),
            AppFiles.Proxy);

        // The build lists the static files (robots.txt, icon.png, ...) in an option; their bytes are embedded, never read here.
        var staticFiles = Placed(
            context.AnalyzerConfigOptionsProvider.SelectMany(static (provider, _) => StaticFileParser.Listed(provider.GlobalOptions)),
            options,
            TrackingNames.StaticFile,
            AppFiles.StaticFile);

        var pageFiles = Placed(
            context.AdditionalTextsProvider
                .Select(static (text, _) => PathText.Normalize(text.Path))
                .Where(static path => System.IO.Path.GetFileNameWithoutExtension(path) == "page"),
            options,
            TrackingNames.Page,
            AppFiles.Page);

        var app = routeFiles
            .Combine(metadataFiles)
            .Combine(staticFiles)
            .Combine(proxyFiles)
            .Combine(pageFiles)
            .Combine(options)
            .Select(static (input, _) =>
            {
                var (((((routes, metadata), statics), proxies), pages), appOptions) = input;
                return ManifestBuilder.Build(routes, metadata.AddRange(statics), proxies, pages, appOptions);
            })
            .WithTrackingName(TrackingNames.App);

        var manifest = app.Select(static (validated, _) => validated.Manifest).WithTrackingName(TrackingNames.Manifest);
        var diagnostics = app.Select(static (validated, _) => validated.Diagnostics).WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(manifest, static (output, model) => output.AddSource(HintName, ManifestEmitter.Emit(model)));
        context.RegisterSourceOutput(diagnostics, static (output, models) =>
        {
            foreach (var diagnostic in models) output.ReportDiagnostic(diagnostic.ToDiagnostic());
        });
    }

    /// <summary>The per-file steps of one kind of C# file, collected: parsed, paired with the options, placed in the app.</summary>
    private static IncrementalValueProvider<ImmutableArray<T>> CSharpFiles<T>(
        IncrementalGeneratorInitializationContext context,
        IncrementalValueProvider<AppOptions> options,
        TrackingNames.FileSteps steps,
        Func<string, bool> isFileName,
        Func<GeneratorSyntaxContext, CancellationToken, T> parse,
        Func<T, AppOptions, ImmutableArray<T>> place) =>
        Placed(
            context.SyntaxProvider.CreateSyntaxProvider((node, _) => node is CompilationUnitSyntax && isFileName(FileName(node.SyntaxTree.FilePath)), parse),
            options,
            steps,
            place);

    /// <summary>The steps of one kind of file after it is read: paired with the options, placed in the app, collected.</summary>
    private static IncrementalValueProvider<ImmutableArray<TModel>> Placed<TFile, TModel>(
        IncrementalValuesProvider<TFile> files,
        IncrementalValueProvider<AppOptions> options,
        TrackingNames.FileSteps steps,
        Func<TFile, AppOptions, ImmutableArray<TModel>> place) =>
        files
            .WithTrackingName(steps.Parsed)
            .Combine(options)
            .WithTrackingName(steps.WithOptions)
            .SelectMany((pair, _) => place(pair.Left, pair.Right))
            .WithTrackingName(steps.InApp)
            .Collect()
            .WithTrackingName(steps.Collected);

    private static string FileName(string path) => path.Substring(path.LastIndexOfAny(['/', '\\']) + 1);
}
