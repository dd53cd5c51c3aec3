namespace NextRouteHandlers.Generators.Tests;

/// <summary>The app-tree conflicts Next.js rejects at build time: each is an error at the offending route file.</summary>
public class AppTreeConflictTests
{
    [Fact]
    public void Route_and_page_in_one_folder_is_RH0001()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("x/route.cs")], pages: ["x/page.tsx"]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0001");
        Assert.StartsWith("Conflicting route and page at /x:", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("/x/page", diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedIn(diagnostic, run, "x/route.cs", RouteSource.UniqueClassName("x/route.cs"));
    }

    [Fact]
    public void Route_and_page_at_one_url_in_different_groups_is_RH0001()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("(b)/x/route.cs")], pages: ["(a)/x/page.tsx"]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0001");
        Assert.StartsWith("Conflicting route and page at /x:", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("/(b)/x/route", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("/(a)/x/page", diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedIn(diagnostic, run, "(b)/x/route.cs");
    }

    [Fact]
    public void Page_at_another_url_is_no_conflict()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("x/route.cs")], pages: ["y/page.tsx", "x/y/page.tsx", "page.tsx"]);

        DiagnosticAssert.None(run);
        Assert.Equal(["/x"], run.Routes.Select(r => r.Pattern));
    }

    [Fact]
    public void Two_routes_at_one_url_in_different_groups_is_RH0002_naming_both_app_paths()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("(a)/x/route.cs"), RouteSource.Get("(b)/x/route.cs")]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0002");
        var message = diagnostic.GetMessage();
        Assert.StartsWith("Conflicting routes at /x:", message, StringComparison.Ordinal);
        Assert.Contains("/(a)/x/route", message, StringComparison.Ordinal);
        Assert.Contains("/(b)/x/route", message, StringComparison.Ordinal);
        DiagnosticAssert.LocatedInOneOf(diagnostic, "(a)/x/route.cs", "(b)/x/route.cs");
    }

    [Fact]
    public void Different_slug_names_at_one_level_is_RH0003()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("blog/[id]/route.cs"), RouteSource.Get("blog/[slug]/x/route.cs")]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0003");
        Assert.Contains("('id' !== 'slug')", diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedInOneOf(diagnostic, "blog/[id]/route.cs", "blog/[slug]/x/route.cs");
    }

    [Fact]
    public void Catch_all_that_is_not_last_is_RH0004()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("[...a]/b/route.cs")]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0004");
        Assert.Contains("'[...a]'", diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedIn(diagnostic, run, "[...a]/b/route.cs");
        Assert.Empty(run.Routes);
    }

    [Fact]
    public void Route_beside_an_optional_catch_all_is_RH0005()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("docs/route.cs"), RouteSource.Get("docs/[[...s]]/route.cs")]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0005");
        Assert.Contains("'/docs'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'/docs/[[...s]]'", diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedInOneOf(diagnostic, "docs/route.cs", "docs/[[...s]]/route.cs");
    }

    [Fact]
    public void Root_route_beside_a_root_optional_catch_all_is_RH0005()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("route.cs"), RouteSource.Get("[[...s]]/route.cs")]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0005");
        DiagnosticAssert.LocatedInOneOf(diagnostic, "route.cs", "[[...s]]/route.cs");
    }

    [Fact]
    public void Required_and_optional_catch_all_at_one_level_is_RH0006()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("x/[...a]/route.cs"), RouteSource.Get("x/[[...b]]/route.cs")]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0006");
        Assert.Contains("'/x/[...a]'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'/x/[[...b]]'", diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedInOneOf(diagnostic, "x/[...a]/route.cs", "x/[[...b]]/route.cs");
    }

    [Fact]
    public void Optional_parameter_that_is_not_a_catch_all_is_RH0007()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("[[id]]/route.cs")]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0007");
        Assert.Contains("[[id]]", diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedIn(diagnostic, run, "[[id]]/route.cs");
        Assert.Empty(run.Routes);
    }

    [Theory]
    [InlineData("[[x]")]
    [InlineData("[x]]")]
    [InlineData("[....x]")]
    [InlineData("post-[id]")]
    [InlineData("[id]-x")]
    [InlineData("[]")]
    [InlineData("[...]")]
    public void Malformed_folder_name_is_RH0007(string folder)
    {
        var path = folder + "/route.cs";
        var run = GeneratorHarness.Run([RouteSource.Get(path)]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0007");
        Assert.StartsWith("Invalid folder name in app/" + path + ":", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'" + folder + "'", diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedIn(diagnostic, run, path);
        Assert.Empty(run.Routes);
        DiagnosticAssert.Compiles(run);
    }

    [Theory]
    [InlineData("[a]/[a]/route.cs", "the same slug name 'a'")]
    [InlineData("[a-b]/[ab]/route.cs", "differ only by non-word symbols")]
    public void Repeated_parameter_name_is_RH0008(string path, string expectedMessagePart)
    {
        var run = GeneratorHarness.Run([RouteSource.Get(path)]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0008");
        Assert.Contains(expectedMessagePart, diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedIn(diagnostic, run, path);
        Assert.Empty(run.Routes);
    }

    [Theory]
    [InlineData("@slot/x/route.cs", "@slot")]
    [InlineData("(.)photo/route.cs", "(.)photo")]
    [InlineData("feed/(..)photo/route.cs", "(..)photo")]
    [InlineData("(...)photo/route.cs", "(...)photo")]
    public void Route_in_a_slot_or_intercepting_folder_is_RH0009(string path, string folder)
    {
        var run = GeneratorHarness.Run([RouteSource.Get(path)]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0009");
        Assert.StartsWith("Route handlers cannot live in '" + folder + "'", diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedIn(diagnostic, run, path);
        Assert.Empty(run.Routes);
    }

    [Fact]
    public void A_conflicting_route_is_left_out_and_the_rest_still_compiles()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("(a)/x/route.cs"), RouteSource.Get("(b)/x/route.cs"), RouteSource.Get("y/route.cs")]);

        Assert.Single(run.WithId("RH0002"));
        Assert.Equal(["/x", "/y"], run.Routes.Select(r => r.Pattern));
        DiagnosticAssert.Compiles(run);
    }
}
