namespace NextRouteHandlers.Generators.Tests;

/// <summary>RH0012: a static method returning a response whose name looks like an HTTP method but is not a handler.</summary>
public class HandlerNameWarningTests
{
    private const string RoutePath = "items/route.cs";

    [Theory]
    [InlineData("get", "rename it to 'GET'")]
    [InlineData("Get", "rename it to 'GET'")]
    [InlineData("Post", "rename it to 'POST'")]
    [InlineData("FOO", "GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS only")]
    [InlineData("PROPFIND", "GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS only")]
    public void Handler_like_method_is_RH0012_warning(string name, string expectedReason)
    {
        var run = GeneratorHarness.RunOne(RoutePath, RouteSource.Class($"""
            public static Response {name}() => new("x");

                public static Response PUT() => new("ok");
            """));

        var diagnostic = DiagnosticAssert.Single(run, "RH0012", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
        Assert.StartsWith($"'{name}' in app/items/route.cs is not a route handler", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(expectedReason, diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedIn(diagnostic, run, RoutePath, name);

        // The look-alike is not bound as a handler.
        var route = Assert.Single(run.Routes);
        Assert.DoesNotContain($".{name}(", route.Text, StringComparison.Ordinal);
        Assert.Contains("Put = ", route.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Get = ", route.Text, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Theory]
    [InlineData("static string Helper() => \"h\";")]
    [InlineData("public static Response Helper() => new();")]
    [InlineData("public static string FOO() => \"not a response\";")]
    [InlineData("public static string get() => \"not a response\";")]
    [InlineData("public static Response X() => new();")]
    [InlineData("public static Response V2() => new();")]
    [InlineData("internal static Task<Response> LoadAsync() => Task.FromResult(new Response());")]
    public void Ordinary_helper_method_is_no_warning(string member)
    {
        var run = GeneratorHarness.RunOne(RoutePath, RouteSource.Class($"""
            {member}

                public static Response GET() => new("ok");
            """));

        DiagnosticAssert.None(run);
        DiagnosticAssert.Compiles(run);
    }
}
