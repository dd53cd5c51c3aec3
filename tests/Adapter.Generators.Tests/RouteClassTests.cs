namespace NextRouteHandlers.Generators.Tests;

/// <summary>RH0013 and RH0014: a route file must declare exactly one class holding its handlers.</summary>
public class RouteClassTests
{
    private const string RoutePath = "items/route.cs";

    [Theory]
    [InlineData("namespace App;")]
    [InlineData("// nothing here yet")]
    [InlineData("namespace App; public record ItemRoute(string Name);")]
    [InlineData("namespace App; public interface IItemRoute { }")]
    [InlineData("namespace App; public struct ItemRoute { public static Response GET() => new(); }")]
    public void Route_file_without_a_class_is_RH0013(string source)
    {
        var run = GeneratorHarness.RunOne(RoutePath, source);

        var diagnostic = DiagnosticAssert.Single(run, "RH0013");
        Assert.StartsWith("app/items/route.cs must declare one class", diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedIn(diagnostic, run, RoutePath);
        Assert.Empty(run.Routes);
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Two_classes_declaring_handlers_is_RH0014()
    {
        var run = GeneratorHarness.RunOne(RoutePath, """
            namespace App;

            public static class FirstRoute
            {
                public static Response GET() => new("first");
            }

            public static class SecondRoute
            {
                public static Response POST() => new("second");
            }
            """);

        var diagnostic = DiagnosticAssert.Single(run, "RH0014");
        Assert.Contains("(FirstRoute, SecondRoute)", diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedIn(diagnostic, run, RoutePath, "SecondRoute");
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Class_with_config_only_counts_as_declaring_route_members()
    {
        var run = GeneratorHarness.RunOne(RoutePath, """
            namespace App;

            public static class HandlerRoute
            {
                public static Response GET() => new("first");
            }

            public static class ConfigRoute
            {
                public const int Revalidate = 10;
            }
            """);

        // Config read from one class and handlers from another would silently drop one of them.
        var diagnostic = DiagnosticAssert.Single(run, "RH0014");
        Assert.Contains("(HandlerRoute, ConfigRoute)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Helper_classes_beside_the_route_class_are_fine()
    {
        var run = GeneratorHarness.RunOne(RoutePath, """
            namespace App;

            internal static class Formatting
            {
                public static string Title(string text) => text.ToUpperInvariant();
            }

            public static class ItemRoute
            {
                public static Response GET() => new(Formatting.Title("hi"));
            }

            public sealed record Item(string Name);
            """);

        DiagnosticAssert.None(run);
        Assert.Contains("global::App.ItemRoute.GET()", Assert.Single(run.Routes).Text, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Class_in_a_block_namespace_or_no_namespace_is_found()
    {
        var run = GeneratorHarness.Run(
        [
            ("a/route.cs", "namespace App.A { public static class ARoute { public static Response GET() => new(); } }"),
            ("b/route.cs", "public static class BRoute { public static Response GET() => new(); }"),
        ]);

        DiagnosticAssert.None(run);
        Assert.Contains("global::App.A.ARoute.GET()", run.Routes[0].Text, StringComparison.Ordinal);
        Assert.Contains("global::BRoute.GET()", run.Routes[1].Text, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }
}
