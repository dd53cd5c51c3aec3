using System.Runtime.Loader;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using NextRouteHandlers.Invocation;
using NextRouteHandlers.Http;
using NextRouteHandlers.Pipeline;
using NextRouteHandlers.Proxy;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Generators.Tests;

/// <summary>
/// Compiles the generated code with the route files, loads the assembly, and checks the manifest it builds at run
/// time: the values the runtime sees, and that the handler delegates call the user's methods with the right arguments.
/// </summary>
public class GeneratedManifestRuntimeTests
{
    private static readonly (string Path, string Source)[] App =
    [
        ("route.cs", RouteSource.Class("""public static Response GET() => new("home", new ResponseInit { Status = 201 });""", "HomeRoute")),
        ("blog/[slug]/route.cs", RouteSource.Class("""
            public const string Dynamic = "force-static";
                public const int Revalidate = 60;
                public const int MaxDuration = 15;

                public static IEnumerable<Dictionary<string, string>> GenerateStaticParams() => [new() { ["slug"] = "first" }, new() { ["slug"] = "second" }];

                public static Response GET(NextRequest request, RouteContext context, App.Services.IGreeter greeter) =>
                    new(request.Method + " " + context.Params["slug"] + " " + greeter.Greet());

                public static async Task<NextResponse> POST(RouteParams routeParams, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return new NextResponse("posted " + routeParams["slug"] + " " + cancellationToken.CanBeCanceled);
                }
            """, "BlogPostRoute")),
        ("(shop)/cart/route.cs", RouteSource.Class("""
            public const bool Revalidate = false;

                public static ValueTask<Response> DELETE(App.Services.IGreeter? greeter) => new(new Response(greeter is null ? "no greeter" : "greeter"));
            """, "CartRoute")),
        ("_lib/Services.cs", """
            namespace App.Services;

            public interface IGreeter
            {
                string Greet();
            }

            public sealed class Greeter : IGreeter
            {
                public string Greet() => "hello";
            }
            """),
    ];

    [Fact]
    public void Loaded_manifest_has_the_routes_in_order_with_their_paths()
    {
        using var loaded = LoadedApp.Compile(App);

        var routes = loaded.Manifest.Routes;

        Assert.Equal(
            [("/", "/route", "app/route.cs"), ("/blog/[slug]", "/blog/[slug]/route", "app/blog/[slug]/route.cs"), ("/cart", "/(shop)/cart/route", "app/(shop)/cart/route.cs")],
            routes.Select(r => (r.Pattern, r.AppPath, r.SourceFile)));
    }

    [Fact]
    public void Loaded_manifest_has_exactly_the_declared_handlers()
    {
        using var loaded = LoadedApp.Compile(App);

        var routes = loaded.Manifest.Routes.ToDictionary(r => r.Pattern);

        Assert.NotNull(routes["/"].Handlers.Get);
        Assert.Null(routes["/"].Handlers.Post);
        Assert.NotNull(routes["/blog/[slug]"].Handlers.Get);
        Assert.NotNull(routes["/blog/[slug]"].Handlers.Post);
        Assert.Null(routes["/blog/[slug]"].Handlers.Delete);
        Assert.Null(routes["/cart"].Handlers.Get);
        Assert.NotNull(routes["/cart"].Handlers.Delete);
    }

    [Fact]
    public void Loaded_manifest_has_the_segment_config()
    {
        using var loaded = LoadedApp.Compile(App);
        var routes = loaded.Manifest.Routes.ToDictionary(r => r.Pattern);

        var blog = routes["/blog/[slug]"].Config;
        Assert.Equal(DynamicMode.ForceStatic, blog.Dynamic);
        Assert.Equal(RevalidateSetting.After(60), blog.Revalidate);
        Assert.Equal(15, blog.MaxDuration);
        Assert.True(blog.DynamicParams);
        Assert.NotNull(blog.GenerateStaticParams);

        Assert.True(routes["/cart"].Config.Revalidate.IsNever);
        Assert.Same(RouteSegmentConfig.Default, routes["/"].Config);
    }

    [Fact]
    public async Task Generated_GenerateStaticParams_calls_the_route_method()
    {
        using var loaded = LoadedApp.Compile(App);
        var config = loaded.Manifest.Routes.Single(r => r.Pattern == "/blog/[slug]").Config;

        var staticParams = await config.GenerateStaticParams!(CancellationToken.None);

        Assert.Equal(["first", "second"], staticParams.Select(p => (string)p["slug"]));
    }

