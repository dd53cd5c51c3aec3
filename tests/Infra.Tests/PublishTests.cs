using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NextRouteHandlers.Testing;

namespace Infra.Tests;

/// <summary>
/// Runs <c>deploy/publish.sh</c> once (it takes tens of seconds) for every test of the class, from a copy of the
/// sources: <c>dotnet test Serverless.sln</c> may be building the same projects in the repository at the same
/// time, and a publish there would restore and write into their <c>obj/</c> and <c>bin/</c> folders. The copy is
/// also what a fresh clone looks like: nothing built yet.
/// </summary>
public sealed class PublishFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "infra-publish-" + Guid.NewGuid().ToString("N"));

    public string AppRoot => Path.Combine(Folder, "out", "app");

    public string Zip => Path.Combine(Folder, "out", "app.zip");

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = string.Empty;

    public TimeSpan Duration { get; private set; }

    public async Task InitializeAsync()
    {
        var sources = Path.Combine(Folder, "repo");
        CopySources(RepositoryPaths.Root, sources);
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = sources,
        };
        start.ArgumentList.Add(Path.Combine(sources, "deploy", "publish.sh"));
        start.ArgumentList.Add(Path.Combine(Folder, "out"));
        // The test host runs under `dotnet test`; keep its MSBuild settings from leaking into the nested publish.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k is "MSBuildSDKsPath" or "MSBuildExtensionsPath" or "DOTNET_HOST_PATH").ToArray())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(8));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Duration = clock.Elapsed;
        ExitCode = process.ExitCode;
        Output = await output + await error;
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Copies what the publish reads: the root's files (host.json, Directory.Build.props, ...), src/ and deploy/, without build output.</summary>
    private static void CopySources(string root, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(root)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var folder in new[] { "src", "deploy" }) CopyFolder(Path.Combine(root, folder), Path.Combine(target, folder));
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var copy = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, File.GetUnixFileMode(file));
        }

        foreach (var folder in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}

/// <summary>What <c>deploy/publish.sh</c> produces is a Function App root that Flex Consumption can run as it is.</summary>
public class PublishTests(PublishFixture publish) : IClassFixture<PublishFixture>
{
    private string AppRoot
    {
        get
        {
            Assert.True(publish.ExitCode == 0, $"deploy/publish.sh exited with {publish.ExitCode}:\n{publish.Output}");
            return publish.AppRoot;
        }
    }

