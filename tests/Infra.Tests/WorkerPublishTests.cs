using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using NextRouteHandlers.Testing.FunctionsHost;

namespace Infra.Tests;

/// <summary>
/// What <c>deploy/publish.sh</c> produces by default is a standard .NET isolated-worker Function App root that Flex
/// Consumption (runtime <c>dotnet-isolated</c> 10.0) runs as it is, precompiled for its Linux instances.
/// </summary>
[Collection(PublishCollection.Name)]
public class WorkerPublishTests(PublishFixture publish)
{
    private PublishedPackage Package => publish.Worker;

    [Fact]
    public void Host_json_has_no_route_prefix_and_no_custom_handler()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Package.AppRoot, "host.json")));

        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.Equal(string.Empty, host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.False(host.RootElement.TryGetProperty("customHandler", out _));
    }

    [Fact]
    public void Functions_metadata_holds_exactly_the_one_anonymous_catch_all_function()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(Package.AppRoot, "functions.metadata")));

        var function = Assert.Single(metadata.RootElement.EnumerateArray());
        Assert.Equal("routes", function.GetProperty("name").GetString());
        Assert.Equal("NextRouteHandlers.Functions.dll", function.GetProperty("scriptFile").GetString());
        var trigger = Assert.Single(function.GetProperty("bindings").EnumerateArray());
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString()!.ToLowerInvariant());
        Assert.Equal("{*path}", trigger.GetProperty("route").GetString());
        Assert.Equal(["delete", "get", "head", "options", "patch", "post", "put"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order());
        Assert.DoesNotContain(Directory.GetDirectories(Package.AppRoot), d => File.Exists(Path.Combine(d, "function.json")));
    }

    [Fact]
    public void The_worker_is_started_with_dotnet_and_the_extension_bundle_is_included()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(Package.AppRoot, "worker.config.json")));
        var description = config.RootElement.GetProperty("description");

        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.Equal("dotnet", description.GetProperty("defaultExecutablePath").GetString());
        Assert.Equal("FunctionApp.dll", description.GetProperty("defaultWorkerPath").GetString());
        Assert.True(File.Exists(Path.Combine(Package.AppRoot, ".azurefunctions", "function.deps.json")), ".azurefunctions/ is missing from the package.");
    }

    [Theory]
    [InlineData("FunctionApp.dll")]
    [InlineData("NextRouteHandlers.dll")]
    [InlineData("NextRouteHandlers.Functions.dll")]
    public void The_assemblies_are_precompiled_ReadyToRun(string assembly)
    {
        using var file = File.OpenRead(Path.Combine(Package.AppRoot, assembly));
        using var pe = new PEReader(file);

        // A ReadyToRun image carries native code in its managed-native header; plain IL has none.
        Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{assembly} is IL only, not ReadyToRun.");
    }

    [Fact]
    public void It_is_published_framework_dependent_for_linux_x64()
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(Package.AppRoot, "FunctionApp.deps.json")));
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(Package.AppRoot, "FunctionApp.runtimeconfig.json")));

        Assert.Equal(".NETCoreApp,Version=v10.0/linux-x64", deps.RootElement.GetProperty("runtimeTarget").GetProperty("name").GetString());
        // The instance's .NET 10 runs it: the runtime is not copied in.
        Assert.True(runtimeConfig.RootElement.GetProperty("runtimeOptions").TryGetProperty("frameworks", out _) || runtimeConfig.RootElement.GetProperty("runtimeOptions").TryGetProperty("framework", out _));
        Assert.DoesNotContain("libcoreclr.so", Package.Files());
    }

    [Fact]
    public void Symbols_and_xml_docs_stay_out_of_the_package()
    {
        // The app's own files; .azurefunctions/ is the extension bundle exactly as the worker SDK builds it.
        var files = Package.Files().Where(f => !f.StartsWith(".azurefunctions/", StringComparison.Ordinal)).ToArray();

        Assert.DoesNotContain(files, f => f.EndsWith(".pdb", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Package.Symbols, "FunctionApp.pdb")), "The symbols were not kept beside the package.");
    }

    [Fact]
    public void The_zip_holds_the_app_root_contents_with_host_json_at_its_root()
    {
        using var zip = ZipFile.OpenRead(Package.Zip);
        var entries = zip.Entries.Select(e => e.FullName).Where(n => !n.EndsWith('/')).Order(StringComparer.Ordinal).ToArray();

        Assert.Contains("host.json", entries);
        Assert.Contains("functions.metadata", entries);
        Assert.Contains(".azurefunctions/function.deps.json", entries);
        Assert.Equal(Package.Files(), entries);
    }

    [Fact]
    public void The_publish_reports_no_compiler_or_sdk_warnings()
    {
        Assert.True(Package.ExitCode == 0, Package.Output);
        Assert.DoesNotMatch(@"(?i)\bwarning\s+(IL\d{4}|CS\d{4}|NETSDK\d{4})", Package.Output);
    }

    [Fact]
    public async Task The_published_worker_serves_the_sample_routes_through_the_functions_host_and_stops_cleanly()
    {
        var cache = Path.Combine(Package.Folder, "route-cache");
        await using var host = await StandInFunctionsHost.StartAsync(new StandInHostOptions
        {
            AppDirectory = Package.AppRoot,
            AppSettings = { ["Cache__FileSystem__Path"] = cache },
        });

        await SampleRoutes.AssertServedAsync(host.Client);

        Assert.All(host.Invocations, i => Assert.True(i.Succeeded, i.ToString()));
        Assert.Equal(0, await host.StopAsync());
    }
}
