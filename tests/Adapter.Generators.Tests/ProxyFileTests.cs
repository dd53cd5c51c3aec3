using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Generators.Tests;

/// <summary>app/proxy.cs: picked up as the manifest's proxy (never as a route), RH0017 for matchers, RH0018 for the Proxy method, RH0019 for a misplaced file.</summary>
public class ProxyFileTests
{
    private const string ProxyPath = "proxy.cs";

    private static string Proxy(string members) => $$"""
        namespace App;

        public sealed class AppProxy
        {
            {{members}}
        }
        """;

    private const string Continue = "public static Response? Proxy(NextRequest request) => NextResponse.Next();";

    [Fact]
    public void The_proxy_is_emitted_on_the_manifest_and_is_not_a_route()
    {
        var run = GeneratorHarness.Run([(ProxyPath, Proxy(Continue + "\npublic static readonly string[] Matcher = [\"/api/:path*\"];")), RouteSource.Get("api/x/route.cs")]);

        DiagnosticAssert.None(run);
        DiagnosticAssert.Compiles(run);
        Assert.Equal(["/api/x"], run.Routes.Select(r => r.Pattern));
        Assert.Contains("Manifest { get; } = new(Routes()) { Proxy = Proxy() };", run.Generated, StringComparison.Ordinal);
        Assert.Contains("new(\"app/proxy.cs\", static invocation => new global::System.Threading.Tasks.ValueTask<global::NextRouteHandlers.Http.Response>(global::App.AppProxy.Proxy(invocation.Request))", run.Generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_proxy_file_the_manifest_has_no_proxy()
    {
        var run = GeneratorHarness.Run([RouteSource.Get("api/x/route.cs")]);

        Assert.Contains("Manifest { get; } = new(Routes());", run.Generated, StringComparison.Ordinal);
        Assert.DoesNotContain("ProxyDefinition", run.Generated, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("public const string Matcher = \"/api/:path*\";", "new global::NextRouteHandlers.Proxy.ProxyMatcher[] { global::App.AppProxy.Matcher }")]
    [InlineData("public static readonly string[] Matcher = { \"/a\", \"/b/:p+\" };", "global::System.Array.ConvertAll(global::App.AppProxy.Matcher, global::NextRouteHandlers.Proxy.ProxyMatcher.FromSource)")]
    [InlineData("internal const string Api = \"/api/:path*\";\npublic static readonly ProxyMatcher[] Matcher = [Api, new(\"/admin/:path*\") { Has = [new RouteHas(RouteHasType.Cookie, \"session\")] }, new ProxyMatcher(\"/x\")];", "global::App.AppProxy.Matcher")]
    public void Each_matcher_form_compiles_into_the_manifest(string matcher, string? expression)
    {
        var run = GeneratorHarness.RunOne(ProxyPath, Proxy(Continue + "\n" + matcher));

        DiagnosticAssert.None(run);
        DiagnosticAssert.Compiles(run);
        var proxyLine = run.Generated.Split('\n').Single(l => l.Contains("new(\"app/proxy.cs\"", StringComparison.Ordinal));
        if (expression is null) Assert.EndsWith("(invocation.Request)));", proxyLine.TrimEnd(), StringComparison.Ordinal);
        else Assert.EndsWith(", " + expression + ");", proxyLine.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Proxy_binds_services_the_abort_token_and_async_results()
    {
        var run = GeneratorHarness.Run([
            (ProxyPath, Proxy("public static async Task<NextResponse> Proxy(CancellationToken aborted, Microsoft.AspNetCore.Http.HttpContext context, App.IClock clock, App.IMissing? optional) { await Task.Yield(); return NextResponse.Next(); }")),
            ("_lib/Clock.cs", "namespace App; public interface IClock { } public interface IMissing { }"),
        ]);

        DiagnosticAssert.None(run);
        DiagnosticAssert.Compiles(run);
        Assert.Contains("static async invocation => await global::App.AppProxy.Proxy(invocation.Aborted, invocation.HttpContext, global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::App.IClock>(invocation.Services), global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetService<global::App.IMissing>(invocation.Services))", run.Generated, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public static readonly string[] Matcher = [\"/api/:path*\", \"/api/:\"];", "\"/api/:\"", "Matcher[1] '/api/:' is not a valid path pattern: Missing parameter name at 5")]
    [InlineData("public const string Matcher = \"api\";", "Matcher", "Matcher 'api' is not a valid path pattern: It must start with '/'.")]
    [InlineData("public static readonly ProxyMatcher[] Matcher = [new(\"/a/(\")];", "new(\"/a/(\")", "Matcher[0] '/a/(' is not a valid path pattern: Unbalanced pattern at 3")]
    [InlineData("public static readonly string[] Matcher = [\"/a\", System.Environment.MachineName];", "System.Environment.MachineName", "Matcher[1] must be a constant string, so it is known when the app is built")]
    [InlineData("public static readonly ProxyMatcher[] Matcher = [ProxyMatcher.FromSource(\"/a\")];", "ProxyMatcher.FromSource(\"/a\")", "Matcher[0] must be a constant string or new ProxyMatcher(\"...\") with a constant source, so it is known when the app is built")]
    [InlineData("public static string[] Matcher = [\"/a\"];", "Matcher", "Matcher must be a 'public const string', or a 'public static readonly' string[] or ProxyMatcher[] initialised with constants, so it is known when the app is built")]
    [InlineData("public static readonly List<string> Matcher = [\"/a\"];", "Matcher", "Matcher must be a 'public const string', or a 'public static readonly' string[] or ProxyMatcher[] initialised with constants, so it is known when the app is built")]
    [InlineData("private const string Matcher = \"/a\";", "Matcher", "Matcher must be a 'public const string', or a 'public static readonly' string[] or ProxyMatcher[] initialised with constants, so it is known when the app is built")]
    public void An_invalid_matcher_is_RH0017_at_the_offending_text(string matcher, string located, string reason)
    {
        var run = GeneratorHarness.RunOne(ProxyPath, Proxy(Continue + "\n" + matcher));

        var diagnostic = DiagnosticAssert.Single(run, "RH0017");
        Assert.Equal("Proxy matcher in app/proxy.cs: " + reason, diagnostic.GetMessage());
        DiagnosticAssert.LocatedIn(diagnostic, run, ProxyPath, located);
        Assert.DoesNotContain("Proxy = Proxy()", run.Generated, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Theory]
    [InlineData("public Response Proxy(NextRequest request) => NextResponse.Next();", "Proxy must be a public or internal static, non-generic method")]
    [InlineData("private static Response Proxy(NextRequest request) => NextResponse.Next();", "Proxy must be a public or internal static, non-generic method")]
    [InlineData("public static string Proxy(NextRequest request) => \"next\";", "Proxy returns string; it returns Response, Task<Response> or ValueTask<Response> (NextResponse too; null continues)")]
    [InlineData("public static Response Proxy(RouteContext context) => NextResponse.Next();", "parameter 'context' is a RouteContext, but the proxy runs before a route is matched; it takes NextRequest, CancellationToken, HttpContext or services")]
    [InlineData("public static Response Proxy(int count) => NextResponse.Next();", "parameter 'count' of type int cannot be bound: the proxy takes NextRequest, CancellationToken, HttpContext, or services registered in dependency injection")]
    [InlineData("public static Response Proxy(NextRequest request) => NextResponse.Next();\npublic static Response Proxy() => NextResponse.Next();", "Proxy is overloaded; declare one Proxy method")]
    public void A_Proxy_method_that_cannot_be_bound_is_RH0018(string members, string reason)
    {
        var run = GeneratorHarness.RunOne(ProxyPath, Proxy(members));

        var diagnostic = DiagnosticAssert.Single(run, "RH0018");
        Assert.Equal("Proxy in app/proxy.cs: " + reason, diagnostic.GetMessage());
        DiagnosticAssert.LocatedIn(diagnostic, run, ProxyPath, "Proxy");
        Assert.DoesNotContain("Proxy = Proxy()", run.Generated, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void A_proxy_file_without_a_Proxy_method_is_RH0018()
    {
        var run = GeneratorHarness.RunOne(ProxyPath, Proxy("public static Response Middleware(NextRequest request) => NextResponse.Next();"));

        var diagnostic = DiagnosticAssert.Single(run, "RH0018");
        Assert.Equal("Proxy in app/proxy.cs: it declares no class with a public static Proxy method", diagnostic.GetMessage());
        DiagnosticAssert.LocatedIn(diagnostic, run, ProxyPath);
    }

    [Fact]
    public void Two_classes_declaring_Proxy_is_RH0018_at_the_second()
    {
        var run = GeneratorHarness.RunOne(ProxyPath, """
            namespace App;

            public static class FirstProxy { public static Response Proxy(NextRequest request) => NextResponse.Next(); }

            public static class SecondProxy { public static Response Proxy(NextRequest request) => NextResponse.Next(); }
            """);

        var diagnostic = DiagnosticAssert.Single(run, "RH0018");
        Assert.Contains("more than one class (FirstProxy, SecondProxy)", diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedIn(diagnostic, run, ProxyPath, "SecondProxy");
    }

    [Fact]
    public void A_second_proxy_file_below_the_root_is_RH0019_and_the_root_proxy_still_runs()
    {
        var run = GeneratorHarness.Run([(ProxyPath, Proxy(Continue)), ("api/proxy.cs", Proxy(Continue).Replace("AppProxy", "ApiProxy", StringComparison.Ordinal))]);

        var diagnostic = DiagnosticAssert.Single(run, "RH0019");
        Assert.StartsWith("app/api/proxy.cs is not run: the proxy is app/proxy.cs", diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedIn(diagnostic, run, "api/proxy.cs");
        Assert.Contains("new(\"app/proxy.cs\"", run.Generated, StringComparison.Ordinal);
        Assert.DoesNotContain("ApiProxy", run.Generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proxy_file_in_a_private_folder_is_ordinary_code()
    {
        var run = GeneratorHarness.RunOne("_lib/proxy.cs", "namespace App; public static class Helper { public static int Proxy() => 1; }");

        DiagnosticAssert.None(run);
        Assert.DoesNotContain("Proxy = Proxy()", run.Generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proxy_file_outside_the_app_folder_is_ordinary_code()
    {
        var run = GeneratorHarness.RunOne("/proj/Services/proxy.cs", "namespace App; public static class Helper { public static int Proxy() => 1; }");

        DiagnosticAssert.None(run);
        Assert.DoesNotContain("Proxy = Proxy()", run.Generated, StringComparison.Ordinal);
    }
}
