using System.Text.Json;
using NextRouteHandlers.Testing;

namespace FunctionApp.Tests;

/// <summary>The files the Functions host reads from the app root are in the build output and say what the host needs.</summary>
public class FunctionsLayoutTests
{
    private static readonly string Output = Path.GetDirectoryName(RepositoryPaths.BuiltApp("src/FunctionApp", "FunctionApp"))!;

    private static JsonElement ReadJson(params string[] path) => JsonDocument.Parse(File.ReadAllText(Path.Combine([Output, .. path]))).RootElement;

    [Fact]
    public void Host_json_declares_a_proxying_custom_handler_without_a_route_prefix()
    {
        var host = ReadJson("host.json");

        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.Equal(string.Empty, host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        var handler = host.GetProperty("customHandler");
        Assert.True(handler.GetProperty("enableProxyingHttpRequest").GetBoolean());
        Assert.False(handler.TryGetProperty("enableForwardingHttpRequest", out _));
        Assert.False(handler.TryGetProperty("http", out _));
        var executable = handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;
        Assert.True(File.Exists(Path.Combine(Output, executable)), $"host.json points at '{executable}', which is not in the app root.");
    }

    [Fact]
    public void One_function_folder_catches_every_path_and_method_anonymously()
    {
        var bindings = ReadJson("routes", "function.json").GetProperty("bindings").EnumerateArray().ToArray();

        var trigger = Assert.Single(bindings, b => b.GetProperty("type").GetString() == "httpTrigger");
        Assert.Equal("in", trigger.GetProperty("direction").GetString());
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal("{*path}", trigger.GetProperty("route").GetString());
        Assert.Equal(
            ["delete", "get", "head", "options", "patch", "post", "put"],
            trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order());
        var output = Assert.Single(bindings, b => b.GetProperty("type").GetString() == "http");
        Assert.Equal("out", output.GetProperty("direction").GetString());
        Assert.Equal(2, bindings.Length);
    }

    [Fact]
    public void No_other_function_folder_competes_for_requests()
    {
        var functionFolders = Directory.GetDirectories(Output).Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(Path.GetFileName);

        Assert.Equal(["routes"], functionFolders);
    }
}