    [Fact]
    public async Task Generated_handler_without_parameters_calls_the_route_method()
    {
        using var loaded = LoadedApp.Compile(App);
        var home = loaded.Manifest.Routes.Single(r => r.Pattern == "/");

        var response = await home.Handlers.Get!(loaded.CreateInvocation(home, "GET", []));

        Assert.NotNull(response);
        Assert.Equal(201, response.Status);
        Assert.Equal("home", await ReadBodyAsync(response));
    }

    [Fact]
    public async Task Generated_handler_passes_request_context_and_services()
    {
        using var loaded = LoadedApp.Compile(App);
        var blog = loaded.Manifest.Routes.Single(r => r.Pattern == "/blog/[slug]");

        var response = await blog.Handlers.Get!(loaded.CreateInvocation(blog, "GET", [new RouteParam("slug", false, ["my-post"])], registerGreeter: true));

        Assert.Equal("GET my-post hello", await ReadBodyAsync(response!));
    }

    [Fact]
    public async Task Generated_handler_awaits_a_derived_response_and_passes_params_and_the_abort_token()
    {
        using var loaded = LoadedApp.Compile(App);
        var blog = loaded.Manifest.Routes.Single(r => r.Pattern == "/blog/[slug]");
        using var aborted = new CancellationTokenSource();

        var response = await blog.Handlers.Post!(loaded.CreateInvocation(blog, "POST", [new RouteParam("slug", false, ["p"])], aborted: aborted.Token));

        Assert.IsType<NextResponse>(response);
        Assert.Equal("posted p True", await ReadBodyAsync(response!));
    }

    [Theory]
    [InlineData(false, "no greeter")]
    [InlineData(true, "greeter")]
    public async Task Generated_handler_passes_null_for_a_missing_optional_service(bool registerGreeter, string expected)
    {
        using var loaded = LoadedApp.Compile(App);
        var cart = loaded.Manifest.Routes.Single(r => r.Pattern == "/cart");

        var response = await cart.Handlers.Delete!(loaded.CreateInvocation(cart, "DELETE", [], registerGreeter));

        Assert.Equal(expected, await ReadBodyAsync(response!));
    }

    [Fact]
    public async Task Generated_proxy_has_its_matchers_and_calls_the_proxy_method_with_its_services()
    {
        using var loaded = LoadedApp.Compile(App.Append(("proxy.cs", """
            namespace App;

            public static class AppProxy
            {
                public static readonly ProxyMatcher[] Matcher = ["/blog/:path*", new("/cart") { Missing = [new RouteHas(RouteHasType.Cookie, "session")] }];

                public static NextResponse Proxy(NextRequest request, App.Services.IGreeter greeter) =>
                    NextResponse.Next(new ResponseInit { Headers = { { "x-greeting", greeter.Greet() + " " + request.Method } } });
            }
            """)));
        var proxy = loaded.Manifest.Proxy!;

        var response = await proxy.Handler(loaded.CreateProxyInvocation("POST"));

        Assert.Equal("app/proxy.cs", proxy.SourceFile);
        Assert.Equal(["/blog/:path*", "/cart"], proxy.Matchers!.Select(m => m.Source));
        Assert.Equal(RouteHasType.Cookie, proxy.Matchers![1].Missing.Single().Type);
        Assert.Equal("hello POST", response!.Headers.Get("x-greeting"));
        Assert.Equal(3, loaded.Manifest.Routes.Count);
    }

    [Fact]
    public async Task Generated_static_file_route_sends_the_embedded_bytes_with_nextjs_headers_every_time()
    {
        byte[] icon = [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0xFF, 13, 10];
        using var loaded = LoadedApp.Compile(App, ["blog/icon.png", "robots.txt"], new Dictionary<string, byte[]> { ["blog/icon.png"] = icon, ["robots.txt"] = [] });
        var route = loaded.Manifest.Routes.Single(r => r.Pattern == "/blog/icon.png");

        var first = await route.Handlers.Get!(loaded.CreateInvocation(route, "GET", []));
        var second = await route.Handlers.Get!(loaded.CreateInvocation(route, "GET", []));
        var robots = loaded.Manifest.Routes.Single(r => r.Pattern == "/robots.txt");
        var empty = await robots.Handlers.Get!(loaded.CreateInvocation(robots, "GET", []));

        Assert.Equal(RouteKind.Metadata, route.Kind);
        Assert.Equal(("app/blog/icon.png", "/blog/icon.png/route"), (route.SourceFile, route.AppPath));
        Assert.Equal(icon, await ReadBytesAsync(first!));
        Assert.Equal(icon, await ReadBytesAsync(second!));
        Assert.Equal(200, first!.Status);
        Assert.Equal("image/png", first.Headers.Get("content-type"));
        Assert.Equal("public, max-age=0, must-revalidate", first.Headers.Get("cache-control"));
        Assert.Empty(await ReadBytesAsync(empty!));
        Assert.Equal("text/plain", empty!.Headers.Get("content-type"));
        Assert.Null(route.Handlers.Post);
    }

