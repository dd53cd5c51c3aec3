using System.Text.Json;
using NextRouteHandlers.Testing;

namespace FunctionApp.Tests;

/// <summary>
/// The build output is a standard isolated-worker Function App root (what <c>func start</c> runs), and the custom-handler
/// files that the <c>CustomHandler</c> build publishes instead say what the host needs.
/// </summary>
public class WorkerLayoutTests
{
    private static readonly string Output = Path.GetDirectoryName(RepositoryPaths.BuiltApp("src/FunctionApp", "FunctionApp"))!;
    private static readonly string Project = Path.Combine(RepositoryPaths.Root, "src", "FunctionApp");

    private static JsonElement ReadJson(params string[] path) => JsonDocument.Parse(File.ReadAllText(Path.Combine(path))).RootElement.Clone();

    [Fact]
    public void Host_json_has_no_route_prefix_and_no_custom_handler_section()
    {
        var host = ReadJson(Output, "host.json");

        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.Equal(string.Empty, host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.False(host.TryGetProperty("customHandler", out _));
    }

    [Fact]
    public void Both_host_json_files_put_the_host_in_OpenTelemetry_mode()
    {
        // Microsoft's OpenTelemetry how-to for Functions: the host exports through OpenTelemetry (the worker's spans
        // then sit under the host's in one schema) only with telemetryMode; otherwise it uses the Application Insights SDK.
        Assert.Equal("OpenTelemetry", ReadJson(Output, "host.json").GetProperty("telemetryMode").GetString());
        Assert.Equal("OpenTelemetry", ReadJson(Project, "CustomHandler", "host.json").GetProperty("telemetryMode").GetString());
    }

    [Fact]
    public void The_only_function_is_the_anonymous_catch_all_for_every_method()
    {
        var function = Assert.Single(ReadJson(Output, "functions.metadata").EnumerateArray());
        var trigger = Assert.Single(function.GetProperty("bindings").EnumerateArray());

        Assert.Equal("routes", function.GetProperty("name").GetString());
        Assert.Equal("NextRouteHandlers.Functions.RouteHandlersFunction.RunAsync", function.GetProperty("entryPoint").GetString());
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString()!.ToLowerInvariant());
        Assert.Equal("{*path}", trigger.GetProperty("route").GetString());
        Assert.Equal(["delete", "get", "head", "options", "patch", "post", "put"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order());
    }

    [Fact]
    public void No_function_folder_competes_with_the_worker_indexed_function()
    {
        Assert.DoesNotContain(Directory.GetDirectories(Output), d => File.Exists(Path.Combine(d, "function.json")));
        Assert.Equal("true", ReadJson(Output, "worker.config.json").GetProperty("description").GetProperty("workerIndexing").GetString());
    }

    [Fact]
    public void The_custom_handler_host_json_names_the_native_executable_and_proxies_requests()
    {
        var host = ReadJson(Project, "CustomHandler", "host.json");
        var handler = host.GetProperty("customHandler");

        Assert.Equal(string.Empty, host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal("FunctionApp", handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.True(handler.GetProperty("enableProxyingHttpRequest").GetBoolean());
        Assert.False(handler.TryGetProperty("enableForwardingHttpRequest", out _));
        Assert.False(handler.TryGetProperty("http", out _));
    }

    [Fact]
    public void The_custom_handler_function_folder_catches_every_path_and_method_anonymously()
    {
        var bindings = ReadJson(Project, "CustomHandler", "routes", "function.json").GetProperty("bindings").EnumerateArray().ToArray();

        var trigger = Assert.Single(bindings, b => b.GetProperty("type").GetString() == "httpTrigger");
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal("{*path}", trigger.GetProperty("route").GetString());
        Assert.Equal(["delete", "get", "head", "options", "patch", "post", "put"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order());
        var output = Assert.Single(bindings, b => b.GetProperty("type").GetString() == "http");
        Assert.Equal("out", output.GetProperty("direction").GetString());
    }
}
