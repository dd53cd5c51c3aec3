namespace NextRouteHandlers.Generators.Tests;

/// <summary>
/// The whole generated <c>AppRoutes.g.cs</c> of representative app trees, against the expected source checked in
/// under <c>Snapshots/</c>. A change to the emitted code shows here as a diff; to make one deliberately, see
/// <see cref="Snapshot"/> (<c>UPDATE_SNAPSHOTS=1</c>).
/// </summary>
public class ManifestSnapshotTests
{
    /// <summary>
    /// Every folder convention and file kind the generator reads: a static route, [slug], [...x], [[...x]], a group,
    /// private files (a helper and a route.cs that is not a route), each segment config constant, GenerateStaticParams
    /// (sync and async), every parameter source, every return shape, a proxy with matchers, robots, sitemap and an image, and static metadata files.
    /// </summary>
    internal static readonly (string Path, string Source)[] RepresentativeApp =
    [
        ("route.cs", RouteSource.Class("public static Response GET() => new(\"home\");", "HomeRoute")),
        ("blog/[slug]/route.cs", RouteSource.Class("""
            public const string Dynamic = "force-static";
                public const int Revalidate = 60;

                public static IEnumerable<Dictionary<string, string>> GenerateStaticParams() => [new() { ["slug"] = "first" }];

                public static Response GET(NextRequest request, RouteContext context, App.Services.IGreeter greeter) => new(greeter.Greet());

                public static async Task<NextResponse> POST(RouteParams routeParams, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return new NextResponse("posted " + routeParams["slug"]);
                }
            """, "BlogPostRoute", "App.Blog")),
        ("docs/[...path]/route.cs", RouteSource.Class("""
            public static async Task<List<Dictionary<string, object>>> GenerateStaticParams(CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return [new() { ["path"] = new[] { "a", "b" } }];
                }

                public static ValueTask<Response> GET(RouteParams routeParams) => new(new Response("docs"));
            """, "DocsRoute", "App.Docs")),
        ("shop/[[...filters]]/route.cs", RouteSource.Class("""
            public const bool Revalidate = false;
                public const bool DynamicParams = false;

                public static Task<Response> GET(Microsoft.AspNetCore.Http.HttpContext httpContext) => Task.FromResult(new Response("shop"));
                public static Response HEAD() => new();
            """, "ShopRoute", "App.Shop")),
        ("(marketing)/about/route.cs", RouteSource.Class("""
            public const string Dynamic = "force-dynamic";
                public const int MaxDuration = 30;
                public const string FetchCache = "force-no-store";
                public const string Runtime = "nodejs";
                public const string PreferredRegion = "fra1";

                public static Task<Response> PUT(App.Services.IGreeter? greeter) => Task.FromResult(new Response("put"));
                public static ValueTask<NextResponse> DELETE(NextRequest request) => ValueTask.FromResult(new NextResponse());
            """, "AboutRoute", "App.Marketing")),
        ("_lib/Services.cs", """
            namespace App.Services;

            public interface IGreeter
            {
                string Greet();
            }
            """),
        ("_lib/route.cs", "namespace App.Lib; public record RouteInfo(string Name);"),
        ("proxy.cs", """
            namespace App;

            public static class AppProxy
            {
                public static readonly ProxyMatcher[] Matcher = ["/blog/:path*", new("/shop/:path*") { Missing = [new RouteHas(RouteHasType.Cookie, "session")] }];

                public static async Task<NextResponse> Proxy(NextRequest request, CancellationToken aborted)
                {
                    await Task.Yield();
                    return NextResponse.Next();
                }
            }
            """),
        ("robots.cs", """
            using NextRouteHandlers.Metadata;

            namespace App;

            public static class RobotsFile
            {
                public static Robots Robots() => new() { Rules = [new RobotsRule { Allow = ["/"] }] };
            }
            """),
        ("sitemap.cs", """
            using NextRouteHandlers.Metadata;

            namespace App;

            public static class SitemapFile
            {
                public static Task<List<SitemapEntry>> Sitemap() => Task.FromResult(new List<SitemapEntry> { new("https://example.test/") });
            }
            """),
        ("blog/opengraph-image.cs", """
            namespace App.Blog;

            public static class OpenGraphImage
            {
                public const string ContentType = "image/svg+xml";

                public static byte[] Image() => [60, 115, 118, 103, 47, 62];
            }
            """),
    ];

    /// <summary>The static metadata files of the representative app: one at the root, one in a group (whose URL gets the group's suffix).</summary>
    internal static readonly string[] RepresentativeStaticFiles = ["favicon.ico", "(marketing)/opengraph-image.png"];

    [Fact]
    public void Representative_app()
    {
        var run = GeneratorHarness.Run(RepresentativeApp, pages: ["(marketing)/blog/page.tsx"], staticFiles: RepresentativeStaticFiles);

        DiagnosticAssert.None(run);
        DiagnosticAssert.Compiles(run);
        Snapshot.Match("RepresentativeApp", run.Generated);
    }

    [Fact]
    public void App_in_the_global_namespace_with_a_single_matcher_and_no_routes()
    {
        var options = new Dictionary<string, string>(GeneratorHarness.DefaultGlobalOptions) { ["build_property.RootNamespace"] = string.Empty };

        var run = GeneratorHarness.Run(
            [("proxy.cs", "public static class RootProxy { public const string Matcher = \"/api/:path*\"; public static Response? Proxy() => null; }")],
            globalOptions: options);

        DiagnosticAssert.None(run);
        DiagnosticAssert.Compiles(run);
        Snapshot.Match("GlobalNamespaceProxyOnly", run.Generated);
    }

    [Fact]
    public void A_mismatch_shows_the_changed_lines_with_their_numbers()
    {
        var diff = Snapshot.Diff("a\nb\nc\nd", "a\nx\nc\nd\ne");

        Assert.Equal("  0001 a\n- 0002 b\n+ 0002 x\n  0003 c\n  0004 d\n+ 0005 e\n", diff.ReplaceLineEndings("\n"));
    }
}
