using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using NextRouteHandlers.Testing;

namespace Infra.Tests;

/// <summary>
/// What <c>deploy/publish.sh --custom-handler</c> produces is a custom-handler Function App root that Flex Consumption
/// (runtime <c>custom</c>) can run as it is: a Native AOT executable the host starts with its port.
/// </summary>
[Collection(PublishCollection.Name)]
public class CustomHandlerPublishTests(PublishFixture publish)
{
    private PublishedPackage Package => publish.CustomHandler;

    [Fact]
    public void The_app_root_holds_host_json_the_function_folder_and_the_executable_host_json_names()
    {
        var root = Package.AppRoot;
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "host.json")));
        var handler = host.RootElement.GetProperty("customHandler");
        var executable = handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;

        Assert.Equal("FunctionApp", executable);
        Assert.True(handler.GetProperty("enableProxyingHttpRequest").GetBoolean());
        Assert.Equal(string.Empty, host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.True(File.Exists(Path.Combine(root, "routes", "function.json")), "routes/function.json is missing.");
        Assert.NotEqual(UnixFileMode.None, File.GetUnixFileMode(Path.Combine(root, executable)) & UnixFileMode.UserExecute);
        Assert.Equal(["routes"], Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(Path.GetFileName));
    }

    [Fact]
    public void The_function_folder_catches_every_path_and_method_anonymously()
    {
        using var function = JsonDocument.Parse(File.ReadAllText(Path.Combine(Package.AppRoot, "routes", "function.json")));
        var bindings = function.RootElement.GetProperty("bindings").EnumerateArray().ToArray();

        var trigger = Assert.Single(bindings, b => b.GetProperty("type").GetString() == "httpTrigger");
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal("{*path}", trigger.GetProperty("route").GetString());
        Assert.Equal(["delete", "get", "head", "options", "patch", "post", "put"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).Order());
        var output = Assert.Single(bindings, b => b.GetProperty("type").GetString() == "http");
        Assert.Equal("out", output.GetProperty("direction").GetString());
        Assert.Equal(2, bindings.Length);
    }

    [Fact]
    public void The_executable_is_a_native_aot_linux_x64_binary_and_nothing_else_is_shipped()
    {
        var root = Package.AppRoot;

        // An ELF executable, not a script or a Windows .exe; no IL, runtime or runtimeconfig beside it, because the
        // runtime is compiled in. No isolated-worker files either. Symbols are kept aside, not in the package.
        Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, File.ReadAllBytes(Path.Combine(root, "FunctionApp")).Take(4));
        Assert.Equal(["FunctionApp", "appsettings.json", "host.json", "routes/function.json"], Package.Files());
        Assert.True(File.Exists(Path.Combine(Package.Symbols, "FunctionApp.dbg")), "The native symbols were not kept beside the package.");
    }

    [Fact]
    public void The_publish_reports_no_trim_or_aot_warnings()
    {
        Assert.True(Package.ExitCode == 0, Package.Output);
        Assert.DoesNotMatch(@"(?i)\bwarning\s+(IL\d{4}|CS\d{4}|NETSDK\d{4})", Package.Output);
        Assert.Contains("Generating native code", Package.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_zip_holds_the_app_root_contents_with_host_json_at_its_root_and_the_executable_bit_kept()
    {
        var files = Package.Files();
        using var zip = ZipFile.OpenRead(Package.Zip);
        var entries = zip.Entries.ToDictionary(e => e.FullName);

        Assert.Contains("host.json", entries.Keys);
        Assert.Contains("routes/function.json", entries.Keys);
        Assert.DoesNotContain(entries.Keys, name => name.StartsWith("app/", StringComparison.Ordinal) || name.StartsWith('/') || name.Contains('\\', StringComparison.Ordinal));
        var mode = (entries["FunctionApp"].ExternalAttributes >> 16) & 0x1FF;
        Assert.True((mode & 0x40) != 0, $"FunctionApp is stored without the owner's execute bit (mode {Convert.ToString(mode, 8)}).");
        Assert.Equal(files, entries.Keys.Where(k => !k.EndsWith('/')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_published_executable_answers_the_hosts_readiness_probe_within_30_seconds()
    {
        var root = Package.AppRoot;
        var port = FreePort.Next();
        var environment = new Dictionary<string, string> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture) };

        // The Functions host starts defaultExecutablePath with the port and polls GET / (allowing 30-60 s).
        await using var app = await AppProcess.StartExecutableAsync(Path.Combine(root, "FunctionApp"), port, [], environment, TimeSpan.FromSeconds(30));
        using var probe = await app.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Contains($"http://127.0.0.1:{port}", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_port_stops_startup_with_a_message_naming_the_variable()
    {
        var start = new ProcessStartInfo(Path.Combine(Package.AppRoot, "FunctionApp")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = "not-a-port";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("FUNCTIONS_CUSTOMHANDLER_PORT", await output + await error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Trimming removes what the analysis proves unused: a path that reached something only by reflection would
    /// compile and then fail at run time. These requests go through JSON in and out, route parameters, cookies,
    /// configuration-bound redirects and rewrites, form parsing, DI-injected configuration, and the cache.
    /// </summary>
    [Fact]
    public async Task The_native_executable_serves_the_sample_routes_as_the_jit_build_does()
    {
        var port = FreePort.Next();
        var cache = Path.Combine(Package.Folder, "route-cache");
        await using var app = await AppProcess.StartExecutableAsync(Path.Combine(Package.AppRoot, "FunctionApp"), port, [$"--Cache:FileSystem:Path={cache}"], new Dictionary<string, string> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture) }, TimeSpan.FromSeconds(30));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await SampleRoutes.AssertServedAsync(client);
        Assert.DoesNotContain("Unhandled", app.Output, StringComparison.Ordinal);
    }
}
