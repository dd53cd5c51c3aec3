namespace NextRouteHandlers.Generators.Tests;

/// <summary>Folder conventions that are not errors: how route files map to URL patterns, and which files are not routes.</summary>
public class RouteTreeMappingTests
{
    [Fact]
    public void Route_in_a_private_folder_is_excluded_silently()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("_lib/x/route.cs"), RouteSource.Get("y/route.cs")]);

        DiagnosticAssert.None(run);
        Assert.Equal(["/y"], run.Routes.Select(r => r.Pattern));
        Assert.DoesNotContain("_lib", run.Generated, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Theory]
    [InlineData("_lib/[[x]]/route.cs")]
    [InlineData("_lib/@slot/route.cs")]
    [InlineData("[[x]]/_lib/route.cs")]
    [InlineData("(.)photo/_lib/route.cs")]
    public void Route_in_a_private_folder_is_excluded_even_below_an_invalid_folder_name(string path)
    {
        var run = GeneratorHarness.Run([RouteSource.Get(path)]);

        DiagnosticAssert.None(run);
        Assert.Empty(run.Routes);
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void A_private_route_file_is_not_checked_as_a_route_file()
    {
        // Not a route: a file in a private folder may be named route.cs and hold anything.
        var run = GeneratorHarness.Run(
        [
            ("_lib/route.cs", "namespace App.Lib; public record RouteInfo(string Name);"),
            ("_lib/api/route.cs", "namespace App.Lib.Api; public class Route { public string GET() => \"not a handler\"; public static Response get() => new(); }"),
        ]);

        DiagnosticAssert.None(run);
        Assert.Empty(run.Routes);
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Pages_are_not_checked_as_routes()
    {
        // Slots, interception and private folders are fine for pages; only a page at a route's URL is a conflict.
        var run = GeneratorHarness.Run(
            [RouteSource.Get("api/route.cs")],
            pages: ["@modal/(.)photo/[id]/page.tsx", "@team/settings/page.tsx", "(.)feed/page.tsx", "_drafts/page.tsx", "_drafts/api/page.tsx", "blog/[slug]/page.mdx"]);

        DiagnosticAssert.None(run);
        Assert.Equal(["/api"], run.Routes.Select(r => r.Pattern));
    }

    [Fact]
    public void Escaped_underscore_folder_serves_an_underscore_url()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("%5Fhidden/route.cs")]);

        DiagnosticAssert.None(run);
        var route = Assert.Single(run.Routes);
        Assert.Equal("/_hidden", route.Pattern);
        Assert.Equal("/%5Fhidden/route", route.AppPath);
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Route_group_is_left_out_of_the_url()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("(group)/about/route.cs")]);

        DiagnosticAssert.None(run);
        var route = Assert.Single(run.Routes);
        Assert.Equal("/about", route.Pattern);
        Assert.Equal("/(group)/about/route", route.AppPath);
        Assert.Equal("app/(group)/about/route.cs", route.SourceFile);
    }

    [Fact]
    public void Route_at_the_app_root_serves_the_root_url()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("route.cs")]);

        DiagnosticAssert.None(run);
        var route = Assert.Single(run.Routes);
        Assert.Equal("/", route.Pattern);
        Assert.Equal("/route", route.AppPath);
        Assert.Equal("app/route.cs", route.SourceFile);
    }

    [Fact]
    public void Folder_named_route_is_an_ordinary_segment()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("route/x/route.cs")]);

        DiagnosticAssert.None(run);
        Assert.Equal("/route/x", Assert.Single(run.Routes).Pattern);
    }

    [Fact]
    public void Dynamic_and_catch_all_folders_keep_their_brackets_in_the_pattern()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("shop/[id]/route.cs"), RouteSource.Get("docs/[...path]/route.cs"), RouteSource.Get("files/[[...path]]/route.cs")]);

        DiagnosticAssert.None(run);
        Assert.Equal(["/docs/[...path]", "/files/[[...path]]", "/shop/[id]"], run.Routes.Select(r => r.Pattern));
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Other_cs_files_under_app_are_ignored()
    {
        var run = GeneratorHarness.Run(
        [
            RouteSource.Get("x/route.cs"),
            ("x/helpers.cs", "namespace App; public static class Helpers { public static string Name() => \"n\"; }"),
            ("x/myroute.cs", "namespace App; public record MyRoute(string Name);"),
            ("y/route.cs.txt.cs", "namespace App; public interface INotARoute { }"),
            ("z/Routes.cs", "namespace App; public static class Routes { public static Response GET() => new(); }"),
        ]);

        DiagnosticAssert.None(run);
        Assert.Equal(["/x"], run.Routes.Select(r => r.Pattern));
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Route_files_outside_the_app_folder_are_ignored()
    {
        var run = GeneratorHarness.Run(
        [
            RouteSource.Get("x/route.cs"),
            ("/proj/Controllers/route.cs", "namespace App.Controllers; public record NotARoute(int X);"),
            ("/proj/application/y/route.cs", RouteSource.Class("public static Response GET() => new();", "OutsideRoute")),
        ]);

        DiagnosticAssert.None(run);
        Assert.Equal(["/x"], run.Routes.Select(r => r.Pattern));
    }

    [Fact]
    public void App_folder_defaults_to_app_beside_the_project()
    {
        var options = new Dictionary<string, string>
        {
            ["build_property.ProjectDir"] = GeneratorHarness.ProjectDir,
            ["build_property.RootNamespace"] = GeneratorHarness.RootNamespace,
        };

        var run = GeneratorHarness.Run([RouteSource.Get("x/route.cs")], globalOptions: options);

        DiagnosticAssert.None(run);
        Assert.Equal(["/x"], run.Routes.Select(r => r.Pattern));
    }
}