    [Fact]
    public void The_app_root_holds_host_json_the_function_folder_and_the_executable_host_json_names()
    {
        var root = AppRoot;
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "host.json")));
        var executable = host.RootElement.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;

        Assert.Equal("FunctionApp", executable);
        Assert.True(File.Exists(Path.Combine(root, "routes", "function.json")), "routes/function.json is missing.");
        Assert.True(File.Exists(Path.Combine(root, executable)), $"{executable} is missing.");
        Assert.NotEqual(UnixFileMode.None, File.GetUnixFileMode(Path.Combine(root, executable)) & UnixFileMode.UserExecute);
        Assert.Equal(["routes"], Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(Path.GetFileName));
    }

    [Fact]
    public void The_executable_is_a_native_aot_linux_x64_binary_and_nothing_else_is_shipped()
    {
        var root = AppRoot;
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal);

        // An ELF executable, not a script or a Windows .exe; no IL, runtime or runtimeconfig beside it, because the
        // runtime is compiled in. Symbols are kept aside, not in the package.
        Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, File.ReadAllBytes(Path.Combine(root, "FunctionApp")).Take(4));
        Assert.Equal(["FunctionApp", "appsettings.json", "host.json", Path.Combine("routes", "function.json")], files);
        Assert.True(File.Exists(Path.Combine(publish.Folder, "out", "symbols", "FunctionApp.dbg")), "The native symbols were not kept beside the package.");
    }

    [Fact]
    public void The_publish_reports_no_trim_or_aot_warnings()
    {
        var output = publish.Output;

        Assert.True(publish.ExitCode == 0, output);
        Assert.DoesNotMatch(@"(?i)\bwarning\s+(IL\d{4}|CS\d{4}|NETSDK\d{4})", output);
        Assert.Contains("Generating native code", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_local_or_secret_is_published()
    {
        var root = AppRoot;
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).ToArray();

        Assert.DoesNotContain("appsettings.Development.json", files);
        Assert.DoesNotContain("local.settings.json", files);
        Assert.DoesNotContain(files, f => f.EndsWith(".user", StringComparison.Ordinal));
        foreach (var settings in files.Where(f => f.StartsWith("appsettings", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(Path.Combine(root, settings));
            Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("RevalidateSecret", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_zip_holds_the_app_root_contents_with_host_json_at_its_root_and_the_executable_bit_kept()
    {
        var root = AppRoot;
        using var zip = ZipFile.OpenRead(publish.Zip);
        var entries = zip.Entries.ToDictionary(e => e.FullName);

        Assert.Contains("host.json", entries.Keys);
        Assert.Contains("routes/function.json", entries.Keys);
        Assert.DoesNotContain(entries.Keys, name => name.StartsWith("app/", StringComparison.Ordinal) || name.StartsWith('/') || name.Contains('\\', StringComparison.Ordinal));
        var mode = (entries["FunctionApp"].ExternalAttributes >> 16) & 0x1FF;
        Assert.True((mode & 0x40) != 0, $"FunctionApp is stored without the owner's execute bit (mode {Convert.ToString(mode, 8)}).");
        Assert.Equal(
            Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal),
            entries.Keys.Where(k => !k.EndsWith('/')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_published_executable_answers_the_hosts_readiness_probe_within_30_seconds()
    {
        var root = AppRoot;
        var port = FreePort();
        var environment = new Dictionary<string, string> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture) };

        // The Functions host starts defaultExecutablePath with the port and polls GET / (allowing 30-60 s).
        await using var app = await AppProcess.StartExecutableAsync(Path.Combine(root, "FunctionApp"), port, [], environment, TimeSpan.FromSeconds(30));
        using var probe = await app.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Contains($"http://127.0.0.1:{port}", app.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Trimming removes what the analysis proves unused: a path that reached something only by reflection would
    /// compile and then fail at run time. These requests go through JSON in and out, route parameters, cookies,
    /// configuration-bound redirects and rewrites, form parsing, DI-injected configuration, and the cache.
    /// </summary>
    [Fact]
    public async Task The_native_executable_serves_the_sample_routes_as_the_jit_build_does()
    {
        var root = AppRoot;
        var port = FreePort();
        var cache = Path.Combine(publish.Folder, "route-cache");
        await using var app = await AppProcess.StartExecutableAsync(Path.Combine(root, "FunctionApp"), port, [$"--Cache:FileSystem:Path={cache}"], new Dictionary<string, string> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture) }, TimeSpan.FromSeconds(30));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var hello = await client.GetAsync("/api/hello");
        using var echo = await client.PostAsync("/api/hello", new StringContent("""{"message":"from aot"}""", System.Text.Encoding.UTF8, "application/json"));
        using var notJson = await client.PostAsync("/api/hello", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        using var item = await client.GetAsync("/items/caf%C3%A9?q=1");
        using var redirect = await client.GetAsync("/hello");
        using var form = await client.PostAsync("/api/form", new FormUrlEncodedContent([new("name", "x"), new("qty", "nope")]));
        using var first = await client.GetAsync("/products/1");
        using var second = await client.GetAsync("/products/1");

        Assert.Equal(HttpStatusCode.OK, hello.StatusCode);
        Assert.Equal("application/json", hello.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Created, echo.StatusCode);
        Assert.Contains("aot", await echo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.OK, item.StatusCode);
        using (var itemJson = JsonDocument.Parse(await item.Content.ReadAsStringAsync()))
        {
            Assert.Contains(itemJson.RootElement.EnumerateObject(), p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == "café");
        }

        Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
        Assert.Equal("/api/hello", redirect.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("qty", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("HIT", second.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Unhandled", app.Output, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
