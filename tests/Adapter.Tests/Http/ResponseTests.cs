using System.Text;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Tests.Http;

public class ResponseTests
{
    private static async Task<string> BodyText(Response response)
    {
        using var stream = new MemoryStream();
        await response.Body!.WriteToAsync(stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void A_string_body_defaults_to_fetch_text_content_type()
    {
        Assert.Equal("text/plain;charset=UTF-8", new Response("{}").Headers.Get("content-type"));
        Assert.Equal("text/plain", new Response("x", new ResponseInit { Headers = { { "Content-Type", "text/plain" } } }).Headers.Get("content-type"));
        Assert.Null(new Response(new ResponseInit { Status = 204 }).Headers.Get("content-type"));
    }

    [Fact]
    public async Task Json_writes_compact_json_with_application_json()
    {
        var response = NextResponse.Json(new { a = 1, text = "café \"q\"" });

        Assert.Equal("application/json", response.Headers.Get("content-type"));
        Assert.Equal("{\"a\":1,\"text\":\"café \\\"q\\\"\"}", await BodyText(response));
    }

    [Fact]
    public void Json_keeps_status_and_a_content_type_from_init()
    {
        var response = NextResponse.Json(new { }, new ResponseInit { Status = 201, Headers = { { "content-type", "application/vnd+json" } } });

        Assert.Equal(201, response.Status);
        Assert.Equal("application/vnd+json", response.Headers.Get("content-type"));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public void Redirect_accepts_the_five_redirect_statuses(int status)
    {
        var response = NextResponse.Redirect("https://e.com/x", status);

        Assert.Equal(status, response.Status);
        Assert.Equal("https://e.com/x", response.Headers.Get("location"));
        Assert.Null(response.Body);
    }

    [Fact]
    public void Redirect_defaults_to_307_and_serialises_the_url() =>
        Assert.Equal(("https://e.com/", 307), (NextResponse.Redirect("https://e.com").Headers.Get("location"), NextResponse.Redirect("https://e.com").Status));

    [Fact]
    public void Redirect_refuses_other_statuses_and_relative_urls()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NextResponse.Redirect("https://e.com", 200));
        Assert.Throws<ArgumentException>(() => NextResponse.Redirect("/relative"));
        Assert.Throws<ArgumentException>(() => Response.Redirect("relative/path"));
    }

    [Theory]
    [InlineData(199)]
    [InlineData(600)]
    public void A_status_outside_200_to_599_is_refused(int status) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Response("x", new ResponseInit { Status = status }));

    [Fact]
    public void A_null_body_status_with_a_body_is_refused() =>
        Assert.Throws<ArgumentException>(() => new Response("x", new ResponseInit { Status = 204 }));

    [Fact]
    public void Next_and_rewrite_carry_the_middleware_markers()
    {
        Assert.Equal("1", NextResponse.Next().Headers.Get(NextResponse.MiddlewareNextHeader));
        Assert.Equal("/b", NextResponse.Rewrite("/b").Headers.Get(NextResponse.MiddlewareRewriteHeader));
    }
}
