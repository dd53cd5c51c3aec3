using Microsoft.CodeAnalysis;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Generators.Tests;

/// <summary>The text of the generated <c>AppRoutes.g.cs</c>: route order, config, namespace, and what it must not contain.</summary>
public class ManifestEmitterTests
{
    private static readonly string[] PrecedenceOrder =
    [
        "/", "/about", "/blog", "/blog/[slug]", "/blog/[slug]/comments", "/blog/[...rest]", "/[lang]", "/[lang]/about", "/[...all]",
    ];

    private static readonly string[] TreeFiles =
    [
        "route.cs", "blog/route.cs", "blog/[slug]/route.cs", "blog/[slug]/comments/route.cs", "blog/[...rest]/route.cs",
        "[lang]/route.cs", "[lang]/about/route.cs", "[...all]/route.cs", "about/route.cs",
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Routes_are_emitted_in_precedence_order(bool reverseInput)
    {
        var files = TreeFiles.Select(RouteSource.Get).ToList();
        if (reverseInput) files.Reverse();

        var run = GeneratorHarness.Run(files);

        DiagnosticAssert.None(run);
        var generated = run.Generated;
        var positions = PrecedenceOrder.Select(p => (Pattern: p, Index: generated.IndexOf("\"" + p + "\"", StringComparison.Ordinal))).ToList();
        Assert.All(positions, p => Assert.True(p.Index >= 0, $"Pattern {p.Pattern} is not in the generated source."));
        Assert.Equal(PrecedenceOrder, positions.OrderBy(p => p.Index).Select(p => p.Pattern));
        Assert.Equal(PrecedenceOrder, run.Routes.Select(r => r.Pattern));
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void A_large_app_is_emitted_in_small_methods_that_fill_one_array_in_precedence_order()
    {
        // One method holding thousands of handler lambdas made the C# compiler take ~10 minutes and ~19 GB at 10,000
        // routes; methods of at most 64 routes keep its cost linear.
        var files = Enumerable.Range(0, 150).Select(i => RouteSource.Get($"r/{i:D3}/items/[id]/route.cs")).ToList();

        var run = GeneratorHarness.Run(files);

        DiagnosticAssert.None(run);
        DiagnosticAssert.Compiles(run);
        var generated = run.Generated;
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(generated, @"private static void Routes\d+\(").Count);
        Assert.Contains("new global::NextRouteHandlers.Manifest.RouteDefinition[150]", generated, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, 150).Select(i => $"/r/{i:D3}/items/[id]"), run.Routes.Select(r => r.Pattern));
        Assert.Contains("routes[149] = new(", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("routes[150]", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Routes_carry_their_app_path_and_source_file()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("blog/[slug]/route.cs"), RouteSource.Get("(shop)/cart/route.cs")]);

        DiagnosticAssert.None(run);
        Assert.Equal(
            [("/blog/[slug]", "/blog/[slug]/route", "app/blog/[slug]/route.cs"), ("/cart", "/(shop)/cart/route", "app/(shop)/cart/route.cs")],
            run.Routes.Select(r => (r.Pattern, r.AppPath, r.SourceFile)));
    }

    [Fact]
    public void Output_is_the_same_for_the_same_input()
    {
        var files = TreeFiles.Select(RouteSource.Get).ToList();

        var first = GeneratorHarness.Run(files).Generated;
        var second = GeneratorHarness.Run(Enumerable.Reverse(files)).Generated;

        Assert.Equal(first, second);
    }

    [Fact]
    public void Config_constants_are_emitted()
    {
        var run = GeneratorHarness.RunOne("items/route.cs", RouteSource.Class("""
            public const string Dynamic = "force-static";
                public const int Revalidate = 60;

                public static Response GET(NextRequest request, RouteContext context) => new("hi");
                public static Task<Response> POST(NextRequest request) => Task.FromResult<Response>(new("x"));
            """));

        DiagnosticAssert.None(run);
        Assert.Contains("DynamicMode.ForceStatic", run.Generated, StringComparison.Ordinal);
        Assert.Contains("RevalidateSetting.After(60)", run.Generated, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void AppRoutes_is_generated_in_the_root_namespace()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("x/route.cs")]);

