using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NextRouteHandlers.Testing;

namespace FunctionApp.Tests;

/// <summary>The sample routes of each section of the Route Handlers guide, against the built app.</summary>
public sealed class SampleRoutesTests : IAsyncLifetime
{
    private const string WebhookSecret = "test-webhook-secret";
    private const string DraftSecret = "test-draft-secret";
    private AppProcess _app = null!;

    public async Task InitializeAsync()
    {
        var port = LoopbackApp.FreePort();
        _app = await AppProcess.StartAsync(RepositoryPaths.BuiltApp("src/FunctionApp", "FunctionApp"), port, ["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string> { ["Webhook__Secret"] = WebhookSecret, ["Draft__Secret"] = DraftSecret });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Cookies_are_read_from_the_request_and_set_from_nested_code()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/cookies");
        request.Headers.Add("Cookie", "theme=dark; visits=2");

        using var response = await _app.Client.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("dark", body.GetProperty("theme").GetString());
        Assert.Equal("3", body.GetProperty("visits").GetString());
        Assert.Equal(["visits=3; Path=/; HttpOnly"], response.Headers.GetValues("Set-Cookie"));
    }

    [Fact]
    public async Task A_form_with_a_bad_quantity_is_a_400_naming_the_field()
    {
        using var bad = await _app.Client.PostAsync("/api/form", new FormUrlEncodedContent([new("name", "Ada"), new("qty", "many")]));
        using var good = await _app.Client.PostAsync("/api/form", new FormUrlEncodedContent([new("name", "Ada"), new("qty", "2")]));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'qty'", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await good.Content.ReadAsStringAsync()).RootElement.GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task The_webhook_accepts_only_a_valid_signature_of_the_raw_body()
    {
        const string payload = "{\"type\":\"invoice.paid\"}";
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookSecret), Encoding.UTF8.GetBytes(payload)));

        using var valid = await _app.Client.SendAsync(Signed(payload, signature));
        using var forged = await _app.Client.SendAsync(Signed(payload, "sha256=" + new string('0', 64)));

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task The_chat_route_streams_tokens_as_they_are_produced()
    {
        using var response = await _app.Client.GetAsync("/api/chat?prompt=hi", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[256];
        var reads = 0;
        var text = new StringBuilder();
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            reads++;
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        Assert.StartsWith("You said: hi.", text.ToString(), StringComparison.Ordinal);
        Assert.True(reads >= 3, $"Expected the tokens in several reads, got {reads}.");
    }

    [Fact]
    public async Task Robots_sitemap_and_rss_are_served_with_their_content_types()
    {
        using var robots = await _app.Client.GetAsync("/robots.txt");
        using var sitemap = await _app.Client.GetAsync("/sitemap.xml");
        using var rss = await _app.Client.GetAsync("/rss.xml");

        Assert.Equal("User-Agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: https://example.com/sitemap.xml\n", await robots.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", robots.Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/xml", sitemap.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset", await sitemap.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/rss+xml", rss.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_static_icon_is_served_as_its_file_with_nextjs_headers_beside_the_code_metadata()
    {
        using var icon = await _app.Client.GetAsync("/icon.png");
        using var post = await _app.Client.PostAsync("/icon.png", new StringContent("x"));

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "src", "FunctionApp", "app", "icon.png")), await icon.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", icon.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=0, must-revalidate", icon.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Equal("HIT", icon.Headers.NonValidated["x-nextjs-cache"].ToString());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Fact]
    public async Task Redirects_and_query_parameters_work_as_in_the_guide()
    {
        using var redirect = await _app.Client.GetAsync("/api/redirect");
        var search = JsonDocument.Parse(await _app.Client.GetStringAsync("/api/search?query=hello+world&tag=a&tag=b")).RootElement;

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal("https://nextjs.org/", redirect.Headers.Location!.OriginalString);
        Assert.Equal("hello world", search.GetProperty("query").GetString());
        Assert.Equal(["a", "b"], search.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task The_nonce_route_awaits_connection_and_answers_each_request_anew()
    {
        using var first = await _app.Client.GetAsync("/api/nonce");
        using var second = await _app.Client.GetAsync("/api/nonce");

        var one = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("value").GetString();
        var two = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("value").GetString();
        Assert.Matches("^[0-9a-f]{32}$", one);
        Assert.NotEqual(one, two);
        Assert.False(second.Headers.Contains("x-nextjs-cache"));
    }

    [Fact]
    public async Task The_track_route_answers_at_once_and_logs_the_page_view_after_the_response()
    {
        var page = "/docs/" + Guid.NewGuid().ToString("N");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/track?page=" + page) { Headers = { { "User-Agent", "sample-test" } } };

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await _app.WaitForOutputAsync($"Page view of {page} by sample-test", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_draft_link_turns_draft_mode_on_so_the_product_page_skips_the_cache_and_delete_turns_it_off()
    {
        using var refused = await _app.Client.GetAsync("/api/draft?secret=guess&slug=/products/1");
        using var enabled = await _app.Client.GetAsync($"/api/draft?secret={DraftSecret}&slug=/products/1");
        var cookie = enabled.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var draftRequest = new HttpRequestMessage(HttpMethod.Get, "/products/1");
        draftRequest.Headers.Add("Cookie", cookie);
        using var draft = await _app.Client.SendAsync(draftRequest);
        using var published = await _app.Client.GetAsync("/products/1");
        using var disabled = await _app.Client.DeleteAsync("/api/draft");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, enabled.StatusCode);
        Assert.Equal("/products/1", enabled.Headers.Location!.OriginalString);
        Assert.StartsWith("__prerender_bypass=", cookie, StringComparison.Ordinal);
        Assert.False(draft.Headers.Contains("x-nextjs-cache"));
        Assert.Equal("private, no-cache, no-store, max-age=0, must-revalidate", draft.Headers.NonValidated["cache-control"].ToString());
        Assert.Equal("HIT", published.Headers.GetValues("x-nextjs-cache").Single());
        Assert.All(disabled.Headers.GetValues("Set-Cookie"), c => Assert.Contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT", c, StringComparison.Ordinal));
    }

    private static HttpRequestMessage Signed(string payload, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature", signature);
        return request;
    }
}
