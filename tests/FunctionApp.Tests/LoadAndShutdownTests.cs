using System.Diagnostics;
using System.Net;
using System.Text;
using NextRouteHandlers.Testing;
using Xunit.Abstractions;

namespace FunctionApp.Tests;

/// <summary>
/// The built app under a bounded mixed load (a few thousand requests on loopback, concurrent revalidations), and
/// stopped with SIGTERM while a request streams, as the Functions host does on scale-in.
/// </summary>
public sealed class LoadAndShutdownTests(ITestOutputHelper output)
{
    private const string Secret = "load-test-revalidate-secret";

    [Fact]
    public async Task A_bounded_mixed_load_gets_no_server_error_and_memory_settles()
    {
        using var cache = new TemporaryFolder();
        await using var app = await Start(cache.Path);
        var pid = AppPid(app);
        await Burst(app, 300);
        var before = ResidentBytes(pid);

        var clock = Stopwatch.StartNew();
        var statuses = await Burst(app, 3000);
        clock.Stop();
        var after = ResidentBytes(pid);

        var serverErrors = statuses.Count(s => (int)s >= 500);
        output.WriteLine($"3000 requests in {clock.ElapsedMilliseconds} ms; resident memory {before / 1048576} MiB before, {after / 1048576} MiB after; "
            + string.Join(", ", statuses.GroupBy(s => (int)s).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        Assert.Equal(0, serverErrors);
        Assert.True(after < before * 2 + (64L << 20), $"Memory grew from {before} to {after} bytes.");
    }

    [Fact]
    public async Task Sigterm_lets_an_in_flight_request_finish_and_the_process_exit_cleanly()
    {
        using var cache = new TemporaryFolder();
        var app = await Start(cache.Path);
        var pid = AppPid(app);

        using var response = await app.Client.GetAsync("/api/chat?prompt=shutting+down", HttpCompletionOption.ResponseHeadersRead);
        var body = response.Content.ReadAsStringAsync();
        using (var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        var text = await body.WaitAsync(TimeSpan.FromSeconds(20));
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("You said: shutting down.", text, StringComparison.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        await app.DisposeAsync();
    }

    private static async Task<List<HttpStatusCode>> Burst(AppProcess app, int count)
    {
        var statuses = new List<HttpStatusCode>(count);
        using var gate = new SemaphoreSlim(32);
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                using var request = Request(i);
                using var response = await app.Client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                lock (statuses) statuses.Add(response.StatusCode);
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
        return statuses;
    }

    private static HttpRequestMessage Request(int i) => (i % 10) switch
    {
        0 => new HttpRequestMessage(HttpMethod.Get, "/api/hello?name=" + i),
        1 => new HttpRequestMessage(HttpMethod.Post, "/api/hello") { Content = new StringContent("{\"message\":\"m" + i + "\"}", Encoding.UTF8, "application/json") },
        2 => new HttpRequestMessage(HttpMethod.Get, "/products/" + (i % 7)),
        3 => new HttpRequestMessage(HttpMethod.Head, "/products/1"),
        4 => new HttpRequestMessage(HttpMethod.Get, "/api/time"),
        5 => new HttpRequestMessage(HttpMethod.Get, "/api/items/item-" + i),
        6 => new HttpRequestMessage(HttpMethod.Options, "/api/items/x"),
        7 => new HttpRequestMessage(HttpMethod.Get, "/robots.txt"),
        8 => Revalidation(i),
        _ => new HttpRequestMessage(HttpMethod.Get, "/no/such/route"),
    };

    private static HttpRequestMessage Revalidation(int i)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, i % 20 == 8 ? "/api/revalidate?tag=products" : "/api/revalidate?path=/api/time");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Secret);
        return request;
    }

    private static async Task<AppProcess> Start(string cachePath)
    {
        var port = LoopbackApp.FreePort();
        return await AppProcess.StartAsync(RepositoryPaths.BuiltApp("src/FunctionApp", "FunctionApp"), port, ["--urls", $"http://127.0.0.1:{port}", $"--Cache:FileSystem:Path={cachePath}"],
            new Dictionary<string, string> { ["Revalidate__Secret"] = Secret, ["Logging__LogLevel__Default"] = "Warning" });
    }

    private static int AppPid(AppProcess app) => app.ProcessId;

    private static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }

        throw new InvalidOperationException("No VmRSS for process " + pid);
    }
}