        Assert.Contains("namespace TestApp;", run.Generated, StringComparison.Ordinal);
        var appRoutes = run.OutputCompilation.GetTypeByMetadataName("TestApp.AppRoutes");
        Assert.NotNull(appRoutes);
        Assert.True(appRoutes.IsStatic);
        Assert.Equal(Accessibility.Public, appRoutes.DeclaredAccessibility);
        var manifest = Assert.IsAssignableFrom<IPropertySymbol>(Assert.Single(appRoutes.GetMembers("Manifest")));
        Assert.True(manifest.IsStatic);
        Assert.Equal(Accessibility.Public, manifest.DeclaredAccessibility);
        Assert.Null(manifest.SetMethod);
        Assert.Equal("NextRouteHandlers.Manifest.RouteManifest", manifest.Type.ToDisplayString());
    }

    [Fact]
    public void Without_a_root_namespace_AppRoutes_is_global()
    {
        var options = new Dictionary<string, string>(GeneratorHarness.DefaultGlobalOptions) { ["build_property.RootNamespace"] = string.Empty };

        var run = GeneratorHarness.Run([RouteSource.Get("x/route.cs")], globalOptions: options);

        Assert.DoesNotContain("namespace ", run.Generated, StringComparison.Ordinal);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("AppRoutes"));
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Empty_manifest_is_generated_when_there_are_no_routes()
    {
        var run = GeneratorHarness.Run([("lib/helpers.cs", "namespace App; public static class Helpers { }")]);

        DiagnosticAssert.None(run);
        Assert.Contains("public static class AppRoutes", run.Generated, StringComparison.Ordinal);
        Assert.Empty(run.Routes);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("TestApp.AppRoutes"));
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Empty_manifest_is_generated_for_a_project_without_an_app_folder()
    {
        var run = GeneratorHarness.Run([("/proj/Program.cs", "namespace App; public static class Program { }")]);

        DiagnosticAssert.None(run);
        Assert.Contains("public static class AppRoutes", run.Generated, StringComparison.Ordinal);
        Assert.Empty(run.Routes);
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Generated_code_uses_no_reflection_and_raises_no_warnings()
    {
        var run = GeneratorHarness.Run(
        [
            ("items/[id]/route.cs", RouteSource.Class("""
                public const string Dynamic = "force-static";
                    public const int Revalidate = 60;
                    public const bool DynamicParams = false;
                    public const int MaxDuration = 5;
                    public const string Runtime = "edge";
                    public static Task<List<Dictionary<string, object>>> GenerateStaticParams(CancellationToken cancellationToken) => Task.FromResult(new List<Dictionary<string, object>>());

                    public static Response GET(NextRequest request, RouteContext context, RouteParams routeParams, CancellationToken cancellationToken) => new("hi");
                    public static Task<NextResponse> POST(App.Services.IClock clock, App.Services.IClock? optional) => Task.FromResult(new NextResponse());
                    public static ValueTask<Response> PUT(Microsoft.AspNetCore.Http.HttpContext context) => new(new Response());
                    public static Task<Response> DELETE() => Task.FromResult(new Response());
                """)),
            ("_lib/Services.cs", "namespace App.Services; public interface IClock { }"),
        ]);

        DiagnosticAssert.None(run);
        Assert.DoesNotContain("System.Reflection", run.Generated, StringComparison.Ordinal);
        Assert.DoesNotContain("typeof(", run.Generated, StringComparison.Ordinal);
        Assert.DoesNotContain("GetMethod", run.Generated, StringComparison.Ordinal);
        Assert.DoesNotContain("Activator", run.Generated, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);

        // The generated file adds no warnings either: apps build with TreatWarningsAsErrors.
        var generatedWarnings = run.OutputDiagnostics.Where(d => d.Location.SourceTree == run.GeneratedTree && d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(generatedWarnings.Count == 0, DiagnosticAssert.Describe(generatedWarnings));
    }

    [Fact]
    public void Generated_code_references_no_reflection_namespace_in_its_semantics()
    {
        // A textual check can miss a using alias; check the symbols the generated code binds to as well.
        var run = GeneratorHarness.Run([RouteSource.Get("route.cs"), RouteSource.Get("x/[id]/route.cs")]);
        var tree = Assert.IsType<SyntaxTree>(run.GeneratedTree, exactMatch: false);
        var model = run.OutputCompilation.GetSemanticModel(tree);

        var namespaces = tree.GetRoot().DescendantNodes()
            .Select(n => model.GetSymbolInfo(n).Symbol)
            .Where(s => s is not null)
            .Select(s => s!.ContainingNamespace?.ToDisplayString())
            .Where(ns => ns is not null)
            .Distinct()
            .ToList();

        Assert.NotEmpty(namespaces);
        Assert.DoesNotContain(namespaces, ns => ns!.StartsWith("System.Reflection", StringComparison.Ordinal));
    }
}
