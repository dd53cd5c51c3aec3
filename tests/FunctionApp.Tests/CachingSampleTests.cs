using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NextRouteHandlers.Testing;

namespace FunctionApp.Tests;

/// <summary>The caching samples against the built app: prerendered products, tag revalidation behind a secret, and the prerender command.</summary>
public sealed class CachingSampleTests : IAsyncLifetime
{
    private const string Secret = "test-revalidate-secret";
    private readonly DirectoryInfo _cache = Directory.CreateTempSubdirectory("sample-cache-");
    private AppProcess _app = null!;

    public async Task InitializeAsync()
    {
        var port = LoopbackApp.FreePort();
        _app = await AppProcess.StartAsync(
            RepositoryPaths.BuiltApp("src/FunctionApp", "FunctionApp"), port,
            ["--urls", $"http://127.0.0.1:{port}", $"--Cache:FileSystem:Path={_cache.FullName}"],
            new Dictionary<string, string> { ["Revalidate__Secret"] = Secret });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _cache.Delete(recursive: true);
    }

    [Fact]
    public async Task Listed_products_are_prerendered_and_a_tag_revalidation_refreshes_them()
    {
        var (status, first) = await Product("1");
        var (_, again) = await Product("1");
        using var refused = await _app.Client.PostAsync("/api/revalidate?tag=products", null);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/revalidate?tag=products");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var accepted = await _app.Client.SendAsync(request);
        var (staleStatus, stale) = await Product("1");
        var (freshStatus, fresh) = await EventuallyHit("1");

        Assert.Equal("HIT", status);
        Assert.Equal(first, again);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(("STALE", first), (staleStatus, stale));
        Assert.Equal("HIT", freshStatus);
        Assert.NotEqual(first, fresh);
    }

    [Fact]
    public async Task A_product_id_that_is_not_a_number_is_a_cached_404()
    {
        using var first = await _app.Client.GetAsync("/products/not-a-number");
        using var second = await _app.Client.GetAsync("/products/not-a-number");

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal("MISS", first.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal("HIT", second.Headers.GetValues("x-nextjs-cache").Single());
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unlisted_product_is_rendered_on_first_request_then_cached()
    {
        var (miss, body) = await Product("42");
        var (hit, again) = await Product("42");

        Assert.Equal(("MISS", "HIT"), (miss, hit));
        Assert.Equal(body, again);
    }

    [Fact]
    public async Task The_prerender_command_fills_the_store_and_prints_the_route_table()
    {
        using var folder = new TemporaryFolder();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { RepositoryPaths.BuiltApp("src/FunctionApp", "FunctionApp"), "prerender", $"--Cache:FileSystem:Path={folder.Path}" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("\u25CF /products/[id]", output, StringComparison.Ordinal);
        Assert.Contains("/products/3", output, StringComparison.Ordinal);
        Assert.Contains("\u25CB /robots.txt", output, StringComparison.Ordinal);
        Assert.Contains("\u0192 /api/hello", output, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(folder.Path, "*.entry", SearchOption.AllDirectories));
    }

    private async Task<(string Cache, string Body)> Product(string id)
    {
        using var response = await _app.Client.GetAsync("/products/" + id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.GetValues("x-nextjs-cache").Single(), JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("renderedAt").GetString()!);
    }

    private async Task<(string Cache, string Body)> EventuallyHit(string id)
    {
        for (var i = 0; i < 100; i++)
        {
            var answer = await Product(id);
            if (answer.Cache == "HIT") return answer;
            await Task.Delay(50);
        }

        throw new TimeoutException("The product was never regenerated.");
    }
}