    [Fact]
    public async Task Generated_static_file_route_whose_file_was_not_embedded_fails_with_the_reason()
    {
        using var loaded = LoadedApp.Compile(App, ["icon.png"]);
        var route = loaded.Manifest.Routes.Single(r => r.Pattern == "/icon.png");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () => await route.Handlers.Get!(loaded.CreateInvocation(route, "GET", [])));

        Assert.Contains("'NextRouteHandlers/app/icon.png'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("NextRouteHandlers.targets", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<byte[]> ReadBytesAsync(Response response)
    {
        using var stream = new MemoryStream();
        if (response.Body is not null) await response.Body.WriteToAsync(stream, CancellationToken.None);
        return stream.ToArray();
    }

    private static async Task<string> ReadBodyAsync(Response response)
    {
        if (response.Body is null) return string.Empty;
        using var stream = new MemoryStream();
        await response.Body.WriteToAsync(stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The generated app compiled and loaded into a collectible load context.</summary>
    private sealed class LoadedApp : IDisposable
    {
        private readonly AssemblyLoadContext _context;
        private readonly System.Reflection.Assembly _assembly;

        private LoadedApp(AssemblyLoadContext context, System.Reflection.Assembly assembly, RouteManifest manifest)
        {
            _context = context;
            _assembly = assembly;
            Manifest = manifest;
        }

        public RouteManifest Manifest { get; }

        /// <summary>Compiles the files, with <paramref name="staticFiles"/> listed and those of <paramref name="embedded"/> embedded as the build would.</summary>
        public static LoadedApp Compile(IEnumerable<(string Path, string Source)> files, string[]? staticFiles = null, IReadOnlyDictionary<string, byte[]>? embedded = null)
        {
            var run = GeneratorHarness.Run(files, staticFiles: staticFiles);
            DiagnosticAssert.None(run);
            using var image = new MemoryStream();
            var resources = (embedded ?? new Dictionary<string, byte[]>()).Select(f => new ResourceDescription(StaticFileParser.ResourcePrefix + f.Key, () => new MemoryStream(f.Value), isPublic: true));
            var emit = run.OutputCompilation.Emit(image, manifestResources: resources);
            Assert.True(emit.Success, DiagnosticAssert.Describe(emit.Diagnostics));
            image.Position = 0;

            // The runtime library resolves from the default context, so the manifest's types are the test's types.
            var context = new AssemblyLoadContext("generated-app", isCollectible: true);
            var assembly = context.LoadFromStream(image);
            var appRoutes = assembly.GetType(GeneratorHarness.RootNamespace + ".AppRoutes", throwOnError: true)!;
            var manifest = Assert.IsType<RouteManifest>(appRoutes.GetProperty("Manifest")!.GetValue(null));
            return new LoadedApp(context, assembly, manifest);
        }

        public RouteInvocation CreateInvocation(RouteDefinition route, string method, RouteParam[] routeParams, bool registerGreeter = false, CancellationToken aborted = default)
        {
            var services = new ServiceCollection();
            if (registerGreeter)
            {
                var contract = _assembly.GetType("App.Services.IGreeter", throwOnError: true)!;
                var implementation = _assembly.GetType("App.Services.Greeter", throwOnError: true)!;
                services.AddSingleton(contract, implementation);
            }

            var httpContext = new DefaultHttpContext { RequestServices = services.BuildServiceProvider(), RequestAborted = aborted };
            httpContext.Request.Method = method;
            var request = new NextRequest(httpContext, new NextUrl("https:", "example.test", "/", new UrlSearchParams()));
            return new RouteInvocation(request, new RouteContext(new RouteParams(routeParams), route), httpContext);
        }

        public ProxyInvocation CreateProxyInvocation(string method)
        {
            var services = new ServiceCollection();
            services.AddSingleton(_assembly.GetType("App.Services.IGreeter", throwOnError: true)!, _assembly.GetType("App.Services.Greeter", throwOnError: true)!);
            var httpContext = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
            httpContext.Request.Method = method;
            return new ProxyInvocation(new NextRequest(httpContext, new NextUrl("https:", "example.test", "/blog/x", new UrlSearchParams())), httpContext);
        }

        public void Dispose() => _context.Unload();
    }
}
