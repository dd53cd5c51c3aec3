using NextRouteHandlers.Testing;
using Xunit.Abstractions;

namespace NextRouteHandlers.Tests.Development;

/// <summary>
/// The development page as a real browser (headless Chromium) renders it. The screenshot goes to
/// <c>TestResults/browser/</c> of the repository; with <c>UPDATE_DOC_IMAGES=1</c> it also replaces the one in
/// <c>docs/images/</c>.
/// </summary>
public class DevelopmentPageBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Chromium_shows_the_route_table_and_the_entries_after_a_few_requests()
    {
        await using var app = await LoopbackApp.StartAsync(DevelopmentPageTests.SampleRoutes(), environment: "Development");
        await app.Client.GetAsync("cached");
        await app.Client.GetAsync("items/1");
        await app.Client.GetAsync("items/2");
        await app.Client.GetAsync("live");
        using var revalidate = new HttpRequestMessage(HttpMethod.Post, "_next-route-handlers/revalidate")
        {
            Headers = { { "x-next-route-handlers", "revalidate" } },
            Content = new FormUrlEncodedContent([new("path", "/items/2")]),
        };
        (await app.Client.SendAsync(revalidate)).EnsureSuccessStatusCode();
        var page = new Uri(app.BaseAddress, "_next-route-handlers");

        var dom = await Chromium.DumpDomAsync(page);
        var screenshot = Path.Combine(RepositoryPaths.Root, "TestResults", "browser", "development-page.png");
        await Chromium.ScreenshotAsync(page, screenshot);
        output.WriteLine("Screenshot: " + screenshot);
        if (Environment.GetEnvironmentVariable("UPDATE_DOC_IMAGES") == "1")
        {
            File.Copy(screenshot, Path.Combine(RepositoryPaths.Root, "docs", "images", "development-page.png"), overwrite: true);
        }

        Assert.Contains("<tr data-route=\"/cached\">", dom);
        Assert.Contains("<tr data-route=\"/live\">", dom);
        Assert.Contains("<tr data-route=\"/items/[id]\">", dom);
        Assert.Contains("<tr class=\"entry\" data-path=\"/items/1\"><td><code>/items/[id]</code></td><td><code>/items/1</code></td><td class=\"MISS\">MISS</td><td class=\"fresh\">fresh, HTTP 200</td>", dom);
        Assert.Contains("<tr class=\"entry\" data-path=\"/items/2\"><td><code>/items/[id]</code></td><td><code>/items/2</code></td><td class=\"MISS\">MISS</td><td class=\"expired\">expired, HTTP 200</td>", dom);
        Assert.Contains("<code>_N_T_/items/2</code>", dom);
        Assert.True(new FileInfo(screenshot).Length > 10_000, "The screenshot is suspiciously small.");
    }
}
