using System.Net;
using System.Text.Json;

namespace Infra.Tests;

/// <summary>
/// Requests to the sample app that a published build must answer as the development build does: JSON in and out,
/// route parameters, configuration-bound redirects and rewrites, form parsing, a cache HIT and a static metadata file.
/// </summary>
public static class SampleRoutes
{
    /// <summary>Sends the requests through <paramref name="client"/> and asserts every answer.</summary>
    /// <param name="client">A client of the published app (directly, or through the Functions host).</param>
    public static async Task AssertServedAsync(HttpClient client)
    {
        using var hello = await client.GetAsync("/api/hello");
        using var echo = await client.PostAsync("/api/hello", new StringContent("""{"message":"from the package"}""", System.Text.Encoding.UTF8, "application/json"));
        using var notJson = await client.PostAsync("/api/hello", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        using var item = await client.GetAsync("/items/caf%C3%A9?q=1");
        using var redirect = await client.GetAsync("/hello");
        using var form = await client.PostAsync("/api/form", new FormUrlEncodedContent([new("name", "x"), new("qty", "nope")]));
        using var first = await client.GetAsync("/products/1");
        using var second = await client.GetAsync("/products/1");
        using var icon = await client.GetAsync("/icon.png");

        Assert.Equal(HttpStatusCode.OK, hello.StatusCode);
        Assert.Equal("application/json", hello.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Created, echo.StatusCode);
        Assert.Contains("from the package", await echo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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

        // app/icon.png, a static metadata file: embedded in the assembly (the AOT executable included), served as it is.
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/png", icon.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(NextRouteHandlers.Testing.RepositoryPaths.Root, "src", "FunctionApp", "app", "icon.png")), await icon.Content.ReadAsByteArrayAsync());
    }
}
