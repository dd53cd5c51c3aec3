using System.Globalization;
using Microsoft.CodeAnalysis;

namespace NextRouteHandlers.Generators.Tests;

/// <summary>
/// Static metadata files (<c>robots.txt</c>, <c>icon.png</c>, ...) become GET routes at their own names, as Next.js 16
/// (Turbopack) serves them; the conflicts Next.js rejects or resolves silently are build errors.
/// </summary>
public class StaticMetadataFileTests
{
    [Theory]
    [InlineData("robots.txt", "text/plain")]
    [InlineData("sitemap.xml", "application/xml")]
    [InlineData("manifest.json", "application/manifest+json")]
    [InlineData("manifest.webmanifest", "application/manifest+json")]
    [InlineData("favicon.ico", "image/x-icon")]
    [InlineData("icon.ico", "image/x-icon")]
    [InlineData("icon.jpg", "image/jpeg")]
    [InlineData("icon.jpeg", "image/jpeg")]
    [InlineData("icon.png", "image/png")]
    [InlineData("icon.svg", "image/svg+xml")]
    [InlineData("apple-icon.jpg", "image/jpeg")]
    [InlineData("apple-icon.png", "image/png")]
    [InlineData("opengraph-image.jpeg", "image/jpeg")]
    [InlineData("opengraph-image.gif", "image/gif")]
    [InlineData("twitter-image.png", "image/png")]
    [InlineData("twitter-image.gif", "image/gif")]
    public void A_file_at_the_root_is_served_at_its_name_with_its_content_type(string file, string contentType)
    {
        var run = GeneratorHarness.RunStatic(file);

        DiagnosticAssert.None(run);
        var route = Assert.Single(run.Routes);
        Assert.Equal(("/" + file, "/" + file + "/route", "app/" + file), (route.Pattern, route.AppPath, route.SourceFile));
        Assert.Contains($"new(typeof(AppRoutes).Assembly, \"NextRouteHandlers/app/{file}\", \"{contentType}\")", run.Generated, StringComparison.Ordinal);
        Assert.Contains("StaticFile0.Respond()", route.Text, StringComparison.Ordinal);
        Assert.Contains("RouteKind.Metadata", route.Text, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Files_in_route_segments_keep_the_segments_in_their_url()
    {
        var run = GeneratorHarness.RunStatic("blog/opengraph-image.png", "blog/sitemap.xml", "docs/[slug]/icon.png", "shop/[...path]/twitter-image.jpg");

        DiagnosticAssert.None(run);
        Assert.Equal(
            ["/blog/opengraph-image.png", "/blog/sitemap.xml", "/docs/[slug]/icon.png", "/shop/[...path]/twitter-image.jpg"],
            run.Routes.Select(r => r.Pattern).Order(StringComparer.Ordinal));
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Images_may_carry_a_number_as_nextjs_16_serves_them()
    {
        var run = GeneratorHarness.RunStatic("icon.png", "icon1.png", "icon9.svg", "icon12.png", "apple-icon2.png", "opengraph-image0.jpg", "twitter-image3.gif", "icon4294967295.png", "icon4294967296.png", "icon-1.png", "icon1a.png", "sitemap1.xml", "favicon1.ico");

        DiagnosticAssert.None(run);
        Assert.Equal(
            ["/apple-icon2.png", "/icon.png", "/icon1.png", "/icon12.png", "/icon4294967295.png", "/icon9.svg", "/opengraph-image0.jpg", "/twitter-image3.gif"],
            run.Routes.Select(r => r.Pattern).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Icon.png")]
    [InlineData("icon.PNG")]
    [InlineData("ROBOTS.TXT")]
    [InlineData("Robots.txt")]
    [InlineData("favicon.png")]
    [InlineData("apple-icon.svg")]
    [InlineData("opengraph-image.webp")]
    [InlineData("icon.backup.png")]
    [InlineData("opengraph-image.alt.txt")]
    [InlineData("robots.txt.bak")]
    [InlineData("manifest.js")]
    [InlineData("llms.txt")]
    [InlineData(".icon.png")]
    public void A_name_nextjs_does_not_serve_is_an_ordinary_file(string file)
    {
        var run = GeneratorHarness.RunStatic(file, "blog/" + file);

        DiagnosticAssert.None(run);
        Assert.Empty(run.Routes);
    }

    [Theory]
    [InlineData("blog/robots.txt", "robots.txt")]
    [InlineData("(shop)/favicon.ico", "favicon.ico")]
    [InlineData("a/b/manifest.json", "manifest.json")]
    [InlineData("blog/manifest.webmanifest", "manifest.webmanifest")]
    public void A_root_only_file_below_the_root_is_not_served_and_warned_about(string file, string name)
    {
        var run = GeneratorHarness.RunStatic(file);

        var warning = DiagnosticAssert.Single(run, "RH0021", DiagnosticSeverity.Warning);
        Assert.Equal($"app/{file} is not served: Next.js serves {name} only from the root of the app folder", warning.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(GeneratorHarness.FullPath(file), warning.Location.GetLineSpan().Path);
        Assert.Empty(run.Routes);
    }

    [Fact]
    public void Files_in_private_folders_and_outside_the_app_are_not_served()
    {
        var run = GeneratorHarness.RunStatic("_assets/icon.png", "blog/_drafts/opengraph-image.png", "_robots/robots.txt");

        DiagnosticAssert.None(run);
        Assert.Empty(run.Routes);
    }

    [Fact]
    public void Odd_characters_in_a_path_reach_the_url_and_the_resource_name_as_written()
    {
        Assert.Equal("a%3Bb%23c/p%2541|x", StaticFileParser.Encode(["a;b#c/p%41", "x"]));

        var run = GeneratorHarness.RunStatic("caf\u00e9 & co/icon.png", "p%41/icon.png");

        DiagnosticAssert.None(run);
        Assert.Equal(["/caf\u00e9 & co/icon.png", "/p%41/icon.png"], run.Routes.Select(r => r.Pattern).Order(StringComparer.Ordinal));
        Assert.Contains("\"NextRouteHandlers/app/p%41/icon.png\"", run.Generated, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void In_a_route_group_the_url_gets_the_groups_suffix_as_in_nextjs()
    {
        // Next.js 16.4.6 served app/(grp)/icon.png at /icon-xg96ha.png; the suffix hashes the folder path.
        var run = GeneratorHarness.RunStatic("(grp)/icon.png", "(grp)/sitemap.xml", "blog/(a)/twitter-image1.png");

        DiagnosticAssert.None(run);
        Assert.Equal(
            [("/blog/twitter-image1-" + MetadataUrlSuffix.Of("/blog/(a)") + ".png", "/blog/(a)/twitter-image1-" + MetadataUrlSuffix.Of("/blog/(a)") + ".png/route"), ("/icon-xg96ha.png", "/(grp)/icon-xg96ha.png/route"), ("/sitemap.xml", "/(grp)/sitemap.xml/route")],
            run.Routes.Select(r => (r.Pattern, r.AppPath)).Order());
    }

    [Theory]
    [InlineData("/(grp)", "xg96ha")]
    [InlineData("/client/(meme)/more-route", "769mad")]
    [InlineData("/lookup/[domain]/(dns)", "j9m0i")]
    public void The_group_suffix_is_nextjs_djb2_hash_in_base_36(string folderPath, string suffix) =>
        Assert.Equal(suffix, MetadataUrlSuffix.Of(folderPath));

    [Fact]
    public void A_code_image_in_a_route_group_gets_the_suffix_too()
    {
        var run = GeneratorHarness.Run([("(shop)/opengraph-image.cs", """
            namespace App;
            public static class OpenGraphImage
            {
                public static byte[] Image() => [1];
            }
            """)]);

        DiagnosticAssert.None(run);
        Assert.Equal("/opengraph-image-" + MetadataUrlSuffix.Of("/(shop)"), Assert.Single(run.Routes).Pattern);
    }

    [Fact]
    public void The_same_file_in_two_route_groups_serves_two_urls_but_a_sitemap_conflicts()
    {
        var run = GeneratorHarness.RunStatic("(a)/icon.png", "(b)/icon.png", "(a)/sitemap.xml", "sitemap.xml");

        var diagnostic = DiagnosticAssert.Single(run, "RH0020");
        Assert.Equal("Conflicting metadata files at /sitemap.xml: app/(a)/sitemap.xml and app/sitemap.xml", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(["/icon-" + MetadataUrlSuffix.Of("/(a)") + ".png", "/icon-" + MetadataUrlSuffix.Of("/(b)") + ".png", "/sitemap.xml"], run.Routes.Select(r => r.Pattern).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("robots.cs", "robots.txt", "/robots.txt")]
    [InlineData("sitemap.cs", "sitemap.xml", "/sitemap.xml")]
    [InlineData("blog/sitemap.cs", "blog/sitemap.xml", "/blog/sitemap.xml")]
    [InlineData("manifest.cs", "manifest.webmanifest", "/manifest.webmanifest")]
    [InlineData("manifest.cs", "manifest.json", "/manifest.json and /manifest.webmanifest")]
    public void A_code_file_beside_its_static_form_is_RH0020(string codeFile, string staticFile, string urls)
    {
        var run = GeneratorHarness.Run([(codeFile, CodeForm(codeFile))], staticFiles: [staticFile]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0020");
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.StartsWith("Conflicting metadata files at " + urls + ": ", message, StringComparison.Ordinal);
        Assert.Contains("app/" + codeFile, message, StringComparison.Ordinal);
        Assert.Contains("app/" + staticFile, message, StringComparison.Ordinal);
        Assert.Single(run.Routes);
    }

    [Fact]
    public void Both_forms_of_the_manifest_file_are_RH0020()
    {
        var run = GeneratorHarness.RunStatic("manifest.json", "manifest.webmanifest");

        var diagnostic = DiagnosticAssert.Single(run, "RH0020");
        Assert.Equal("Conflicting metadata files at /manifest.json and /manifest.webmanifest: app/manifest.json and app/manifest.webmanifest", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("/manifest.json", Assert.Single(run.Routes).Pattern);
    }

    [Theory]
    [InlineData("robots.txt/route.cs", "robots.txt", "/robots.txt")]
    [InlineData("blog/icon.png/route.cs", "blog/icon.png", "/blog/icon.png")]
    [InlineData("(x)/favicon.ico/route.cs", "favicon.ico", "/favicon.ico")]
    public void A_route_at_a_static_files_url_is_RH0016(string routeFile, string staticFile, string url)
    {
        var run = GeneratorHarness.Run([RouteSource.Get(routeFile)], staticFiles: [staticFile]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0016");
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.StartsWith("Conflicting route and metadata at " + url + ": ", message, StringComparison.Ordinal);
        Assert.Contains("app/" + staticFile, message, StringComparison.Ordinal);
        Assert.Contains("app/" + routeFile, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_image_beside_a_static_one_serves_both_as_nextjs_does()
    {
        var run = GeneratorHarness.Run([("icon.cs", CodeForm("icon.cs"))], staticFiles: ["icon.png", "icon1.svg"]);

        DiagnosticAssert.None(run);
        Assert.Equal(["/icon", "/icon.png", "/icon1.svg"], run.Routes.Select(r => r.Pattern).Order(StringComparer.Ordinal));
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void A_file_under_a_slot_or_an_interception_folder_is_RH0009()
    {
        var run = GeneratorHarness.RunStatic("@modal/icon.png", "(.)photo/opengraph-image.png");

        Assert.Equal(2, run.WithId("RH0009").Count);
        Assert.Equal(2, run.GeneratorDiagnostics.Length);
        Assert.Empty(run.Routes);
    }

    [Fact]
    public void A_page_at_a_static_files_url_is_RH0001()
    {
        var run = GeneratorHarness.Run([], pages: ["icon.png/page.tsx"], staticFiles: ["icon.png"]);

        Assert.Single(run.WithId("RH0001"));
    }

    [Fact]
    public void An_llms_txt_route_as_the_docs_write_it_is_an_ordinary_cached_route()
    {
        // Next.js 16 has no llms.txt convention (docs/writing-routes.md): app/llms.txt is not served, a route is.
        var run = GeneratorHarness.Run([("llms.txt/route.cs", """
            public static class LlmsTxt
            {
                public const string Dynamic = "force-static";

                public static Response GET() => new("# My Site\n\n> What the site is about.\n",
                    new ResponseInit { Headers = { { "content-type", "text/plain; charset=utf-8" } } });
            }
            """)], staticFiles: ["llms.txt"]);

        DiagnosticAssert.None(run);
        var route = Assert.Single(run.Routes);
        Assert.Equal(("/llms.txt", "/llms.txt/route"), (route.Pattern, route.AppPath));
        Assert.Contains("DynamicMode.ForceStatic", route.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("RouteKind.Metadata", route.Text, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    private static string CodeForm(string file) => Path.GetFileNameWithoutExtension(file) switch
    {
        "robots" => "using NextRouteHandlers.Metadata; namespace App; public static class RobotsFile { public static Robots Robots() => new(); }",
        "sitemap" => "using NextRouteHandlers.Metadata; namespace App" + (file.Contains('/', StringComparison.Ordinal) ? ".Blog" : string.Empty) + "; public static class SitemapFile { public static SitemapEntry[] Sitemap() => []; }",
        "manifest" => "using NextRouteHandlers.Metadata; namespace App; public static class ManifestFile { public static WebManifest Manifest() => new(); }",
        _ => "namespace App; public static class IconFile { public static byte[] Image() => [1]; }",
    };
}
