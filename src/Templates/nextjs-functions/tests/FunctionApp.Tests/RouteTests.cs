using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FunctionApp.Tests;

/// <summary>The example routes, called over HTTP. Each test shows one thing a route does; replace them with your own.</summary>
public sealed class RouteTests(RunningApp app) : IClassFixture<RunningApp>
{
    [Fact]
    public async Task Hello_answers_json_with_the_name_from_the_query()
    {
        var greeting = await app.Client.GetFromJsonAsync<JsonElement>("/api/hello?name=Ada");

        Assert.Equal("Hello, Ada!", greeting.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_item_route_receives_its_slug_decoded()
    {
        var item = await app.Client.GetFromJsonAsync<JsonElement>("/api/items/caf%C3%A9");

        Assert.Equal("café", item.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task A_method_the_route_does_not_export_answers_405_with_allow()
    {
        using var response = await app.Client.PutAsync("/api/items/1", content: null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task The_time_route_is_served_from_the_cache()
    {
        using var response = await app.Client.GetAsync("/api/time");

        // Rendered when the app started and cached for 10 s (Revalidate = 10); after that the cache still answers,
        // STALE, while it renders a fresh copy in the background.
        Assert.Contains(response.Headers.GetValues("x-nextjs-cache").Single(), new[] { "HIT", "STALE" });
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.CacheControl?.SharedMaxAge);
    }

    [Fact]
    public async Task The_webhook_rejects_a_wrong_signature_and_accepts_the_right_one()
    {
        const string body = "{\"event\":\"ping\"}";
        var right = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(RunningApp.WebhookSecret), Encoding.UTF8.GetBytes(body)));

        using var rejected = await app.Client.SendAsync(Webhook(body, "sha256=00"));
        using var accepted = await app.Client.SendAsync(Webhook(body, right));

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task An_unknown_url_answers_404()
    {
        using var response = await app.Client.GetAsync("/no/such/route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static HttpRequestMessage Webhook(string body, string signature) => new(HttpMethod.Post, "/api/webhook")
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
        Headers = { { "X-Signature", signature } },
    };
}
