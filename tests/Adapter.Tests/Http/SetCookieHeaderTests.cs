using Microsoft.Extensions.Time.Testing;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Tests.Http;

public class SetCookieHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Values_are_uri_component_encoded_and_path_defaults_to_root() =>
        Assert.Equal("a=b%20c; Path=/; HttpOnly", SetCookieHeader.Serialize(new ResponseCookie("a", "b c") { HttpOnly = true }));

    [Fact]
    public void Attributes_come_in_nextjs_order_with_lower_case_same_site()
    {
        var cookie = new ResponseCookie("s", "v!*'()")
        {
            Path = "/x", Expires = Now, MaxAge = 60, Domain = "example.com", Secure = true, HttpOnly = true, SameSite = "Lax", Partitioned = true, Priority = "High",
        };

        Assert.Equal(
            "s=v!*'(); Path=/x; Expires=Tue, 24 Nov 2026 10:00:00 GMT; Max-Age=60; Domain=example.com; Secure; HttpOnly; SameSite=lax; Partitioned; Priority=high",
            SetCookieHeader.Serialize(cookie));
    }

    [Fact]
    public void Deleting_writes_an_empty_value_expiring_at_the_epoch()
    {
        var headers = new Headers();

        new ResponseCookies(headers).Delete("a");

        Assert.Equal(["a=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"], headers.GetSetCookie());
    }

    [Fact]
    public void A_non_zero_max_age_adds_expires_and_zero_does_not()
    {
        var headers = new Headers();
        var cookies = new ResponseCookies(headers, new FakeTimeProvider(Now));

        cookies.Set("a", "1", new CookieOptions { MaxAge = 60 });
        cookies.Set("b", "1", new CookieOptions { MaxAge = 0 });

        Assert.Equal(["a=1; Path=/; Expires=Tue, 24 Nov 2026 10:01:00 GMT; Max-Age=60", "b=1; Path=/; Max-Age=0"], headers.GetSetCookie());
    }

    [Fact]
    public void Setting_a_name_again_replaces_it_whatever_its_path()
    {
        var headers = new Headers();
        var cookies = new ResponseCookies(headers);

        cookies.Set("a", "1", new CookieOptions { Path = "/x" });
        cookies.Set("a", "2");

        Assert.Equal(["a=2; Path=/"], headers.GetSetCookie());
    }

    [Theory]
    [InlineData("token=abc", "token=abc; Path=/")]
    [InlineData("a=b%20c; HTTPONLY; samesite=STRICT; path=/p", "a=b%20c; Path=/p; HttpOnly; SameSite=strict")]
    [InlineData("a=1; Max-Age=60; Expires=Thu, 01 Jan 2037 00:00:00 GMT", "a=1; Path=/; Expires=Thu, 01 Jan 2037 00:00:00 GMT; Max-Age=60")]
    public void Parsing_then_writing_normalises_as_nextjs_does(string header, string expected) =>
        Assert.Equal(expected, SetCookieHeader.Serialize(SetCookieHeader.Parse(header)!));

    [Theory]
    [InlineData("novalue")]
    [InlineData("=x")]
    public void A_header_without_a_name_does_not_parse(string header) => Assert.Null(SetCookieHeader.Parse(header));
}
