using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace NextRouteHandlers.Generators.Tests;

/// <summary>
/// Runs <see cref="RouteManifestGenerator"/> on an in-memory project whose folder is <c>/proj/</c> and whose app
/// folder is <c>/proj/app/</c>, the way MSBuild would hand it the files and the global analyzer options.
/// </summary>
internal static class GeneratorHarness
{
    public const string ProjectDir = "/proj/";
    public const string AppDir = "/proj/app/";
    public const string RootNamespace = "TestApp";
    public const string GeneratedHintName = "AppRoutes.g.cs";

    /// <summary>The usings the package's targets file adds to a project, plus the SDK's implicit usings.</summary>
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using NextRouteHandlers;
        global using NextRouteHandlers.Http;
        global using NextRouteHandlers.Routing;
        global using NextRouteHandlers.Manifest;
        global using NextRouteHandlers.Proxy;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>The three global options MSBuild passes for a project at <c>/proj/</c>.</summary>
    public static IReadOnlyDictionary<string, string> DefaultGlobalOptions { get; } = new Dictionary<string, string>
    {
        ["build_property.RouteHandlersAppDirectory"] = AppDir,
        ["build_property.ProjectDir"] = ProjectDir,
        ["build_property.RootNamespace"] = RootNamespace,
    };

    /// <summary>The full path of a file given relative to <c>app/</c>; a path starting with <c>/</c> is kept as it is.</summary>
    public static string FullPath(string relativeOrAbsolute) =>
        relativeOrAbsolute.StartsWith('/') ? relativeOrAbsolute : AppDir + relativeOrAbsolute;

    /// <summary>Runs the generator on one route file.</summary>
    public static GeneratorRun RunOne(string relativePath, string source) => Run([(relativePath, source)]);

    /// <summary>Runs the generator.</summary>
    /// <param name="files">C# files as (path relative to <c>app/</c>, or absolute, and source text); route files and helpers alike.</param>
    /// <param name="pages">Page files (paths relative to <c>app/</c>) handed to the generator as AdditionalFiles.</param>
    /// <param name="globalOptions">The global analyzer options; <see cref="DefaultGlobalOptions"/> when null.</param>
    /// <param name="staticFiles">Static metadata files (paths relative to <c>app/</c>) the build lists, as <c>RouteHandlers.targets</c> would.</param>
    public static GeneratorRun Run(
        IEnumerable<(string Path, string Source)> files,
        IEnumerable<string>? pages = null,
        IReadOnlyDictionary<string, string>? globalOptions = null,
        IEnumerable<string>? staticFiles = null)
    {
        var compilation = CreateCompilation(files);
        var trees = compilation.SyntaxTrees.ToList();
        var driver = CreateDriver(pages, WithStaticFiles(globalOptions ?? DefaultGlobalOptions, staticFiles));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null) throw new InvalidOperationException("The generator threw.", result.Exception);

