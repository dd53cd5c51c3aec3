using System.Diagnostics;
using System.Net;
using System.Text.Json;
using NextRouteHandlers.Testing;

namespace FunctionApp.Tests;

/// <summary>The built app started the way the Functions host starts it: <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> set.</summary>
public class CustomHandlerProcessTests
{
    private static readonly string App = RepositoryPaths.BuiltApp("src/FunctionApp", "FunctionApp");

    [Fact]
    public async Task Under_the_host_it_listens_on_the_given_loopback_port_and_answers_the_readiness_probe_quickly()
    {
        var port = LoopbackApp.FreePort();
        var clock = Stopwatch.StartNew();
        await using var app = await AppProcess.StartAsync(App, port, [], new Dictionary<string, string> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        clock.Stop();

        using var probe = await app.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Contains($"http://127.0.0.1:{port}", app.Output, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"The app took {clock.Elapsed} to answer; the host allows 30-60 s.");
    }

    [Fact]
    public async Task An_invalid_port_stops_startup_with_a_message_naming_the_variable()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(App);
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = "not-a-port";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("FUNCTIONS_CUSTOMHANDLER_PORT", await output + await error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sample_routes_answer_as_documented()
    {
        var port = LoopbackApp.FreePort();
        await using var app = await AppProcess.StartAsync(App, port, ["--urls", $"http://127.0.0.1:{port}"]);

        var hello = JsonDocument.Parse(await app.Client.GetStringAsync("/api/hello?name=Ada")).RootElement;
        var item = JsonDocument.Parse(await app.Client.GetStringAsync("/api/items/caf%C3%A9")).RootElement;
        var docs = JsonDocument.Parse(await app.Client.GetStringAsync("/docs/a/b")).RootElement;
        using var about = await app.Client.GetAsync("/about");
        using var docsRoot = await app.Client.GetAsync("/docs");
        using var privateFolder = await app.Client.GetAsync("/_lib");
        using var delete = await app.Client.DeleteAsync("/api/items/1");
        using var options = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/items/1"));
        using var badJson = await app.Client.PostAsync("/api/hello", new StringContent("not json"));

        Assert.Equal("Hello, Ada!", hello.GetProperty("message").GetString());
        Assert.Equal("café", item.GetProperty("slug").GetString());
        Assert.Equal("/api/items/caf%C3%A9", item.GetProperty("pathname").GetString());
        Assert.Equal(["a", "b"], docs.GetProperty("segments").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.OK, about.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, docsRoot.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, privateFolder.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal("DELETE, GET, HEAD, OPTIONS", string.Join(", ", options.Content.Headers.Allow));
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
    }

    [Fact]
    public async Task The_sample_proxy_and_config_rules_answer_as_documented()
    {
        var port = LoopbackApp.FreePort();
        await using var app = await AppProcess.StartAsync(App, port, ["--urls", $"http://127.0.0.1:{port}"]);
        using var preflightRequest = new HttpRequestMessage(HttpMethod.Options, "/api/items/1");
        preflightRequest.Headers.Add("Origin", "https://client.example");
        preflightRequest.Headers.Add("Access-Control-Request-Method", "DELETE");

        using var preflight = await app.Client.SendAsync(preflightRequest);
        using var api = await app.Client.GetAsync("/api/hello");
        using var page = await app.Client.GetAsync("/about");
        using var redirect = await app.Client.GetAsync("/hello?name=Ada");
        var rewritten = JsonDocument.Parse(await app.Client.GetStringAsync("/items/caf%C3%A9")).RootElement;

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("*", preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("DELETE", preflight.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.False(preflight.Content.Headers.Contains("Allow"));
        Assert.Equal("*", api.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(page.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
        Assert.Equal("/api/hello?name=Ada", redirect.Headers.Location!.OriginalString);
        Assert.Equal("café", rewritten.GetProperty("slug").GetString());
        Assert.Equal("/items/caf%C3%A9", rewritten.GetProperty("pathname").GetString());
    }
}
