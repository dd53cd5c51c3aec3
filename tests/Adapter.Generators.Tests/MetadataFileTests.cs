using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Generators.Tests;

/// <summary>Metadata files (robots.cs, sitemap.cs, manifest.cs, image files) become GET routes at Next.js's URLs.</summary>
public class MetadataFileTests
{
    private const string Robots = """
        using NextRouteHandlers.Metadata;
        namespace App;
        public static class RobotsFile
        {
            public static Robots Robots() => new() { Rules = [new RobotsRule { Allow = ["/"] }] };
        }
        """;

    private static string Sitemap(string ns = "App") => $$"""
        using NextRouteHandlers.Metadata;
        namespace {{ns}};
        public static class SitemapFile
        {
            public static Task<List<SitemapEntry>> Sitemap() => Task.FromResult(new List<SitemapEntry> { new("https://e") });
        }
        """;

    [Fact]
    public void Robots_at_the_app_root_serves_robots_txt()
    {
        var run = GeneratorHarness.Run([("robots.cs", Robots)]);

        DiagnosticAssert.None(run);
        var route = Assert.Single(run.Routes);
        Assert.Equal(("/robots.txt", "/robots.txt/route", "app/robots.cs"), (route.Pattern, route.AppPath, route.SourceFile));
        Assert.Contains("MetadataResponses.Robots(global::App.RobotsFile.Robots())", run.Generated, StringComparison.Ordinal);
        Assert.Contains("RouteKind.Metadata", run.Generated, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Robots_below_the_root_is_an_ordinary_file() =>
        Assert.Empty(GeneratorHarness.Run([("blog/robots.cs", Robots)]).Routes);

    [Fact]
    public void A_sitemap_may_live_in_any_folder_and_be_asynchronous()
    {
        var run = GeneratorHarness.Run([("sitemap.cs", Sitemap()), ("blog/sitemap.cs", Sitemap("App.Blog"))]);

        DiagnosticAssert.None(run);
        Assert.Equal(["/sitemap.xml", "/blog/sitemap.xml"], run.Routes.Select(r => r.Pattern).OrderBy(p => p.Length));
        Assert.Contains("MetadataResponses.Sitemap(await global::App.Blog.SitemapFile.Sitemap())", run.Generated, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void An_image_file_uses_its_content_type_constant()
    {
        var run = GeneratorHarness.Run([("blog/icon.cs", """
            namespace App;
            public static class Icon
            {
                public const string ContentType = "image/svg+xml";
                public static byte[] Image() => [60, 115, 118, 103, 47, 62];
            }
            """)]);

        DiagnosticAssert.None(run);
        Assert.Equal("/blog/icon", Assert.Single(run.Routes).Pattern);
        Assert.Contains("MetadataResponses.Image(global::App.Icon.Image(), \"image/svg+xml\")", run.Generated, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Theory]
    [InlineData("image/svg+xml; name=\\\"a\\\\b\\\"")]
    [InlineData("image/png\\n; x=\\t\\u2028")]
    [InlineData("image/{0}+{{x}}")]
    public void An_image_content_type_reaches_the_generated_code_as_written(string escapedContentType)
    {
        var run = GeneratorHarness.Run([("icon.cs", $$"""
            namespace App;
            public static class Icon
            {
                public const string ContentType = "{{escapedContentType}}";
                public static byte[] Image() => [1];
            }
            """)]);

        DiagnosticAssert.None(run);
        DiagnosticAssert.Compiles(run);
        var contentType = run.OutputCompilation.GetTypeByMetadataName("App.Icon")!.GetMembers("ContentType").OfType<IFieldSymbol>().Single().ConstantValue;
        var literals = run.GeneratedTree!.GetRoot().DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken)).Select(t => t.ValueText);
        Assert.Contains(contentType, literals);
    }

    [Theory]
    [InlineData("public static string Robots() => \"\";")]
    [InlineData("public Robots Robots() => new();")]
    [InlineData("public static Robots Other() => new();")]
    public void A_metadata_file_without_the_right_method_is_RH0015(string member)
    {
        var run = GeneratorHarness.Run([("robots.cs", "using NextRouteHandlers.Metadata; namespace App; public class RobotsFile { " + member + " }")]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0015");
        Assert.Contains("public static Robots Robots()", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.Routes);
    }

    [Fact]
    public void Two_sitemaps_at_one_url_through_route_groups_are_RH0020()
    {
        var run = GeneratorHarness.Run([("(a)/sitemap.cs", Sitemap("App.A")), ("(b)/sitemap.cs", Sitemap("App.B"))]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0020");
        Assert.Equal("Conflicting metadata files at /sitemap.xml: app/(a)/sitemap.cs and app/(b)/sitemap.cs", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(run.Routes);
    }

    [Fact]
    public void A_route_at_a_metadata_url_is_RH0016()
    {
        var run = GeneratorHarness.Run([("robots.cs", Robots), RouteSource.Get("robots.txt/route.cs")]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0016");
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Conflicting route and metadata at /robots.txt", message, StringComparison.Ordinal);
        Assert.Contains("app/robots.cs", message, StringComparison.Ordinal);
        Assert.Contains("app/robots.txt/route.cs", message, StringComparison.Ordinal);
    }
}
