using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Testing.FunctionsHost;

namespace Packaging.Tests;

/// <summary>
/// What a user does with the app <see cref="JourneyFixture"/> created from the packages: run it, run it under the
/// (stand-in) Functions host, run its tests, build it as a custom handler, and make a mistake Next.js rejects.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed partial class JourneyTests(JourneyFixture journey)
{
    private string AppProject => Path.Combine(journey.ProjectFolder, JourneyFixture.AppName + ".csproj");

    [Fact]
    public void The_packages_are_packed_without_warnings()
    {
        Assert.Empty(journey.Pack.Warnings());
        foreach (var id in new[] { "NextRouteHandlers", "NextRouteHandlers.Functions", "NextRouteHandlers.Templates" })
        {
            Assert.True(File.Exists(Path.Combine(journey.Feed, $"{id}.{journey.Version}.nupkg")), $"{id} {journey.Version} is not in the feed:\n{journey.Pack.Output}");
        }
    }

    [Fact]
    public void The_app_references_the_packages_and_nothing_of_the_repository()
    {
        var project = File.ReadAllText(AppProject);
        Assert.Contains($"<PackageReference Include=\"NextRouteHandlers\" Version=\"{journey.Version}\" />", project, StringComparison.Ordinal);
        Assert.Contains($"<PackageReference Include=\"NextRouteHandlers.Functions\" Version=\"{journey.Version}\" />", project, StringComparison.Ordinal);
        Assert.DoesNotContain("ProjectReference", project, StringComparison.Ordinal);
        Assert.DoesNotContain("<Import", project, StringComparison.Ordinal);

        // Not one file the journey wrote or built, nuget.config and obj/ included, names the repository.
        var root = RepositoryPaths.Root.TrimEnd('/');
        var naming = Directory.EnumerateFiles(journey.Workspace, "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length < 4 * 1024 * 1024 && !f.EndsWith(".dll", StringComparison.Ordinal) && !f.EndsWith(".pdb", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(root, StringComparison.Ordinal))
            .ToArray();
        Assert.True(naming.Length == 0, $"These files name the repository ({root}):\n{string.Join('\n', naming)}");
        Assert.Contains(journey.Feed, File.ReadAllText(Path.Combine(journey.Workspace, "nuget.config")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_new_app_builds_with_no_warnings()
    {
        // The worker SDK builds a project of its own (obj/.../WorkerExtensions) from packages the registry here has
        // only in later versions than it asks for, which NuGet reports as NU1603; that project is not the app's.
        var warnings = journey.Build.Warnings().Where(w => !(w.Contains("/WorkerExtensions/WorkerExtensions.csproj", StringComparison.Ordinal) && w.Contains("NU1603", StringComparison.Ordinal))).ToArray();
        Assert.True(warnings.Length == 0, $"The build warned:\n{string.Join('\n', warnings)}\n\n{journey.Steps}");
    }

    [Fact]
    public async Task The_templates_list_their_options_with_help()
    {
        var app = (await journey.Step(journey.Workspace, "new", "nextjs-functions", "--help", "--debug:custom-hive", journey.Hive)).Succeeded().Output;
        var route = (await journey.Step(journey.Workspace, "new", "route", "--help", "--debug:custom-hive", journey.Hive)).Succeeded().Output;

        Assert.Contains("--tests", app, StringComparison.Ordinal);
        Assert.Contains("--no-restore", app, StringComparison.Ordinal);
        foreach (var option in new[] { "-p, --path <path>", "-m, --methods <methods>", "--namespace <namespace>" }) Assert.Contains(option, route, StringComparison.Ordinal);
    }

    [Fact]
    public void The_route_template_names_the_file_after_its_folder()
    {
        var route = File.ReadAllText(Path.Combine(journey.ProjectFolder, "app", "api", "orders", "[id]", "route.cs"));

        Assert.Contains("namespace Contoso.Api.App.Api.Orders;", route, StringComparison.Ordinal);
        Assert.Contains("public static class IdRoute", route, StringComparison.Ordinal);
        Assert.Contains("public static Response GET(", route, StringComparison.Ordinal);
        Assert.Contains("public static async Task<Response> POST(", route, StringComparison.Ordinal);
        Assert.DoesNotContain("DELETE", route, StringComparison.Ordinal);
        Assert.DoesNotContain("#if", route, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_taken_from_the_repository_arrive_unchanged_but_for_the_app_name()
    {
        var renamed = new (string Repository, string App)[]
        {
            ("src/FunctionApp/Program.cs", "src/Contoso.Api/Program.cs"),
            ("src/FunctionApp/appsettings.json", "src/Contoso.Api/appsettings.json"),
            ("src/FunctionApp/CustomHandler/host.json", "src/Contoso.Api/CustomHandler/host.json"),
            ("src/FunctionApp/app/api/items/[slug]/route.cs", "src/Contoso.Api/app/api/items/[slug]/route.cs"),
            ("src/FunctionApp/app/api/time/route.cs", "src/Contoso.Api/app/api/time/route.cs"),
            ("src/FunctionApp/app/api/webhook/route.cs", "src/Contoso.Api/app/api/webhook/route.cs"),
            ("host.json", "host.json"),
            ("deploy/publish.sh", "deploy/publish.sh"),
        };
        foreach (var (repository, app) in renamed)
        {
            var expected = File.ReadAllText(Path.Combine(RepositoryPaths.Root, repository)).Replace("FunctionApp", JourneyFixture.AppName, StringComparison.Ordinal);
            Assert.True(expected == File.ReadAllText(Path.Combine(journey.AppRoot, app)), $"{app} differs from the repository's {repository}.");
        }

        var infra = Path.Combine(RepositoryPaths.Root, "infra");
        foreach (var file in Directory.EnumerateFiles(infra, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(infra, file);
            Assert.True(File.ReadAllText(file) == File.ReadAllText(Path.Combine(journey.AppRoot, "infra", relative)), $"infra/{relative} differs from the repository's.");
        }
    }

    [Fact]
    public async Task Dotnet_run_serves_the_routes_on_127_0_0_1_without_the_Functions_host()
    {
        var port = FreePort();
        // `env -u` starts dotnet without the outer `dotnet test` run's MSBuild variables, as a terminal would.
        string[] arguments = [.. DotnetCli.InheritedMSBuildVariables().SelectMany(v => new[] { "-u", v }), DotnetCli.Executable, "run", "--no-build", "-c", "Release", "--project", AppProject, "--", "--urls", $"http://127.0.0.1:{port}"];
        await using var app = await AppProcess.StartExecutableAsync("/usr/bin/env", port, arguments, DotnetCli.ShellVariables(), TimeSpan.FromSeconds(90));

        var hello = await app.Client.GetFromJsonAsync<JsonElement>("/api/hello?name=Journey");
        using var get = await app.Client.GetAsync("/api/orders/7");
        using var post = await app.Client.PostAsync("/api/orders/7", new StringContent("three", Encoding.UTF8));
        using var options = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/orders/7"));

        Assert.Equal("Hello, Journey!", hello.GetProperty("message").GetString());
        Assert.Equal("GET /api/orders/7\n", await get.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        Assert.Equal("POST /api/orders/7: 5 characters\n", await post.Content.ReadAsStringAsync());
        Assert.Equal("GET, HEAD, OPTIONS, POST", string.Join(", ", options.Content.Headers.Allow));
        Assert.Contains("http://127.0.0.1:" + port, app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stand_in_Functions_host_runs_the_built_worker()
    {
        using var cache = new TemporaryFolder();
        await using var host = await StandInFunctionsHost.StartAsync(new StandInHostOptions
        {
            AppDirectory = journey.BuildOutput,
            AppSettings = { ["Cache__FileSystem__Path"] = cache.Path },
        });

        using var order = await host.Client.GetAsync("/api/orders/abc");
        var item = await host.Client.GetFromJsonAsync<JsonElement>("/api/items/caf%C3%A9");
        using var missing = await host.Client.GetAsync("/api/nothing");

        Assert.Equal("routes", Assert.Single(host.Functions).Name);
        Assert.Equal("GET /api/orders/abc\n", await order.Content.ReadAsStringAsync());
        Assert.Equal("café", item.GetProperty("slug").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.All(host.Invocations, i => Assert.True(i.Succeeded, i.ToString()));
    }

    [Fact]
    public async Task The_app_s_own_tests_pass()
    {
        var test = (await journey.Step(journey.AppRoot, "test", JourneyFixture.AppName + ".slnx", "-c", "Release", "--no-build", "-nologo")).Succeeded();

        var summary = TestSummary().Match(test.Output);
        Assert.True(summary.Success, test.Output);
        Assert.Equal("0", summary.Groups["failed"].Value);
        Assert.True(int.Parse(summary.Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, test.Output);
    }

    [Fact]
    public async Task The_custom_handler_build_compiles_from_the_packages_too()
    {
        // In a copy of the project, so the two hostings' restores and outputs stay apart; the copy is under the
        // workspace, so the same nuget.config applies.
        var copy = Path.Combine(journey.Workspace, "custom-handler", JourneyFixture.AppName);
        CopyWithoutBuildOutput(journey.ProjectFolder, copy);

        var build = await journey.Step(copy, "build", "-c", "Release", "-nologo", "-p:RouteHandlersHosting=CustomHandler");

        build.Succeeded();
        Assert.Empty(build.Warnings());
        var output = Path.Combine(copy, "bin", "Release", "net10.0");
        Assert.True(File.Exists(Path.Combine(output, "routes", "function.json")), build.Output);
        Assert.Contains("\"customHandler\"", File.ReadAllText(Path.Combine(output, "host.json")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "functions.metadata")), "The custom handler build has the isolated worker's function metadata.");
    }

    [Fact]
    public async Task An_app_built_without_the_Azure_services_refuses_the_blob_store_at_start_and_says_why()
    {
        // The custom handler, where the switch matters (its Native AOT publish drops the code), built without publishing.
        var copy = Path.Combine(journey.Workspace, "no-azure-services", JourneyFixture.AppName);
        CopyWithoutBuildOutput(journey.ProjectFolder, copy);

        var build = await journey.Step(copy, "build", "-c", "Release", "-nologo", "-p:RouteHandlersHosting=CustomHandler", "-p:RouteHandlersAzureServices=false");

        // The package's targets turn the property into the runtime switch the trimmer and the library read.
        build.Succeeded();
        var output = Path.Combine(copy, "bin", "Release", "net10.0");
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, JourneyFixture.AppName + ".runtimeconfig.json")));
        Assert.False(runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("NextRouteHandlers.AzureServices.IsSupported").GetBoolean());

        // Configured for Blob Storage anyway, it stops at start, naming the setting and the property, before any request.
        var run = await journey.Step(output, JourneyFixture.AppName + ".dll", "--Cache:Store=AzureBlob", "--Cache:AzureBlob:ConnectionString=UseDevelopmentStorage=true", "--urls", $"http://127.0.0.1:{FreePort()}");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Cache:Store is AzureBlob, but this app was built with RouteHandlersAzureServices=false", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_route_conflict_fails_the_build_with_RH0002_naming_the_file()
    {
        // app/(shop)/api/hello is /api/hello again: a group folder is not part of the URL.
        var folder = Path.Combine(journey.ProjectFolder, "app", "(shop)", "api", "hello");
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "route.cs"), "namespace Contoso.Api.App.Shop.Api;\n\npublic static class HelloRoute\n{\n    public static Response GET() => new(\"again\");\n}\n");

            var build = await journey.Step(journey.ProjectFolder, "build", "-c", "Release", "--no-restore", "-nologo");

            // One error, located in one of the two files, naming both by their place in app/.
            Assert.NotEqual(0, build.ExitCode);
            var error = Assert.Single(build.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("error RH0002", StringComparison.Ordinal)).Distinct());
            Assert.Matches(@"^" + Regex.Escape(Path.Combine(journey.ProjectFolder, "app")) + @"/(\(shop\)/)?api/hello/route\.cs\(\d+,\d+\): error RH0002: Conflicting routes at /api/hello: ", error);
            Assert.Contains("/(shop)/api/hello/route", error, StringComparison.Ordinal);
            Assert.Contains(" /api/hello/route", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.Combine(journey.ProjectFolder, "app", "(shop)"), recursive: true);
        }
    }

    private static void CopyWithoutBuildOutput(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            CopyWithoutBuildOutput(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Failed:\s+(?<failed>\d+), Passed:\s+(?<passed>\d+)")]
    private static partial Regex TestSummary();
}
