using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NextRouteHandlers.Testing;

namespace FunctionApp.Tests;

/// <summary>
/// The built worker started without the Functions host (as <c>dotnet run</c> starts it, on a machine without Core
/// Tools): it serves the same routes by itself, on <c>--urls</c>, <c>ASPNETCORE_URLS</c> or <c>http://127.0.0.1:3000</c>.
/// </summary>
public class LocalServerTests
{
    private static readonly string App = RepositoryPaths.BuiltApp("src/FunctionApp", "FunctionApp");

    [Fact]
    public async Task Dotnet_run_serves_the_app_without_core_tools()
    {
        var port = LoopbackApp.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in new[] { "run", "--no-build", "-c", RepositoryPaths.Configuration, "--project", "src/FunctionApp", "--", "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(argument);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k is "DOTNET_HOST_PATH").ToArray()) start.Environment.Remove(key);
        // Core Tools are not installed here; make sure of it whatever the machine has.
        start.Environment["PATH"] = string.Join(':', (start.Environment["PATH"] ?? string.Empty).Split(':').Where(p => !File.Exists(Path.Combine(p, "func"))));
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var hello = await PollAsync(client, new Uri($"http://127.0.0.1:{port}/api/hello?name=Ada"), process, output);

            Assert.Equal("Hello, Ada!", JsonDocument.Parse(hello).RootElement.GetProperty("message").GetString());
            lock (output) Assert.DoesNotContain("Unable to launch the Azure Functions Core Tools", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Without_urls_it_listens_on_loopback_port_3000()
    {
        Assert.True(IsFree(3000), "Port 3000 is in use on 127.0.0.1, so the default address cannot be checked; stop whatever listens there.");

        await using var app = await AppProcess.StartAsync(App, 3000, []);

        Assert.Contains("Now listening on: http://127.0.0.1:3000", app.Output, StringComparison.Ordinal);
        using var response = await app.Client.GetAsync("/api/hello");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Aspnetcore_urls_chooses_the_address()
    {
        var port = LoopbackApp.FreePort();

        await using var app = await AppProcess.StartAsync(App, port, [], new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });

        using var response = await app.Client.GetAsync("/api/hello");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
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
        Assert.Contains("Now listening on", app.Output, StringComparison.Ordinal);
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

    private static async Task<string> PollAsync(HttpClient client, Uri uri, Process process, System.Text.StringBuilder output)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                lock (output) Assert.Fail($"dotnet run exited with {process.ExitCode} before serving:\n{output}");
            }

            try
            {
                return await client.GetStringAsync(uri);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }

        lock (output) throw new TimeoutException($"dotnet run did not serve {uri} within 90 s:\n{output}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