        // The generator's own diagnostics plus any the driver adds (such as a generator exception warning).
        var generatorDiagnostics = result.Diagnostics.AddRange(driverDiagnostics.Except(result.Diagnostics)).ToImmutableArray();
        var generated = result.GeneratedSources.SingleOrDefault(s => s.HintName == GeneratedHintName);
        return new GeneratorRun(
            generatorDiagnostics,
            generated.HintName is null ? null : generated.SourceText.ToString(),
            generated.HintName is null ? null : generated.SyntaxTree,
            output.GetDiagnostics(),
            output,
            trees.ToDictionary(t => t.FilePath, t => t.GetText(), StringComparer.Ordinal));
    }

    /// <summary>Runs the generator on static metadata files alone (paths relative to <c>app/</c>).</summary>
    public static GeneratorRun RunStatic(params string[] staticFiles) => Run([], staticFiles: staticFiles);

    /// <summary><paramref name="options"/> with the list of static metadata files the build writes, when there are any.</summary>
    public static IReadOnlyDictionary<string, string> WithStaticFiles(IReadOnlyDictionary<string, string> options, IEnumerable<string>? staticFiles)
    {
        if (staticFiles is null) return options;
        return new Dictionary<string, string>(options) { [StaticFileParser.ListOption] = StaticFileParser.Encode(staticFiles) };
    }

    /// <summary>A C# file as the compiler would parse it; a path relative to <c>app/</c> is made full.</summary>
    public static SyntaxTree Parse(string path, string source) =>
        CSharpSyntaxTree.ParseText(SourceText.From(source), ParseOptions, FullPath(path));

    /// <summary>The project's compilation: the files, the implicit global usings, and the runtime library's references.</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<(string Path, string Source)> files) =>
        CSharpCompilation.Create(
            "TestApp",
            files.Select(f => Parse(f.Path, f.Source)).Append(Parse(ProjectDir + "obj/GlobalUsings.g.cs", GlobalUsings)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A driver of the generator with the pages as AdditionalFiles and the global options; with <paramref name="trackSteps"/>, it records each step's run.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<string>? pages = null, IReadOnlyDictionary<string, string>? globalOptions = null, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new RouteManifestGenerator().AsSourceGenerator()],
            (pages ?? []).Select(p => (AdditionalText)new InMemoryAdditionalText(FullPath(p))),
            ParseOptions,
            new TestOptionsProvider(globalOptions ?? DefaultGlobalOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var runtime = typeof(NextRouteHandlers.Http.Response).Assembly.Location;
        var generator = typeof(RouteManifestGenerator).Assembly.Location;
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

        // The generator assembly is left out: it compiles in the shared routing types, which would clash with the runtime's.
        return platform
            .Append(runtime)
            .Where(path => !string.Equals(Path.GetFullPath(path), Path.GetFullPath(generator), StringComparison.Ordinal))
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private sealed class InMemoryAdditionalText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From("export default function Page() { return null; }");
    }

    private sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        private static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;
    }

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}

/// <summary>What one generator run produced.</summary>
/// <param name="GeneratorDiagnostics">The diagnostics the generator reported.</param>
/// <param name="GeneratedSource">The text of <c>AppRoutes.g.cs</c>, or null when it was not generated.</param>
/// <param name="GeneratedTree">The syntax tree of <c>AppRoutes.g.cs</c> in the output compilation.</param>
/// <param name="OutputDiagnostics">The diagnostics of the compilation with the generated file added.</param>
/// <param name="OutputCompilation">The compilation with the generated file added.</param>
/// <param name="Sources">The input files by full path.</param>
internal sealed record GeneratorRun(
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    string? GeneratedSource,
    SyntaxTree? GeneratedTree,
    ImmutableArray<Diagnostic> OutputDiagnostics,
    Compilation OutputCompilation,
    IReadOnlyDictionary<string, SourceText> Sources)
{
    /// <summary>The generated source; fails the test when there is none.</summary>
    public string Generated => GeneratedSource ?? throw new Xunit.Sdk.XunitException($"{GeneratorHarness.GeneratedHintName} was not generated.");

    /// <summary>The errors of the output compilation.</summary>
    public IReadOnlyList<Diagnostic> OutputErrors => OutputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>The routes of the generated manifest, in the order they are emitted.</summary>
    public IReadOnlyList<EmittedRoute> Routes => EmittedRoute.Parse(Generated);

    /// <summary>The generator diagnostics with one id.</summary>
    public IReadOnlyList<Diagnostic> WithId(string id) => GeneratorDiagnostics.Where(d => d.Id == id).ToList();
}

/// <summary>A file to feed the generator: a path relative to <c>app/</c> and its C# text.</summary>
internal static class RouteSource
{
    /// <summary>A route file whose class <paramref name="className"/> holds <paramref name="members"/>.</summary>
    public static string Class(string members, string className = "ItemRoute", string ns = "App") => $$"""
        using NextRouteHandlers.Http;
        using NextRouteHandlers.Routing;
        using NextRouteHandlers.Manifest;

        namespace {{ns}};

        public static class {{className}}
        {
            {{members}}
        }
        """;

    /// <summary>A route file with one GET handler returning "hi"; the class name is made unique from the path.</summary>
    public static (string Path, string Source) Get(string relativePath) =>
        (relativePath, Class("public static Response GET() => new(\"hi\");", UniqueClassName(relativePath)));

    /// <summary>A class name that is a valid identifier and differs between paths.</summary>
    public static string UniqueClassName(string relativePath) =>
        "Route_" + new string(relativePath.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray()) + "_" + Fnv1a(relativePath).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
