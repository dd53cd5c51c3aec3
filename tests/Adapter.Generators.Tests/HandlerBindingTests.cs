using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Generators.Tests;

/// <summary>Which handler signatures bind (and compile in the generated code), and which are RH0011 errors.</summary>
public class HandlerBindingTests
{
    private const string RoutePath = "items/route.cs";

    private const string ServicesFile = """
        namespace App.Services;

        public interface IClock
        {
            DateTimeOffset Now { get; }
        }
        """;

    [Theory]
    [InlineData("", "GET()")]
    [InlineData("NextRequest request", "GET(invocation.Request)")]
    [InlineData("NextRequest request, RouteContext context", "GET(invocation.Request, invocation.Context)")]
    [InlineData("RouteContext context", "GET(invocation.Context)")]
    [InlineData("NextRequest request, CancellationToken cancellationToken", "GET(invocation.Request, invocation.Aborted)")]
    [InlineData("RouteParams routeParams", "GET(invocation.Context.Params)")]
    [InlineData("Microsoft.AspNetCore.Http.HttpContext httpContext", "GET(invocation.HttpContext)")]
    [InlineData("App.Services.IClock clock", "GetRequiredService<global::App.Services.IClock>(invocation.Services)")]
    [InlineData("App.Services.IClock? clock", "GetService<global::App.Services.IClock>(invocation.Services)")]
    [InlineData("NextRequest request, App.Services.IClock clock, RouteContext context", "GET(invocation.Request, global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::App.Services.IClock>(invocation.Services), invocation.Context)")]
    public void Supported_parameters_bind_and_compile(string parameters, string expectedCallPart)
    {
        var run = GeneratorHarness.Run(
        [
            (RoutePath, RouteSource.Class($"public static Response GET({parameters}) => new(\"hi\");")),
            ("_lib/Services.cs", ServicesFile),
        ]);

        DiagnosticAssert.None(run);
        var route = Assert.Single(run.Routes);
        Assert.Contains("Get = ", route.Text, StringComparison.Ordinal);
        Assert.Contains(expectedCallPart, route.Text, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Theory]
    [InlineData("Response", "new Response(\"hi\")")]
    [InlineData("NextResponse", "NextResponse.Json(new { ok = true })")]
    [InlineData("Task<Response>", "Task.FromResult(new Response(\"hi\"))")]
    [InlineData("ValueTask<Response>", "new ValueTask<Response>(new Response(\"hi\"))")]
    [InlineData("Task<NextResponse>", "Task.FromResult(new NextResponse(\"hi\"))")]
    [InlineData("ValueTask<NextResponse>", "ValueTask.FromResult(new NextResponse(\"hi\"))")]
    [InlineData("Task<Response?>", "Task.FromResult<Response?>(null)")]
    public void Supported_return_types_bind_and_compile(string returnType, string body)
    {
        var run = GeneratorHarness.RunOne(RoutePath, RouteSource.Class($"public static {returnType} GET(NextRequest request) => {body};"));

        DiagnosticAssert.None(run);
        Assert.Contains("Get = ", Assert.Single(run.Routes).Text, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Async_handler_binds_and_compiles()
    {
        var run = GeneratorHarness.RunOne(RoutePath, RouteSource.Class("""
            public static async Task<Response> POST(NextRequest request, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                return new Response("done");
            }
            """));

        DiagnosticAssert.None(run);
        Assert.Contains("Post = ", Assert.Single(run.Routes).Text, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Every_http_method_fills_its_own_table_entry()
    {
        var run = GeneratorHarness.RunOne(RoutePath, RouteSource.Class("""
            public static Response GET() => new("get");
            public static Response HEAD() => new();
            public static Response POST() => new("post");
            public static Response PUT() => new("put");
            public static Response PATCH() => new("patch");
            public static Response DELETE() => new("delete");
            public static Response OPTIONS() => new();
            """));

        DiagnosticAssert.None(run);
        var text = Assert.Single(run.Routes).Text;
        foreach (var (property, method) in new[] { ("Get", "GET"), ("Head", "HEAD"), ("Post", "POST"), ("Put", "PUT"), ("Patch", "PATCH"), ("Delete", "DELETE"), ("Options", "OPTIONS") })
        {
            Assert.Contains($"{property} = static invocation => new global::System.Threading.Tasks.ValueTask<global::NextRouteHandlers.Http.Response>(global::App.ItemRoute.{method}())", text, StringComparison.Ordinal);
        }

        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Internal_handler_in_an_internal_class_binds_and_compiles()
    {
        var run = GeneratorHarness.RunOne(RoutePath, """
            namespace App;

            internal static class InternalRoute
            {
                internal static Response GET() => new("hi");
            }
            """);

        DiagnosticAssert.None(run);
        Assert.Contains("global::App.InternalRoute.GET()", Assert.Single(run.Routes).Text, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Theory]
    [InlineData("public Response GET() => new();", "it must be static")]
    [InlineData("private static Response GET() => new();", "it must be public or internal")]
    [InlineData("protected static Response GET() => new();", "it must be public or internal")]
    [InlineData("public static string GET() => \"hi\";", "it returns string")]
    [InlineData("public static Task GET() => Task.CompletedTask;", "it returns System.Threading.Tasks.Task;")]
    [InlineData("public static ValueTask GET() => default;", "it returns System.Threading.Tasks.ValueTask;")]
    [InlineData("public static Task<string> GET() => Task.FromResult(\"hi\");", "it returns System.Threading.Tasks.Task<string>")]
    [InlineData("public static Response GET(int id) => new();", "parameter 'id' of type int cannot be bound")]
    [InlineData("public static Response GET(string name) => new();", "parameter 'name' of type string cannot be bound")]
    [InlineData("public static Response GET(NextRequest[] requests) => new();", "parameter 'requests' of type NextRouteHandlers.Http.NextRequest[] cannot be bound")]
    [InlineData("public static Response GET<T>() => new();", "it may not be generic")]
    [InlineData("public static Response GET(ref NextRequest r) => new();", "parameter 'r' may not be ref, in or out")]
    [InlineData("public static Response GET(out NextRequest r) { r = null!; return new(); }", "parameter 'r' may not be ref, in or out")]
    public void Invalid_handler_is_RH0011_at_the_method(string member, string expectedReason)
    {
        var source = $$"""
            using NextRouteHandlers.Http;

            namespace App;

            public class ItemRoute
            {
                {{member}}

                public static Response POST() => new("ok");
            }
            """;
        var run = GeneratorHarness.RunOne(RoutePath, source);

        var diagnostic = DiagnosticAssert.Single(run, "RH0011");
        Assert.StartsWith("Handler 'GET' in app/items/route.cs: ", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(expectedReason, diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedIn(diagnostic, run, RoutePath, "GET");

        // The invalid handler is left out; the valid one is still served and the generated code still compiles.
        var route = Assert.Single(run.Routes);
        Assert.DoesNotContain("Get = ", route.Text, StringComparison.Ordinal);
        Assert.Contains("Post = ", route.Text, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Overloaded_handler_is_RH0011_and_the_generated_code_still_compiles()
    {
        var source = RouteSource.Class("""
            public static Response GET() => new("first");

                public static Response GET(NextRequest request) => new("second");
            """);
        var run = GeneratorHarness.RunOne(RoutePath, source);

        var diagnostic = DiagnosticAssert.Single(run, "RH0011");
        Assert.Contains("overloaded", diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedIn(diagnostic, run, RoutePath, "GET");
        Assert.True(diagnostic.Location.SourceSpan.Start > source.IndexOf("GET()", StringComparison.Ordinal), "The error should point at the second overload.");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Assert.Single(run.Routes).Text, "Get = "));
        DiagnosticAssert.Compiles(run);
    }
}
